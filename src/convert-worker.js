/* The converter in a worker (dafu-convert-worker.js, next to dafu-convert.js): a long text is converted
 * here, off the page's main thread, so the page keeps answering while it runs. Receives the text,
 * answers with what the converter's `convert` returns ({ json, diagnostics }) or { error }.
 */
import init, { convert } from './dafu-convert.js';

const ready = init({ module_or_path: new URL('dafu-convert.wasm', import.meta.url) });

self.onmessage = async (event) => {
  try {
    await ready;
    self.postMessage(convert(String(event.data)));
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
