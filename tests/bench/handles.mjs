// How many JavaScript handles a section costs the page: `node tests/bench/handles.mjs` after a release
// build (dist/). Opens replies of 1,000 and 3,000 one-paragraph sections (tests/hostile/dense.mjs),
// waits for the fill, optionally opens every section, and counts the non-empty entries of wasm-bindgen's
// table of handles, which V8 caps at 10,000,000 for all the dafu on a page (ARCHITECTURE, "Why": handles).
// Prints handles per section closed and open; docs/performance.md keeps the numbers.
import { serve, launch } from '../server.mjs';
import { denseSections } from '../hostile/dense.mjs';

const server = await serve();
const browser = await launch();

/** Live handles after drawing `n` sections, all closed or (`open`) all opened with "show all". */
async function handles(n, open) {
  const page = await browser.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const body = JSON.stringify(denseSections(n));
  await page.route((u) => new URL(u).pathname === '/handles.reply.json', (r) => r.fulfill({ body, contentType: 'application/json' }));
  await page.goto(`${server.url}/?src=/handles.reply.json`);
  await page.waitForFunction(() => window.__wasm && document.querySelector('.dafu-accordion__button') && !document.querySelector('[data-dafu-filling]'), null, { timeout: 120000, polling: 200 });
  if (open) {
    await page.click('.dafu-accordion__show-all');
    await page.waitForFunction((k) => document.querySelectorAll('.dafu-read--section').length === k, n, { timeout: 60000 });
  }
  const live = await page.evaluate(() => {
    const table = window.__wasm.__wbindgen_externrefs;
    let count = 0;
    for (let i = 0; i < table.length; i += 1) if (table.get(i) != null) count += 1;
    return count;
  });
  await page.close();
  return live;
}

for (const open of [false, true]) {
  const [a, b] = [await handles(1000, open), await handles(3000, open)];
  console.log(`${open ? 'open  ' : 'closed'}: ${a} handles with 1,000 sections, ${b} with 3,000: ${((b - a) / 2000).toFixed(2)} per section`);
}
await browser.close();
await server.close();
