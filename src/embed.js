/* dafu embed loader: the one file a host page links, with a stable name.
 *
 *   <script src="/path/to/embed/dafu.js" defer></script>
 *   <div data-dafu-src="reply.json">…the reply as plain text, shown until dafu starts…</div>
 *
 * It finds dafu.css, dafu-core.js and dafu.wasm next to itself, mounts every element with
 * data-dafu-src, an inline <script type="application/json" data-dafu-reply>, or data-dafu-text (its
 * own text is the reply, converted in the browser), and defines one global, `dafu`, for elements
 * added later: `dafu.mount(element, { src | reply | text, lang, views, open })`.
 * No inline script or style is created, so it runs under
 * `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
 */
(function () {
  'use strict';
  if (window.dafu) return;

  var script = document.currentScript;
  // Keeps each mounted instance alive as long as its element is: wasm-bindgen frees a Rust object
  // once its JavaScript wrapper is garbage-collected, which would take the view down with it.
  var live = new WeakMap();
  var base = new URL('.', script ? script.src : location.href);
  var core = null;

  function addStyle() {
    if (document.querySelector('link[data-dafu-style]')) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('dafu.css', base).href;
    link.setAttribute('data-dafu-style', '');
    document.head.appendChild(link);
  }

  function start() {
    if (!core) {
      core = import(new URL('dafu-core.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu.wasm', base) }).then(function () { return m; });
      });
    }
    return core;
  }

  /** Reads an element's data-dafu-* attributes as mount options. */
  function optionsOf(element) {
    var d = element.dataset;
    var options = {};
    if (d.dafuSrc) options.src = d.dafuSrc;
    var inline = element.querySelector('script[data-dafu-reply]');
    if (inline) options.reply = inline.textContent;
    // data-dafu-text: the element's own plain text is the reply; dafu converts it in the browser.
    if (!inline && !d.dafuSrc && 'dafuText' in d) options.text = element.innerText;
    if (d.dafuLang) options.lang = d.dafuLang;
    if (d.dafuViews) options.views = d.dafuViews;
    if (d.dafuOpen) options.open = d.dafuOpen;
    if (d.dafuTimeout) options.timeout = d.dafuTimeout;
    return options;
  }

  /**
   * Mounts a reply into `element`. Returns a handle at once; `handle.ready` settles when dafu has
   * started, and `handle.unmount()` (at any time) gives the element back its own content.
   */
  function mount(element, options) {
    var opts = Object.assign({}, options || {});
    if (opts.reply && typeof opts.reply !== 'string') opts.reply = JSON.stringify(opts.reply);
    element.setAttribute('data-dafu-mounted', '');
    var inner = null;
    var gone = false;
    var handle = {
      ready: start().then(function (m) {
        if (!gone) inner = m.mount(element, opts);
        return handle;
      }),
      unmount: function () {
        gone = true;
        element.removeAttribute('data-dafu-mounted');
        live.delete(element);
        if (inner) { inner.unmount(); inner.free(); inner = null; }
      },
    };
    live.set(element, handle);
    handle.ready.catch(function (e) {
      element.removeAttribute('data-dafu-mounted');
      console.error('dafu: could not start', e);
    });
    return handle;
  }

  /** Mounts every element under `root` that asks for dafu and is not mounted yet. */
  function scan(root) {
    var found = [];
    (root || document).querySelectorAll('[data-dafu-src], [data-dafu], [data-dafu-text]').forEach(function (el) {
      if (!el.hasAttribute('data-dafu-mounted')) found.push(mount(el, optionsOf(el)));
    });
    return found;
  }

  /** Converts a reply's plain text to reply JSON (resolves to the same text the CLI prints). */
  function convert(text) {
    return start().then(function (m) { return m.convertText(String(text)); });
  }

  window.dafu = { mount: mount, scan: scan, optionsOf: optionsOf, convert: convert };
  addStyle();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(document); });
  } else {
    scan(document);
  }
})();
