/* The 朗读 hook: the viewer's 朗读全文 / 朗读本节 buttons call the function under Symbol.for('dafu.read');
 * this file puts one there that loads the reader (dafu-read-aloud.js, next to this file; source
 * src/read-aloud.js) the first time a button is pressed, so that readers who never listen never
 * download it. The reader then answers under Symbol.for('dafu.reader') and takes over the hook.
 *
 * Loaded in dafu-hooks.js by the dev page, as dafu-read-hook.js by embed/frame.html, and at the head of embed/dafu.js
 * (tools/package.mjs); dafu.html inlines the reader itself. It reads the document through
 * Document.prototype, so a named element (<img name="currentScript">) cannot choose where the reader
 * is loaded from.
 */
(function (global) {
  'use strict';
  var readKey = Symbol.for('dafu.read');
  var readerKey = Symbol.for('dafu.reader');
  // Included as a module (no `this`), or a hook already there: nothing to do.
  if (!global || typeof global[readKey] === 'function') return;
  var proto = Document.prototype;
  var own = Object.getOwnPropertyDescriptor(proto, 'currentScript');
  var script = own && own.get ? own.get.call(document) : null;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var src = new URL('dafu-read-aloud.js', script.src).href;
  var reading = null;
  global[readKey] = function (act, id, group, strings) {
    var args = arguments;
    if (typeof global[readerKey] === 'function') return global[readerKey].apply(null, args);
    if (act === 'stop') return undefined;
    if (!reading) {
      reading = new Promise(function (resolve, reject) {
        var s = proto.createElement.call(document, 'script');
        s.src = src;
        s.onload = resolve;
        // A failed load may be a passing network fault: the next press tries again.
        s.onerror = function () { reading = null; reject(new Error('dafu: the reader did not load')); };
        proto.querySelector.call(document, 'head').appendChild(s);
      });
    }
    reading.then(function () {
      if (typeof global[readerKey] === 'function') global[readerKey].apply(null, args);
    }, function () {
      // strings[5]: "朗读没有载入" in the interface's language, shown in the buttons' status line.
      var status = group && group.querySelector('.dafu-read__status');
      if (status && strings) status.textContent = strings[5];
    });
    return undefined;
  };
})(this);
