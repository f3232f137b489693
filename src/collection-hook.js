/* The collection hook: a page that asks for a collection (`?collection=URL` on the dev page,
 * data-dafu-collection="URL" in a host page, dafu.mount(el, { collection })) calls the function under
 * Symbol.for('dafu.collection') with the element and the options; it loads the collection module
 * (dafu-collection.js + dafu-collection.wasm, next to this file, crate dafu-collection) the first
 * time, so the viewer's wasm does not carry the collection view. Resolves to the module's handle
 * (unmount(), free()). It reads the document through Document.prototype and Node.prototype, so a
 * named element (<img name="currentScript">) cannot choose where anything is loaded from.
 *
 * Nothing waits for anything it does not need: the glue, the wasm and the collection's index are all
 * requested at once, and the index's response is handed to the module (`response`, for the address
 * `prefetched`), which reads it with its size limit.
 */
(function (global) {
  'use strict';
  var key = Symbol.for('dafu.collection');
  if (!global || typeof global[key] === 'function') return;
  var getter = function (proto, name) {
    var own = Object.getOwnPropertyDescriptor(proto, name);
    return own && own.get ? own.get.call(document) : null;
  };
  var script = getter(Document.prototype, 'currentScript');
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var base = new URL('.', script.src);
  var loaded = null;
  /** The module, loaded once: the glue imported while the wasm downloads (the glue compiles it from
   * the stream, instantiateStreaming, as soon as it is there). */
  function load() {
    if (!loaded) {
      var wasm = fetch(new URL('dafu-collection.wasm', base));
      wasm.catch(function () {});
      loaded = import(new URL('dafu-collection.js', base).href).then(function (m) {
        return m.default({ module_or_path: wasm }).then(function () { return m; });
      });
      // A failed load may be a passing network fault: the next call tries again.
      loaded.catch(function () { loaded = null; });
    }
    return loaded;
  }
  global[key] = function (element, options) {
    var o = Object.assign({}, options, { base: base.href });
    var address = typeof o.collection === 'string' ? o.collection.trim() : '';
    if (address) {
      try {
        // Resolved as the module resolves it (against the document's base), and fetched as it would
        // be (same-origin credentials); the module reads it only if the addresses agree.
        o.prefetched = new URL(o.collection, getter(Node.prototype, 'baseURI') || undefined).href;
        o.response = fetch(o.prefetched);
        // Handled by the module; a load that fails first must not leave an unhandled rejection.
        o.response.catch(function () {});
      } catch (e) {
        delete o.prefetched;
        delete o.response;
      }
    }
    return load().then(function (m) {
      return m.mountCollection(element, o);
    });
  };
})(this);
