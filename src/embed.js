/* dafu embed loader: the one file a host page links, with a stable name.
 *
 *   <script src="/path/to/embed/dafu.js" defer></script>
 *   <div data-dafu-src="reply.json">…the reply as plain text, shown until dafu starts…</div>
 *
 * It finds dafu.css, dafu-core.js and dafu.wasm next to itself (and the converter,
 * dafu-convert.js + dafu-convert.wasm, the first time a text is converted), mounts every element with
 * data-dafu-src, an inline <script type="application/json" data-dafu-reply>, or data-dafu-text (its
 * own text is the reply, converted in the browser), and defines one global, `dafu`, for elements
 * added later: `dafu.mount(element, { src | reply | text, lang, views, open, mode, size, classLabels })`.
 * A snapshot (`dafu render --src URL`: <article data-dafu-snapshot data-dafu-src="URL">) is mounted
 * over: it stays on screen until the live view is ready, then they swap in one frame (src/ui/takeover.rs).
 * A snapshot without data-dafu-src stays static: it does not carry its reply, and the seed is the dev
 * page's only.
 * It also makes every <iframe data-dafu-frame src="…/embed/frame.html?src=…"> as tall as the reply it
 * shows, from the heights the frame posts (see src/frame.js); frames added later: dafu.scan().
 * No inline script or style is created, so it runs under
 * `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
 *
 * It must be a classic script (not type="module"). It reads the document through Document.prototype,
 * never through `document.x`: an element the host's CMS lets through with a name
 * (<img name="currentScript" src="https://elsewhere/…">) hides the document's own property of that
 * name, and would otherwise choose where dafu's code is loaded from.
 */
