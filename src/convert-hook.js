/* The converter hook: the viewer converts a reply's text with the converter module, a wasm of its own
 * (dafu-convert.js + dafu-convert.wasm, next to this file), loaded the first time a text is converted,
 * so readers who only read never download it. A text over 200,000 characters converts in a worker
 * (dafu-convert-worker.js), so the page keeps answering. The function sits under
 * Symbol.for('dafu.convert'): it names no global, and no element of the page can stand in for it.
 *
 * One file for both pages that need it: the dev page loads it in dafu-hooks.js, and
 * tools/package.mjs puts it at the head of embed/dafu.js.
 */
(function (global) {
  'use strict';
  var hook = Symbol.for('dafu.convert');
  // Included as a module (no `this`), or a hook already there: nothing to do.
  if (!global || typeof global[hook] === 'function') return;
  // The folder of the <script src> element running this file, read through Document.prototype, so a
  // named element (<img name="currentScript">) cannot choose where the converter is loaded from.
  var own = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript');
  var script = own && own.get ? own.get.call(document) : null;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var base = new URL('.', script.src);

  var LONG = 200000;
  var loaded = null;
  function here(input, options) {
    if (!loaded) {
      loaded = import(new URL('dafu-convert.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu-convert.wasm', base) }).then(function () { return m; });
      });
    }
    return loaded.then(function (m) { return m.convert(input, options); });
  }

  // One worker, started on first use and kept (its wasm compiles once); requests are answered in order.
  var worker = null;
  var waiting = [];
  function inWorker(input, options) {
    return new Promise(function (resolve, reject) {
      if (!worker) {
        worker = new Worker(new URL('dafu-convert-worker.js', base), { type: 'module' });
        worker.onmessage = function (e) {
          var next = waiting.shift();
          if (!next) return;
          if (e.data && e.data.error) next.reject(new Error(e.data.error)); else next.resolve(e.data);
        };
        worker.onerror = function (e) {
          worker.terminate();
          worker = null;
          var failed = waiting;
          waiting = [];
          failed.forEach(function (w) { w.reject(new Error(e.message || 'the converter worker failed')); });
        };
      }
      waiting.push({ resolve: resolve, reject: reject });
      worker.postMessage({ text: input, options: options });
    });
  }

  // input: the reply's text, or a text file's bytes (Uint8Array, ArrayBuffer), which the module
  // decodes as the CLI does (UTF-8, UTF-16 by its BOM, GB18030). options: redact (personal data
  // masked, dafu convert --redact), lang ('zh', 'en': the report's words), set ([[key, value], ...]:
  // header corrections, dafu convert --set key=value), report (the dev page's report and form, as
  // markup). Copied into a plain object for the worker.
  global[hook] = function (input, options) {
    var bytes = input instanceof Uint8Array || input instanceof ArrayBuffer;
    if (!bytes) input = String(input);
    var o = {
      redact: !!(options && options.redact),
      lang: options && options.lang === 'en' ? 'en' : 'zh',
      set: options && Array.isArray(options.set) ? options.set : [],
      report: !!(options && options.report)
    };
    // Two bytes a character is about right for a Chinese text in GBK or UTF-16.
    var size = bytes ? input.byteLength / 2 : input.length;
    if (size > LONG && typeof Worker === 'function') {
      return inWorker(input, o).catch(function () { return here(input, o); });
    }
    return here(input, o);
  };
})(this);
