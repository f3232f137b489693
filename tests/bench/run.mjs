// dafu benchmark: `node tests/bench/run.mjs [--quick]` after `trunk build --release --offline`.
// Prints one table: sizes; seed time-to-shown beside a static HTML page of the same reply; generated
// 10x and 100x replies (first show, all drawn, one toggle, show all, JS heap); the converter natively
// and in wasm; then each budget of tests/bench/budgets.json beside its measure.
// Timings are relative to this machine (printed first); they are measured, never asserted. The one
// check: exit status 1 when the gzipped app exceeds the size ceiling CI enforces.
// --quick (what ./dev test runs): 3 runs, the 10x reply only, a 1 MB converter text, no cargo bench.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { scaled } from './scaled.mjs';
import { serve, launch } from '../server.mjs';

const quick = process.argv.includes('--quick');
const runs = quick ? 3 : 11;
const root = resolve(import.meta.dirname, '../..');
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, 'budgets.json'), 'utf8'));
const measured = {};
const dist = join(root, 'dist');
const work = join(root, 'target/bench');
mkdirSync(work, { recursive: true });

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = [];
const row = (...cells) => rows.push(cells);

// --- sizes -------------------------------------------------------------------------------------
const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
const pick = (re) => files.filter((f) => re.test(f)).map((f) => readFileSync(join(dist, f)));
const sum = (bufs, f) => bufs.reduce((a, b) => a + f(b), 0);
const wasm = pick(/_bg\.wasm$/);
const js = pick(/^(dafu-app-.*|dafu-hooks)\.js$/);
// dafu-collection.css is the collection module's, loaded with it (its own row below).
const css = pick(/^(?!dafu-collection)[^/]*\.css$/);
// The component styles are inline in index.html (one request fewer each), so the page counts too;
// the seed's pre-rendered snapshot in it is the reply's content, not the app, and has a row of its own.
const snapshotOf = (page) => /<article\b[^>]*\bdata-dafu-snapshot[\s\S]*<\/article>/.exec(page)?.[0] ?? '';
const html = pick(/^index\.html$/).map((b) => Buffer.from(b.toString('utf8').replace(snapshotOf(b.toString('utf8')), '')));
const seedSnapshot = Buffer.from(snapshotOf(readFileSync(join(dist, 'index.html'), 'utf8')));
for (const [name, bufs] of [['wasm', wasm], ['js', js], ['html (component CSS inline)', html], ['css (page.css)', css], ['app total', [...wasm, ...js, ...html, ...css]]]) {
  row(`size: dev page ${name}`, kb(sum(bufs, (b) => b.length)), `${kb(sum(bufs, gz))} gz`);
}
measured.appGz = sum([...wasm, ...js, ...html, ...css], gz) / 1024;
row('size: the seed\'s snapshot in index.html (not in the app total)', kb(seedSnapshot.length), `${kb(gz(seedSnapshot))} gz`);
const reader = pick(/^dafu-read-aloud\.js$/);
row('size: 朗读 reader (loaded on the first press of 朗读)', kb(sum(reader, (b) => b.length)), `${kb(sum(reader, gz))} gz`);
const renderer = pick(/^dafu-render\.(js|wasm)$/);
row('size: renderer module (loaded on first 下载网页 / 复制HTML片段)', kb(sum(renderer, (b) => b.length)), `${kb(sum(renderer, gz))} gz`);
const collectionModule = pick(/^dafu-collection\.(js|wasm|css)$/);
row('size: collection module (loaded when a page shows a collection)', kb(sum(collectionModule, (b) => b.length)), `${kb(sum(collectionModule, gz))} gz`);
const single = readFileSync(join(dist, 'dafu.html'));
row('size: dafu.html', kb(single.length), `${kb(gz(single))} gz`);
// embed/: what every reader of a host page loads (loader, glue, wasm, styles); the converter module
// (dafu-convert.*, loaded only when a text is converted) is reported on its own line.
const embedFiles = readdirSync(join(dist, 'embed'));
const embedOf = (test) => embedFiles.filter(test).map((f) => readFileSync(join(dist, 'embed', f)));
// A reader loads one of two sets: a host page with the script (loader, glue, wasm, dafu.css), or the
// iframe's page (frame.html, frame.js, frame.css, the same glue, wasm and dafu.css, no loader). The
// ceiling holds for the larger.
const shared = embedOf((f) => ['dafu-core.js', 'dafu.wasm', 'dafu.css'].includes(f));
const embed = [...shared, ...embedOf((f) => f === 'dafu.js')];
const framed = [...shared, ...embedOf((f) => f.startsWith('frame.') || f === 'dafu-read-hook.js')];
row(`size: embed/ for readers, script on the page (${embed.length} files)`, kb(sum(embed, (b) => b.length)), `${kb(sum(embed, gz))} gz`);
row(`size: embed/ for readers, iframe (${framed.length} files)`, kb(sum(framed, (b) => b.length)), `${kb(sum(framed, gz))} gz`);
measured.embedGz = Math.max(sum(embed, gz), sum(framed, gz)) / 1024;
const converterFiles = embedOf((f) => f.startsWith('dafu-convert'));
row('size: converter module (loaded on first conversion)', kb(sum(converterFiles, (b) => b.length)), `${kb(sum(converterFiles, gz))} gz`);

