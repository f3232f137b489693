// The build-time allow-list of origins a page may open replies from when its own address names one
// (?src=, #src=). `DAFU_ALLOWED_ORIGINS="https://a.example https://b.example" ./dev …` (or trunk build)
// writes <meta name="dafu-allowed-origins" content="…"> into every such page of the build: index.html,
// dafu.html and embed/frame.html. The same meta can be written into those pages by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pages, relative to dist/, that take their reply from their own address. */
export const PAGES = ['index.html', 'dafu.html', 'embed/frame.html'];

/** The origins of a space- or comma-separated list; anything but an http(s) URL is an error. */
export function origins(list) {
  return list.split(/[\s,]+/).filter(Boolean).map((entry) => {
    let url;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`DAFU_ALLOWED_ORIGINS: "${entry}" is not an address`);
    }
    if (!/^https?:$/.test(url.protocol)) throw new Error(`DAFU_ALLOWED_ORIGINS: "${entry}" is not an http(s) origin`);
    return url.origin;
  });
}

/** `html` with the meta listing `list` right after its <meta charset> (minified pages may lack <head>). */
export function withAllowedOrigins(html, list) {
  const listed = origins(list);
  if (!listed.length) return html;
  const content = listed.join(' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const charset = /<meta\b[^>]*\bcharset\b[^>]*>/i.exec(html);
  if (!charset) throw new Error('DAFU_ALLOWED_ORIGINS: a page has no <meta charset>');
  const end = charset.index + charset[0].length;
  return `${html.slice(0, end)}<meta name="dafu-allowed-origins" content="${content}">${html.slice(end)}`;
}

/** Writes the meta into every page of `dir` (dist/) that takes its reply from its address. */
export function writeAllowedOrigins(dir, list) {
  if (!origins(list).length) return;
  for (const page of PAGES) {
    const file = join(dir, page);
    writeFileSync(file, withAllowedOrigins(readFileSync(file, 'utf8'), list));
  }
}
