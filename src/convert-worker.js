/* The converter in a worker (dafu-convert-worker.js, next to dafu-convert.js): a long text is converted
 * here, off the page's main thread, so the page keeps answering while it runs. Receives
 * { text, options } (text: a string or a file's bytes; options as the hook's: redact, lang, set), or
 * { text, redact }, or the text alone; answers with what the converter's `convert` returns
 * ({ json, diagnostics, report, form, fileName, … }) or { error }.
 */
import init, { convert } from './dafu-convert.js';

const ready = init({ module_or_path: new URL('dafu-convert.wasm', import.meta.url) });

self.onmessage = async (event) => {
  try {
    await ready;
    const d = event.data;
    const request = d !== null && typeof d === 'object' && !(d instanceof Uint8Array) ? d : { text: d };
    const input = request.text instanceof Uint8Array || request.text instanceof ArrayBuffer ? request.text : String(request.text);
    self.postMessage(convert(input, request.options || { redact: !!request.redact }));
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
