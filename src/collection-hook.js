/* The collection hook: a page that asks for a collection (`?collection=URL` on the dev page,
 * data-dafu-collection="URL" in a host page, dafu.mount(el, { collection })) calls the function under
 * Symbol.for('dafu.collection') with the element and the options; it loads the collection module
 * (dafu-collection.js + dafu-collection.wasm, next to this file, crate dafu-collection) the first
 * time, so the viewer's wasm does not carry the collection view. Resolves to the module's handle
 * (unmount(), free()). It reads the document through Document.prototype, so a named element
 * (<img name="currentScript">) cannot choose where the module is loaded from.
 */
(function (global) {
  'use strict';
  var key = Symbol.for('dafu.collection');
  if (!global || typeof global[key] === 'function') return;
  var own = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript');
  var script = own && own.get ? own.get.call(document) : null;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var base = new URL('.', script.src);
  var loaded = null;
  global[key] = function (element, options) {
    if (!loaded) {
      loaded = import(new URL('dafu-collection.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu-collection.wasm', base) }).then(function () { return m; });
      });
      // A failed load may be a passing network fault: the next call tries again.
      loaded.catch(function () { loaded = null; });
    }
    return loaded.then(function (m) {
      return m.mountCollection(element, Object.assign({}, options, { base: base.href }));
    });
  };
})(this);
