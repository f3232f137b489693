/* dafu frame page script (embed/frame.js, loaded by embed/frame.html as a module).
 *
 * Starts dafu, which mounts the one reply the frame's address names (?src=, or #src=; see
 * src/ui/frame.rs), and tells the parent page the frame's content height whenever it changes: on
 * load, a section opened or closed, show all, a text size, the frame's width, fonts loaded. Each
 * change is posted twice, in two formats, to any parent (a height is nothing secret):
 *
 *   { "dafu-frame": { "height": 812 } }                       dafu's own (embed/dafu.js, the snippet)
 *   { "datawrapper-height": { "frame.html?src=…": 812 } }     Datawrapper's resizer, unchanged
 *
 * The Datawrapper key is this frame's file name with its query and fragment, as the browser reads
 * them: the part of any way of writing the iframe's src (absolute, root-relative, relative) that
 * Datawrapper's older script looks for with iframe[src*=key]; its newer script matches the sender's
 * window instead. A parent that asks ({ "dafu-frame": "height?" }, from the parent window only) gets
 * the height again: a parent script that starts after the frame has not missed it.
 */
import init from './dafu-core.js';

const root = document.querySelector('[data-dafu-frame-page]');
const path = location.pathname;
const key = path.slice(path.lastIndexOf('/') + 1) + location.search + location.hash;
let last = -1;

/** The content's height in CSS pixels, rounded up: the bottom of the frame's one element. */
function measure() {
  return Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
}

/** Posts the height if it changed (or if `again`). */
function post(again) {
  if (!root || window.parent === window) return;
  const height = measure();
  if (height === last && again !== true) return;
  last = height;
  window.parent.postMessage({ 'dafu-frame': { height } }, '*');
  window.parent.postMessage({ 'datawrapper-height': { [key]: height } }, '*');
}

/** Posts once the current task is done, however many changes it made. */
let pending = false;
function soon() {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    post();
  }, 0);
}

if (root) {
  // Every change of the content's size, whatever causes it, resizes this element...
  new ResizeObserver(() => post()).observe(root);
  // ...but Chromium runs no ResizeObserver in a cross-origin frame outside the parent's viewport, so
  // changes to the DOM (a reply drawn, a section opened, a text size) are measured as they happen too.
  new MutationObserver(soon).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('resize', () => post());
  window.addEventListener('load', () => post());
  if (document.fonts) document.fonts.ready.then(() => post());
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data['dafu-frame'] === 'height?') post(true);
  });
}

init({ module_or_path: new URL('dafu.wasm', import.meta.url) }).catch((e) => {
  console.error('dafu: could not start', e);
});
