/* dafu.html's collection hook. The single-file page has no collection module, and a page opened from
 * disk (file://) may not read any other file: the browser forbids it, so no collection.json could be
 * read there anyway. A `?collection=` on dafu.html gets this panel in its place, saying so in plain
 * words (Chinese, or English with `&lang=en`), instead of a refused address. tools/package.mjs inlines
 * it into dafu.html only; pages on a web server use src/collection-hook.js.
 */
(function (global) {
  'use strict';
  var key = Symbol.for('dafu.collection');
  if (!global || typeof global[key] === 'function') return;
  var words = {
    zh: {
      heading: '无法显示答复汇编',
      disk: '这个页面是从电脑上的文件直接打开的(file://),浏览器不允许这样的页面读取其他文件,所以在这里无法显示答复汇编。',
      page: '单文件版 dafu.html 不含答复汇编的显示功能。',
      how: '请把 dafu convert 生成的答复汇编(collection.json、search.json 和 replies 文件夹)放到网站上,在网页里用 dafu.js 显示(data-dafu-collection)。',
    },
    en: {
      heading: 'Cannot show the collection',
      disk: 'This page was opened straight from a file on this computer (file://). The browser does not let such a page read any other file, so a collection cannot be shown here.',
      page: 'The single-file dafu.html does not include the collection view.',
      how: 'Put the collection that dafu convert wrote (collection.json, search.json and the replies folder) on a web server and show it in a web page with dafu.js (data-dafu-collection).',
    },
  };
  global[key] = function (element, options) {
    var en = /^en/i.test(String((options && options.lang) || ''));
    var t = en ? words.en : words.zh;
    var make = function (tag, cls, text) {
      var e = document.createElement(tag);
      e.className = cls;
      if (text) e.textContent = text;
      return e;
    };
    var article = make('article', 'dafu-reply');
    article.lang = en ? 'en' : 'zh-CN';
    var panel = make('div', 'dafu-error');
    panel.setAttribute('role', 'alert');
    panel.append(
      make('h2', 'dafu-error__title', t.heading),
      make('p', 'dafu-error__summary', location.protocol === 'file:' ? t.disk : t.page),
      make('p', 'dafu-error__summary', t.how)
    );
    article.append(panel);
    element.append(article);
    return Promise.resolve({ unmount: function () { article.remove(); }, free: function () {} });
  };
})(this);
