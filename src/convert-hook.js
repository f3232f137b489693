/* The dev page's converter hook (dist/dafu-convert-hook.js): the viewer converts a reply's text with
 * the converter module, a wasm of its own next to this file, loaded the first time a text is converted.
 * dafu.js does the same on host pages; dafu.html inlines both. The function sits under
 * Symbol.for('dafu.convert'), so no global name is taken.
 */
(function (global) {
  'use strict';
  var base = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  var loaded = null;
  // Texts this long go to a worker, so the page keeps answering while they convert (the converter
  // reads about 20 MB/s: 200,000 characters is a frame or two).
  var LONG = 200000;
  // One worker, started on first use and kept (its wasm compiles once); requests are answered in order.
  var worker = null;
  var waiting = [];
  function inWorker(text) {
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
      worker.postMessage(text);
    });
  }
  global[Symbol.for('dafu.convert')] = function (text) {
    text = String(text);
    if (text.length > LONG && typeof Worker === 'function') {
      return inWorker(text).catch(function () { return here(text); });
    }
    return here(text);
  };
  function here(text) {
    if (!loaded) {
      loaded = import(new URL('dafu-convert.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu-convert.wasm', base) }).then(function () { return m; });
      });
    }
    return loaded.then(function (m) { return m.convert(text); });
  }
})(this);
