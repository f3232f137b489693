/* The snapshot hook: the dev page's "下载网页" and "复制HTML片段" render the reply shown to static HTML
 * with the renderer module, a wasm of its own (dafu-render.js + dafu-render.wasm, next to this file,
 * crate dafu-render), loaded the first time a snapshot is made, so the viewer's wasm does not carry
 * the server-side renderer. The module makes exactly what `dafu render FILE [--fragment]` prints.
 * The function sits under Symbol.for('dafu.render'): it names no global, and no element of the page
 * can stand in for it. It resolves to the HTML text, or rejects with the renderer's message.
 *
 * The dev page loads it in dafu-hooks.js; dafu.html inlines the module instead (file:// allows
 * no fetch), see tools/package.mjs.
 */
(function (global) {
  'use strict';
  var hook = Symbol.for('dafu.render');
  // Included as a module (no `this`), or a hook already there: nothing to do.
  if (!global || typeof global[hook] === 'function') return;
  // The folder of the <script src> element running this file, read through Document.prototype, so a
  // named element (<img name="currentScript">) cannot choose where the renderer is loaded from.
  var own = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript');
  var script = own && own.get ? own.get.call(document) : null;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var base = new URL('.', script.src);

  var loaded = null;
  global[hook] = function (json, options) {
    var o = options || {};
    if (!loaded) {
      loaded = import(new URL('dafu-render.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu-render.wasm', base) }).then(function () { return m; });
      });
      // A failed load may be a passing network fault: the next call tries again.
      loaded.catch(function () { loaded = null; });
    }
    // A reply the page fetched from an address is fetched again here, as the page did (same origin
    // or allowed, checked when it was opened), so the viewer's wasm needs no second fetch or serialiser.
    var text = typeof o.src === 'string'
      ? fetch(new URL(o.src, document.baseURI).href, { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.text();
        })
      : Promise.resolve(String(json));
    return Promise.all([loaded, text]).then(function (both) {
      return both[0].render(both[1], !!o.fragment, String(o.lang || 'zh'), !!o.redact);
    });
  };
})(this);