// --- generated replies -------------------------------------------------------------------------
const seed = JSON.parse(readFileSync(join(root, 'data/seed.reply.json'), 'utf8'));
const scales = quick ? [10] : [10, 100];
for (const n of scales) writeFileSync(join(work, `x${n}.json`), JSON.stringify(scaled(seed, n)));

// A static HTML page of the seed: the same text, no script, one stylesheet.
const esc = (t) => String(t).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
const statics = [`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(seed.meta.title)}</title>`,
  `<link rel="icon" href="data:,"><style>${readFileSync(join(dist, 'embed/dafu.css'), 'utf8')}</style></head><body><article class="dafu">`,
  `<h1>${esc(seed.meta.title)}</h1><p>${esc(seed.preamble)}</p>`];
for (const s of seed.sections) {
  statics.push(`<h2 class="dafu-accordion__heading">${esc(s.numeral + s.heading)}</h2>`);
  for (const b of s.blocks) statics.push(`<p>${esc((b.ordinal ?? '') + (b.headline ?? '') + b.text)}</p>`);
}
statics.push(`<div class="dafu-funding"><svg class="dafu-chart__svg"></svg></div>${seed.closing.map((c) => `<p>${esc(c)}</p>`).join('')}</article></body></html>`);
writeFileSync(join(dist, 'bench-static.html'), statics.join('\n'));

// --- browser measurements -----------------------------------------------------------------------
const server = await serve();
const base = server.url;
const browser = await launch(['--js-flags=--expose-gc']);

/** Milliseconds from navigation start until `ready` (a page function) is true. */
async function timeToShown(url, ready, arg = null) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(ready, arg, { polling: 'raf', timeout: 120000 });
  const ms = await page.evaluate(() => performance.now());
  return { page, ms };
}
const seedShown = () => document.querySelectorAll('.dafu-accordion__heading').length >= 5 && !!document.querySelector('.dafu-chart__svg, .dafu-funding');
const staticShown = () => document.querySelectorAll('.dafu-accordion__heading').length >= 5 && !!document.querySelector('.dafu-chart__svg');
const seedTimes = [];
const staticTimes = [];
for (let i = 0; i < runs; i += 1) {
  const a = await timeToShown(`${base}/`, seedShown); seedTimes.push(a.ms); await a.page.close();
  const b = await timeToShown(`${base}/bench-static.html`, staticShown); staticTimes.push(b.ms); await b.page.close();
}
row(`seed: drawn (median of ${runs})`, `${median(seedTimes).toFixed(0)} ms`, `static page ${median(staticTimes).toFixed(0)} ms, ratio ${(median(seedTimes) / median(staticTimes)).toFixed(2)}`);

