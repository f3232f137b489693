/* From disk: the dev page (index.html) opened by double-click, from file://, cannot start the app: the
 * browser refuses its module script and wasm to a file's null origin, so the page shows the seed's
 * static snapshot and nothing else happens. This says so at once, in the page's language, and points to
 * dafu.html, the one page that works from disk. A classic script, which file:// still runs; it is in the
 * dev page's dafu-hooks.js only (tools/package.mjs), so dafu.html, embed/ and served pages never show it.
 */
(function () {
  'use strict';
  if (typeof document === 'undefined' || location.protocol !== 'file:') return;
  var band = document.querySelector('[data-dafu-page] .dafu-page__tools');
  if (!band || band.querySelector('.dafu-page__disk')) return;
  var words = /^en\b/i.test(document.documentElement.lang)
    ? ['This page needs a web server',
      'Opened from disk it can only show the sample reply: it cannot open files or convert text. Open ',
      ' in the same folder instead: it works when opened by double-click.']
    : ['此页面需要通过网站服务器打开',
      '直接双击打开时只能显示示例答复,无法打开文件或转换文本。请改为打开同一文件夹中的 ',
      ',它可以直接双击打开。'];
  var make = function (tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  };
  var box = make('div', 'dafu-error dafu-page__disk');
  box.setAttribute('role', 'alert');
  var link = make('a', 'dafu-page__disk-link', 'dafu.html');
  link.href = 'dafu.html';
  var line = make('p', 'dafu-error__summary');
  line.append(words[1], link, words[2]);
  box.append(make('p', 'dafu-error__title', words[0]), line);
  band.append(box);
})();
