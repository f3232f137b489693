/* The converter in a worker (dafu-convert-worker.js, next to dafu-convert.js): a long text is converted
 * here, off the page's main thread, so the page keeps answering while it runs. Receives { text, redact }
 * (or the text alone), answers with what the converter's `convert` returns ({ json, diagnostics }) or
 * { error }.
 */
import init, { convert } from './dafu-convert.js';

const ready = init({ module_or_path: new URL('dafu-convert.wasm', import.meta.url) });

self.onmessage = async (event) => {
  try {
    await ready;
    const d = event.data;
    const request = d !== null && typeof d === 'object' ? d : { text: d, redact: false };
    self.postMessage(convert(String(request.text), !!request.redact));
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
