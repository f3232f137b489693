/* The dev page's converter hook (dist/dafu-convert-hook.js): the viewer converts a reply's text with
 * the converter module, a wasm of its own next to this file, loaded the first time a text is converted.
 * dafu.js does the same on host pages; dafu.html inlines both. The function sits under
 * Symbol.for('dafu.convert'), so no global name is taken.
 */
(function (global) {
  'use strict';
  var base = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  var loaded = null;
  global[Symbol.for('dafu.convert')] = function (text) {
    if (!loaded) {
      loaded = import(new URL('dafu-convert.js', base).href).then(function (m) {
        return m.default({ module_or_path: new URL('dafu-convert.wasm', base) }).then(function () { return m; });
      });
    }
    return loaded.then(function (m) { return m.convert(String(text)); });
  };
})(this);