(function (global) {
  'use strict';

  var proto = Document.prototype;
  /** The document's own property `name` (a getter of Document.prototype), whatever the page names. */
  function own(name) {
    var d = Object.getOwnPropertyDescriptor(proto, name);
    return d && d.get ? d.get.call(document) : undefined;
  }
  function query(selector) { return proto.querySelectorAll.call(document, selector); }
  function create(tag) { return proto.createElement.call(document, tag); }

  // Fail closed: dafu's files come from the folder of the <script> element that ran this file, or
  // from nowhere. A module script has no currentScript (and `this` is undefined at its top level).
  var script = own('currentScript');
  if (!(script instanceof HTMLScriptElement) || !script.src) {
    console.error(global === undefined
      ? 'dafu: dafu.js was included as type="module", which it does not support; include it as <script src="…/dafu.js" defer></script>. Nothing was mounted.'
      : 'dafu: dafu.js cannot tell which <script src> element loaded it, so it does not know where its files are. Nothing was mounted.');
    return;
  }

  /** Is `x` this loader's API (so the loader already ran), rather than anything else called dafu? */
  function isApi(x) {
    return !!x && typeof x.mount === 'function' && typeof x.scan === 'function' && typeof x.convert === 'function';
  }
  var taken = global.dafu;
  if (isApi(taken)) return;
  // An element with id or name "dafu" is also window.dafu; dafu's API takes the name over it (an own
  // property of window hides the element there, and nowhere else). Anything else the page called dafu
  // is left alone: dafu still mounts its elements, without a global.
  var named = taken instanceof Element || taken instanceof HTMLCollection || (!!taken && taken.window === taken);
  var publish = taken === undefined || named;
  if (named) {
    console.warn('dafu: the page has an element (or frame) with id or name "dafu", which is also window.dafu; window.dafu is now dafu\'s API, and the element is still reachable with document.getElementById("dafu").');
  } else if (!publish) {
    console.error('dafu: window.dafu is already used by the page, so dafu defines no global (dafu.mount and dafu.convert are unavailable); elements marked with data-dafu-* are still mounted.');
  }

  // Keeps each mounted instance alive as long as its element is: wasm-bindgen frees a Rust object
  // once its JavaScript wrapper is garbage-collected, which would take the view down with it.
  var live = new WeakMap();
  var base = new URL('.', script.src);
  var core = null;
  // Once a call into the wasm has thrown (a trap, a panic), the one instance serving every dafu on
  // the page is in an unknown state: nothing is called in it again.
  var failed = false;
  // What every instance shows then; read from dafu itself once it has started.
  var failure = 'dafu internal error';

  function addStyle() {
    if (query('link[data-dafu-style]').length) return;
    var link = create('link');
    link.rel = 'stylesheet';
    link.href = new URL('dafu.css', base).href;
    link.setAttribute('data-dafu-style', '');
    (own('head') || own('documentElement')).appendChild(link);
  }

  /** Shows that dafu has stopped, in every instance, as the panic hook does (once per instance). */
  function fail(error) {
    if (!failed) console.error('dafu: stopped after an internal error', error);
    failed = true;
    query('[data-dafu-root]').forEach(function (root) {
      if (root.querySelector(':scope > .dafu-error')) return;
      var panel = create('div');
      panel.className = 'dafu-error';
      panel.setAttribute('role', 'alert');
      panel.textContent = failure;
      root.appendChild(panel);
    });
  }

  function stopped() {
    return new Error('dafu stopped after an internal error; reload the page to start it again');
  }

  /** Calls into the wasm; if that throws, every instance says dafu has stopped, and so does the result. */
  function enter(call) {
    if (failed) throw stopped();
    try {
      return call();
    } catch (e) {
      fail(e);
      throw stopped();
    }
  }

  function start() {
    if (!core) {
      core = import(new URL('dafu-core.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu.wasm', base) }).then(function () {
          failure = enter(function () { return m.internalError(); });
          return m;
        });
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
    // Over a snapshot (`dafu render`), the live view speaks the snapshot's language unless told.
    var snapshot = 'dafuSnapshot' in d ? element : element.querySelector('[data-dafu-snapshot]');
    if (!d.dafuLang && snapshot && snapshot.lang) options.lang = snapshot.lang;
    if (d.dafuViews) options.views = d.dafuViews;
    if (d.dafuOpen) options.open = d.dafuOpen;
    if (d.dafuTimeout) options.timeout = d.dafuTimeout;
    if (d.dafuMode) options.mode = d.dafuMode;
    if (d.dafuSize) options.size = d.dafuSize;
    if (d.dafuClassLabels) options.classLabels = d.dafuClassLabels;
    if (d.dafuCollection) options.collection = d.dafuCollection;
    return options;
  }

  /**
   * Mounts a reply into `element`. Returns a handle at once; `handle.ready` settles when dafu has
   * started, and `handle.unmount()` (at any time) gives the element back its own content. An element
   * already mounted gets its existing handle back: unmount it first to mount it with other options.
   */
  function mount(element, options) {
    if (!(element instanceof HTMLElement)) throw new TypeError('dafu.mount: the first argument must be an HTML element');
    var existing = live.get(element);
    if (existing) {
      console.warn('dafu: this element is already mounted; its handle is returned (unmount it first to mount it again)');
      return existing;
    }
    var opts = Object.assign({}, options || {});
    if (opts.reply && typeof opts.reply !== 'string') opts.reply = JSON.stringify(opts.reply);
    element.setAttribute('data-dafu-mounted', '');
    var inner = null;
    var gone = false;
    // A collection (src/collection-hook.js, at the head of dafu.js) is a module of its own.
    var collection = global[Symbol.for('dafu.collection')];
    var handle = {
      ready: (opts.collection && collection ? collection(element, opts) : start().then(function (m) {
        return gone ? null : enter(function () { return m.mount(element, opts); });
      })).then(function (h) {
        if (gone && h) { h.unmount(); h.free(); } else inner = h;
        return handle;
      }),
      unmount: function () {
        gone = true;
        element.removeAttribute('data-dafu-mounted');
        if (live.get(element) === handle) live.delete(element);
        var mounted = inner;
        inner = null;
        if (!mounted || failed) return;
        try {
          enter(function () { mounted.unmount(); mounted.free(); });
        } catch (e) {
          // Already shown in every instance and logged by `enter`.
        }
      },
    };
    live.set(element, handle);
    handle.ready.catch(function (e) {
      element.removeAttribute('data-dafu-mounted');
      if (live.get(element) === handle) live.delete(element);
      console.error('dafu: could not start', e);
    });
    return handle;
  }

  // The parent of <iframe data-dafu-frame src="…/embed/frame.html?src=…">: each frame posts its
  // content's height ({ "dafu-frame": { "height": 812 } }, see src/frame.js), and the iframe whose
  // window sent it gets that height, if the message comes from the origin of that iframe's src.
  // dafu's one window-wide listener, added only once the page has such a frame (scan() looks again).
  var watching = false;
  var asked = new WeakSet();
  function originOf(frame) {
    try { return new URL(frame.src).origin; } catch (e) { return 'null'; }
  }
  function onHeight(e) {
    var said = e.data && e.data['dafu-frame'];
    var height = said && said.height;
    if (typeof height !== 'number' || !(height >= 0 && height <= 1e6) || e.origin === 'null') return;
    query('iframe[data-dafu-frame]').forEach(function (frame) {
      if (frame.contentWindow === e.source && originOf(frame) === e.origin) frame.style.height = Math.ceil(height) + 'px';
    });
  }
  function watchFrames() {
    var frames = query('iframe[data-dafu-frame]');
    if (!frames.length) return;
    if (!watching) EventTarget.prototype.addEventListener.call(global, 'message', onHeight);
    watching = true;
    // A frame that posted before this listener existed says its height again: now, if its document
    // is there (a cross-origin one cannot be read; a same-origin one still about:blank is not), else
    // when it loads.
    frames.forEach(function (frame) {
      if (asked.has(frame)) return;
      asked.add(frame);
      var ask = function () {
        var origin = originOf(frame);
        if (frame.contentWindow && origin !== 'null') frame.contentWindow.postMessage({ 'dafu-frame': 'height?' }, origin);
      };
      frame.addEventListener('load', ask);
      var doc = frame.contentDocument;
      if (!doc || doc.URL !== 'about:blank') ask();
    });
  }

  /** Mounts every element under `root` that asks for dafu and is not mounted yet. */
  function scan(root) {
    watchFrames();
    var found = [];
    var elements = root ? root.querySelectorAll('[data-dafu-src], [data-dafu], [data-dafu-text], [data-dafu-collection]') : query('[data-dafu-src], [data-dafu], [data-dafu-text], [data-dafu-collection]');
    elements.forEach(function (el) {
      if (!el.hasAttribute('data-dafu-mounted') && el instanceof HTMLElement) found.push(mount(el, optionsOf(el)));
    });
    return found;
  }

  // The converter hook (src/convert-hook.js) runs just before this file in embed/dafu.js.
  var hook = Symbol.for('dafu.convert');

  /** Converts a reply's plain text to reply JSON (resolves to the same text the CLI prints). */
  function convert(text) {
    if (failed) return Promise.reject(stopped());
    if (typeof global[hook] !== 'function') return Promise.reject(new Error('dafu: the converter is not available'));
    return global[hook](text).then(function (r) { return r.json; });
  }

  if (publish) global.dafu = { mount: mount, scan: scan, optionsOf: optionsOf, convert: convert };
  addStyle();
  if (own('readyState') === 'loading') {
    EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', function () { scan(); });
  } else {
    scan();
  }
})(this);