// "shown": first contentful paint of the dev page (the seed's snapshot, pre-rendered) beside a static
// page of the same snapshot (`dafu render`, whole page); "interactive": until a section toggle of the
// live view works (polled each frame: click the first live heading, see it open).
writeFileSync(join(dist, 'bench-snapshot.html'), execFileSync(join(root, 'target/release/dafu'), ['render', join(root, 'data/seed.reply.json')], { encoding: 'utf8' }));
const fcp = (page) => page.evaluate(() => new Promise((done) => {
  const seen = performance.getEntriesByName('first-contentful-paint')[0];
  if (seen) { done(seen.startTime); return; }
  new PerformanceObserver((l) => done(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
}));
const pollToggle = () => {
  const tick = () => {
    const b = [...document.querySelectorAll('.dafu-accordion__button')].find((e) => !e.closest('[data-dafu-snapshot]'));
    if (b && b.getAttribute('aria-expanded') === 'false') b.click();
    if (b && b.getAttribute('aria-expanded') === 'true') { window.__interactive = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
const shownTimes = [];
const staticFcp = [];
const interactive = [];
for (let i = 0; i < runs; i += 1) {
  const a = await browser.newPage();
  await a.addInitScript(pollToggle);
  await a.goto(`${base}/`);
  shownTimes.push(await fcp(a));
  await a.waitForFunction(() => window.__interactive, null, { timeout: 60000 });
  interactive.push(await a.evaluate(() => window.__interactive));
  await a.close();
  const b = await browser.newPage();
  await b.goto(`${base}/bench-snapshot.html`);
  staticFcp.push(await fcp(b));
  await b.close();
}
measured.seedRatio = median(shownTimes) / median(staticFcp);
row(`seed: shown, first contentful paint (median of ${runs})`, `${median(shownTimes).toFixed(0)} ms`, `static page of the same snapshot ${median(staticFcp).toFixed(0)} ms, ratio ${measured.seedRatio.toFixed(2)} (goal ≤ 1.2)`);
row(`seed: interactive, a section toggle works (median of ${runs})`, `${median(interactive).toFixed(0)} ms`, '');

for (const n of scales) {
  const first = [];
  const full = [];
  const busyToggles = [];
  const toggles = [];
  const all = [];
  let heap = 0;
  let sections = 0;
  for (let i = 0; i < (n === 100 ? Math.min(runs, 5) : runs); i += 1) {
    const want = (count) => document.querySelectorAll('.dafu-accordion__button').length >= count;
    const { page, ms } = await timeToShown(`${base}/?src=/bench/x${n}.json`, want, 5 * n);
    first.push(ms);
    sections = await page.locator('.dafu-accordion__button').count();
    // Time from the click to the next frame after the DOM changed (so up to one frame of waiting for
    // the display is included, as a reader would see it).
    const frame = (selector) => page.evaluate((sel) => new Promise((done) => {
      const el = document.querySelector(sel);
      const t0 = performance.now();
      el.click();
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
    }), selector);
    // One toggle at once, while the rest of the reply is still being drawn…
    busyToggles.push(await frame('.dafu-accordion__button'));
    await frame('.dafu-accordion__button');
    // …then the time until all of it is in the DOM, and toggles on the settled page.
    await page.waitForFunction(() => !document.querySelector('[data-dafu-filling]'), null, { polling: 'raf', timeout: 120000 });
    full.push(await page.evaluate(() => performance.now()));
    for (let k = 0; k < 6; k += 1) toggles.push(await frame('.dafu-accordion__button'));
    all.push(await frame('.dafu-accordion__show-all'));
    heap = await page.evaluate(() => { if (window.gc) window.gc(); return performance.memory?.usedJSHeapSize ?? 0; });
    await page.close();
  }
  measured[`x${n}`] = { first: median(first), toggle: median(toggles), all: median(all) };
  row(`${n}x seed (${sections} sections): first show`, `${median(first).toFixed(0)} ms`, `all drawn ${median(full).toFixed(0)} ms; toggle ${median(toggles).toFixed(1)} ms (${median(busyToggles).toFixed(1)} ms while drawing), show all ${median(all).toFixed(0)} ms, JS heap ${(heap / 1048576).toFixed(1)} MB`);
}

// Converter in wasm, in the browser, through the embed API.
const texts = readdirSync(join(root, 'tests/fixtures/convert')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(root, 'tests/fixtures/convert', f), 'utf8'));
const big = Array.from({ length: Math.ceil((quick ? 1e6 : 5e6) / Buffer.byteLength(texts.join('\n'))) }, () => texts.join('\n')).join('\n');
const page = await browser.newPage();
await page.goto(`${base}/bench-static.html`);
await page.addScriptTag({ url: '/embed/dafu.js' });
const wasmMs = await page.evaluate(async (text) => {
  await window.dafu.convert('');
  let best = Infinity;
  for (let i = 0; i < 3; i += 1) { const t0 = performance.now(); await window.dafu.convert(text); best = Math.min(best, performance.now() - t0); }
  return best;
}, big);
const mb = Buffer.byteLength(big) / 1e6;
row(`converter in wasm (${mb.toFixed(1)} MB text)`, `${(mb / (wasmMs / 1000)).toFixed(1)} MB/s`, 'best of 3, includes the JSON it returns');
await browser.close();
await server.close();

let native = 'not run (--quick)';
if (!quick) {
  native = execFileSync('cargo', ['bench', '--quiet', '-p', 'dafu-core', '--bench', 'convert'], { cwd: root, encoding: 'utf8' }).trim().split('\n').join('; ');
}
row('converter native', native, '');

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${os.cpus().length} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, ${execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`);
console.log('| measure | value | detail |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// Budgets: the issue's targets beside what was measured; only the size ceiling can fail the run.
const big100 = measured.x100;
const verdict = (ok) => (ok === undefined ? 'not measured (--quick)' : ok ? 'met' : 'missed');
const budgetRows = [
  ['whole app (dev page: wasm + js + html + css)', `≤ ${budgets.target_app_gz_kib} KiB gz (150 KB)`, `${measured.appGz.toFixed(1)} KiB gz`, verdict(measured.appGz <= budgets.target_app_gz_kib)],
  ['seed shown vs static page', `≤ ${budgets.target_seed_vs_static}×`, `${measured.seedRatio.toFixed(2)}×`, verdict(measured.seedRatio <= budgets.target_seed_vs_static)],
  ['100x first show', `≤ ${budgets.target_x100_first_show_ms} ms`, big100 ? `${big100.first.toFixed(0)} ms` : '-', verdict(big100 && big100.first <= budgets.target_x100_first_show_ms)],
  ['100x one toggle', `≤ ${budgets.target_toggle_ms} ms`, big100 ? `${big100.toggle.toFixed(1)} ms` : '-', verdict(big100 && big100.toggle <= budgets.target_toggle_ms)],
  ['100x show all', `≤ ${budgets.target_show_all_ms} ms`, big100 ? `${big100.all.toFixed(0)} ms` : '-', verdict(big100 && big100.all <= budgets.target_show_all_ms)],
];
if (big100) {
  const x10 = measured.x10;
  budgetRows.push(['growth 10x → 100x (first show)', '≤ 10× (linear)', `${(big100.first / x10.first).toFixed(1)}×`, verdict(big100.first / x10.first <= 10)]);
}
console.log('\n| budget | target | measured | |\n| --- | --- | --- | --- |');
for (const r of budgetRows) console.log(`| ${r.join(' | ')} |`);
const ceiling = budgets.ci_ceiling_app_gz_kib;
for (const [what, size] of [['dev page app', measured.appGz], ['embed/', measured.embedGz]]) {
  if (size > ceiling) {
    console.error(`\nsize check FAILED: ${what} is ${size.toFixed(1)} KiB gzipped, over the ${ceiling} KiB ceiling in tests/bench/budgets.json`);
    process.exitCode = 1;
  }
}
if (!process.exitCode) console.log(`\nsize check: app ${measured.appGz.toFixed(1)} KiB, embed/ ${measured.embedGz.toFixed(1)} KiB gzipped, within the ${ceiling} KiB ceiling`);
