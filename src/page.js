/* The dev page's bar (index.html, dafu.html): open or drop a reply file (JSON, or text in any
 * encoding the CLI reads), paste a reply's text, the other language, 下载网页 and 复制HTML片段,
 * 隐去个人信息, and for a converted text the converter's report, the header form that corrects it as
 * `dafu convert --set` does, and 下载JSON named after the 文号 — the bytes the CLI prints.
 *
 * An editor's tool: readers never need it, so it is not in the app's wasm. The app calls the function
 * under Symbol.for('dafu.page') once, with the page element and an API: `zh` and `en` (the bar's
 * words, from the app's one table), `maxBytes`, `src` (the address the first reply came from) or
 * `seed` (its JSON), and `show(json, lang)`, which shows reply JSON (none: the first reply again) in
 * a language. Texts are converted here with the converter module (src/convert-hook.js), which also
 * words the report and the form (their text escaped there); the snapshot buttons use the renderer
 * module (src/render-hook.js). Everything else here is set as text, never as markup.
 */
(function (global) {
  'use strict';
  var key = Symbol.for('dafu.page');
  if (!global || typeof global[key] === 'function') return;

  // `{}` in a template, filled in order.
  function fill(template, args) {
    var i = 0;
    return template.replace(/\{\}/g, function () { return i < args.length ? String(args[i++]) : ''; });
  }

  // The name a saved page takes from where its reply came from: `2024-153.json` gives `2024-153`.
  function fileStem(path) {
    var last = String(path || '').split(/[?#]/)[0].split(/[\\/]/).pop() || '';
    var dot = last.lastIndexOf('.');
    var stem = dot >= 0 ? last.slice(0, dot) : last;
    return stem.trim() ? stem : 'reply';
  }

  // Whether a file's bytes are reply JSON: `{` first, after a UTF-8 BOM and white space.
  function isJson(bytes) {
    var i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x0c)) i++;
    return bytes[i] === 0x7b;
  }

  function saveFile(text, name, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    URL.revokeObjectURL(url);
  }

  function writeClipboard(text) {
    var clipboard = global.navigator && global.navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== 'function') return Promise.resolve(false);
    return Promise.resolve().then(function () { return clipboard.writeText(text); })
      .then(function () { return true; }, function () { return false; });
  }

  function make(tag, className, attributes) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    for (var name in attributes || {}) element.setAttribute(name, attributes[name]);
    return element;
  }

  function why(e) {
    return e && e.message ? e.message : String(e);
  }

  function start(page, api) {
    var band = page.querySelector('.dafu-page__tools');
    if (!band) return;
    var lang = 'zh';
    var t = api.zh;
    // The page's state: the reply JSON the bar shows (none: the page's first reply), the text it was
    // converted from and its header corrections, the converter's JSON and file name, the number of
    // the latest conversion (one that ends after a later one started is dropped), the saved name.
    var shown = null;
    var edit = { input: null, set: [] };
    var report = null;
    var latest = 0;
    var name = api.src ? fileStem(api.src) : 'reply';

    var open = make('label', 'dafu-page__open');
    var openWords = document.createTextNode('');
    var file = make('input', 'dafu-page__file', { type: 'file', accept: '.json,.txt,application/json,text/plain' });
    open.append(openWords, file);
    var paste = make('button', 'dafu-page__button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'dafu-page-paste' });
    var other = make('button', 'dafu-page__lang', { type: 'button' });
    var savePage = make('button', 'dafu-page__button', { type: 'button' });
    var copyFragment = make('button', 'dafu-page__button', { type: 'button' });
    var redact = make('label', 'dafu-page__redact');
    var redactBox = make('input', 'dafu-page__redact-box', { type: 'checkbox' });
    var redactWords = document.createTextNode('');
    redact.append(redactBox, redactWords);
    var hint = make('span', 'dafu-page__hint');
    var note = make('p', 'dafu-page__note', { role: 'status' });
    var pasteBox = make('div', 'dafu-page__paste', { id: 'dafu-page-paste' });
    pasteBox.hidden = true;
    var pasteLabel = make('label', 'dafu-page__paste-label', { for: 'dafu-page-text' });
    var text = make('textarea', 'dafu-page__text', { id: 'dafu-page-text', rows: '8' });
    var convert = make('button', 'dafu-page__button', { type: 'button' });
    pasteBox.append(pasteLabel, text, convert);
    // The fragment to copy by hand, when the clipboard refuses it.
    var byHand = make('div', 'dafu-page__paste');
    byHand.hidden = true;
    var byHandLabel = make('label', 'dafu-page__paste-label', { for: 'dafu-page-fragment' });
    var fragment = make('textarea', 'dafu-page__text', { id: 'dafu-page-fragment', rows: '8', readonly: '' });
    byHand.append(byHandLabel, fragment);
    var aside = make('aside', 'dafu-page__report', { 'aria-labelledby': 'dafu-page-report-title' });
    aside.hidden = true;
    var reportText = make('div', 'dafu-page__report-text', { id: 'dafu-page-report-text' });
    var form = make('section', 'dafu-page__edit', { id: 'dafu-page-edit', 'aria-labelledby': 'dafu-page-edit-title' });
    var download = make('button', 'dafu-page__button', { type: 'button' });
    aside.append(reportText, form, download);

    function words() {
      openWords.data = t.openFile;
      paste.textContent = t.paste;
      other.textContent = t.otherLanguage;
      other.setAttribute('lang', t.otherLanguageCode);
      savePage.textContent = t.downloadPage;
      copyFragment.textContent = t.copyFragment;
      redact.title = t.redactHint;
      redactWords.data = t.redact;
      hint.textContent = t.dropHint;
      pasteLabel.textContent = t.pasteLabel;
      convert.textContent = t.convert;
      byHandLabel.textContent = t.fragmentLabel;
      download.textContent = t.download;
    }
    function say(words) {
      note.textContent = words || '';
    }
    function show(json) {
      shown = json;
      api.show(json, lang);
    }

    // Converts a text (a string, or a text file's bytes) and shows the reply it gives, with the
    // report and, for a new text or language, the form (never while typing in it: the focus would
    // go). With 隐去个人信息 checked the reply and its JSON have personal data masked.
    function showText(input, reason) {
      var hook = global[Symbol.for('dafu.convert')];
      if (reason === 'new') {
        say(t.converting);
        edit.set = [];
      }
      edit.input = input;
      var self = ++latest;
      var options = { redact: redactBox.checked, lang: lang, set: edit.set.slice(), report: true };
      var conversion = typeof hook === 'function'
        ? Promise.resolve().then(function () { return hook(input, options); })
        : Promise.reject(new Error('no converter module on this page'));
      conversion.then(function (result) {
        if (self !== latest) return;
        if (!result || typeof result.json !== 'string') throw new Error('the converter returned no JSON');
        if (reason !== 'edit') form.innerHTML = String(result.form || '');
        reportText.innerHTML = String(result.report || '');
        report = { json: result.json, fileName: String(result.fileName || 'reply.json') };
        aside.hidden = false;
        show(result.json);
        if (reason === 'new') say(t.converted);
      }, function (e) {
        if (self !== latest) return;
        report = null;
        aside.hidden = true;
        say(why(e));
      });
    }

    // A dropped text or a file's content: JSON as it is, anything else as reply text to convert.
    function showContent(input) {
      if (typeof input === 'string' && input.trim().charAt(0) === '{') {
        edit = { input: null, set: [] };
        latest++;
        report = null;
        aside.hidden = true;
        show(input);
      } else {
        showText(input, 'new');
      }
    }

    function openFile(chosen) {
      name = fileStem(chosen.name);
      if (chosen.size > api.maxBytes) {
        say(fill(t.fileTooLarge, [chosen.name, Math.floor(api.maxBytes / 1024 / 1024)]));
        return;
      }
      // The bytes, not `text()`: a text file may be GBK or UTF-16, and the converter module decodes it
      // as the CLI does. Reply JSON is UTF-8, as the JSON standard says: read as text.
      chosen.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        return isJson(bytes) ? chosen.text() : bytes;
      }).then(function (input) {
        say(fill(t.fileOpened, [chosen.name]));
        showContent(input);
      }, function () {
        say(fill(t.fileUnreadable, [chosen.name]));
      });
    }

    // 下载网页 (the whole page) or 复制HTML片段 (the fragment): what `dafu render` prints for the
    // reply shown; the fragment goes to the clipboard, or into a box to copy by hand.
    function snapshot(asFragment) {
      var hook = global[Symbol.for('dafu.render')];
      var words = t;
      var saveAs = name + '.html';
      say(words.rendering);
      byHand.hidden = true;
      var options = { fragment: asFragment, lang: lang, redact: redactBox.checked };
      var json = shown;
      if (json === null && api.src) options.src = api.src;
      if (json === null && !api.src) json = api.seed;
      var rendering = typeof hook === 'function'
        ? Promise.resolve().then(function () { return hook(json || '', options); })
        : Promise.reject(new Error('no renderer module on this page'));
      rendering.then(function (html) {
        if (typeof html !== 'string') throw new Error('the renderer returned no HTML');
        if (!asFragment) {
          saveFile(html, saveAs, 'text/html;charset=utf-8');
          say(fill(words.downloaded, [saveAs]));
          return;
        }
        return writeClipboard(html).then(function (copied) {
          if (copied) {
            say(words.copied);
          } else {
            fragment.value = html;
            byHand.hidden = false;
            say(words.copyByHand);
          }
        });
      }).catch(function (e) {
        say(fill(words.failed, [why(e)]));
      });
    }

    file.addEventListener('change', function () {
      var chosen = file.files && file.files[0];
      if (chosen) openFile(chosen);
      // Clearing lets the same file be chosen again after editing it.
      file.value = '';
    });
    paste.addEventListener('click', function () {
      pasteBox.hidden = !pasteBox.hidden;
      paste.setAttribute('aria-expanded', String(!pasteBox.hidden));
    });
    convert.addEventListener('click', function () { showText(text.value, 'new'); });
    // The other language: the bar, the view and a converted text's report and form, worded again.
    other.addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      t = api[lang];
      words();
      if (edit.input !== null) showText(edit.input, 'language'); else show(shown);
    });
    savePage.addEventListener('click', function () { snapshot(false); });
    copyFragment.addEventListener('click', function () { snapshot(true); });
    // What is shown is what is published: a converted reply is converted again, masked or not.
    redactBox.addEventListener('change', function () {
      if (edit.input !== null) showText(edit.input, 'edit');
    });
    // One listener for the whole header form: a control's `data-dafu-set` names the fact, its value
    // is the correction; the reply shown and the JSON to download are converted again with it.
    form.addEventListener('input', function (e) {
      var control = e.target;
      var fact = control && control.getAttribute && control.getAttribute('data-dafu-set');
      if (!fact) return;
      var pair = edit.set.find(function (p) { return p[0] === fact; });
      if (pair) pair[1] = String(control.value); else edit.set.push([fact, String(control.value)]);
      if (edit.input !== null) showText(edit.input, 'edit');
    });
    download.addEventListener('click', function () {
      if (report) saveFile(report.json, report.fileName, 'application/json;charset=utf-8');
    });
    page.classList.add('dafu-page__drop');
    page.addEventListener('dragover', function (e) {
      e.preventDefault();
      page.classList.add('dafu-page__drop--active');
    });
    page.addEventListener('dragleave', function () { page.classList.remove('dafu-page__drop--active'); });
    page.addEventListener('drop', function (e) {
      e.preventDefault();
      page.classList.remove('dafu-page__drop--active');
      var data = e.dataTransfer;
      if (!data) return;
      var dropped = data.files && data.files[0];
      if (dropped) {
        openFile(dropped);
      } else {
        var plain = data.getData('text/plain');
        if (plain.trim()) showContent(plain);
      }
    });

    words();
    band.replaceChildren(open, paste, other, savePage, copyFragment, redact, hint, note, pasteBox, byHand, aside);
    band.classList.remove('dafu-page__tools--reserved');
  }

  // The app calls it once this script has run (it looks again at `load` if need be).
  global[key] = start;
})(typeof globalThis !== 'undefined' ? globalThis : this);
