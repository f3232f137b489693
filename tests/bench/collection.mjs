// The collection benchmark (issue 16): 100 and 1,000 replies made from the repository's real ones
// (the seed, the five examples, the corpus; each copy varied: its year, its office and one line of its
// own), converted by the release CLI on every core, then shown by the collection view in headless
// Chromium. Prints one table: conversion speed, index and search-index sizes, time to the list after
// navigation start (cold: a new browser context each time, RUNS times, the median), a filter change,
// search keystrokes over every reply's text, opening a reply, the JS heap. Numbers are printed, never
// asserted: the machine may be shared and noisy, so run it more than once. Needs `trunk build
// --release` (dist/ and target/release/dafu). Run: node tests/bench/collection.mjs (RUNS=5 …)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch } from '../server.mjs';

const root = resolve(import.meta.dirname, '../..');
const dafu = join(root, 'target/release/dafu');
const sources = [
  join(root, 'data/seed.reply.json'),
  ...readdirSync(join(root, 'tests/fixtures/convert')).filter((f) => /^example_\d+\.txt$/.test(f)).map((f) => join(root, 'tests/fixtures/convert', f)),
  ...readdirSync(join(root, 'tests/fixtures/corpus')).filter((f) => /^c\d+\.txt$/.test(f)).map((f) => join(root, 'tests/fixtures/corpus', f)),
];
const offices = ['市交通运输局', '市教育局', '市财政局', '市水务局', '市卫生健康委', '市农业农村局', '市住房和城乡建设局', '市民政局'];

/** `n` reply texts in `dir`: the real ones in turn, each copy varied so that none is the same. */
function generate(dir, n) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    if (src.endsWith('.json')) {
      cpSync(src, join(dir, `r${String(i).padStart(5, '0')}.json`));
      continue;
    }
    const copy = Math.floor(i / sources.length);
    let text = readFileSync(src, 'utf8');
    if (copy > 0) {
      const year = 2015 + (copy % 10);
      text = text.replace(/20(1\d|2[0-5])年/g, `${year}年`);
      text = text.replace(/(发文机构|发布机构|来源)[::][^\n]*/, (m, k) => `${k}:${offices[copy % offices.length]}`);
      text += `\n(汇编第${copy}份,编号${i})\n`;
    }
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.txt`), text);
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (x) => `${x.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Cold first shows measured per size (RUNS=5 for more). */
const RUNS = Number(process.env.RUNS ?? 3);
const rows = [];

const server = await serve();
const browser = await launch();

async function measure(n) {
  const base = join(root, `target/bench/collection-${n}`);
  generate(join(base, 'input'), n);
  const out = join(base, 'out');
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  try {
    execFileSync(dafu, ['convert', join(base, 'input'), '--out', out], { stdio: 'pipe' });
  } catch (e) {
    if (e.status !== 1) throw e;
  }
  const seconds = (performance.now() - t0) / 1000;
  const index = readFileSync(join(out, 'collection.json'));
  const search = readFileSync(join(out, 'search.json'));
  // The host page as the demo's (src/collection.html): the element holds a link to the static list
  // until the live list replaces it, as the README shows (a page with no text at all would put the
  // browser's first use of a CJK font on the list's first paint).
  writeFileSync(join(out, 'index.html'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title>' + (process.env.PRELOAD ? '<link rel="modulepreload" href="/embed/dafu-collection.js"><link rel="preload" href="/embed/dafu-collection.wasm" as="fetch" crossorigin><link rel="preload" href="collection.json" as="fetch" crossorigin>' : '') + '<script src="/embed/dafu.js" defer></script></head><body><main data-dafu-collection="collection.json"><p><a href="static.html">答复汇编的静态列表(无需 JavaScript)</a></p></main></body></html>');

  // The first show, from a cold start each time (a new browser context: no HTTP cache, no compiled
  // wasm kept): navigation start to the frame after the first row is in the document, seen by a
  // MutationObserver set before the page runs (waitForSelector polls, at up to 100 ms a try, and
  // measured its own polling too). The module's marks (dafu-collection:mount, index, read, drawn)
  // say where the time went.
  const shows = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const cold = await context.newPage();
    await cold.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('.dafu-collection__row')) return;
        seen.disconnect();
        window.__dafuRow = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__dafuShown = performance.now(); }, 0));
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await cold.goto(`${server.url}/bench/collection-${n}/out/index.html`);
    await cold.waitForFunction(() => window.__dafuShown !== undefined, null, { timeout: 20000 });
    shows.push(await cold.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('dafu-collection.wasm'));
      return {
        shown: window.__dafuShown,
        row: window.__dafuRow,
        wasm: wasm ? wasm.responseEnd : NaN,
        mount: at('dafu-collection:mount'),
        index: at('dafu-collection:index'),
        read: at('dafu-collection:read'),
        drawn: at('dafu-collection:drawn'),
      };
    }));
    await context.close();
  }
  const pick = (k) => median(shows.map((x) => x[k]));

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/collection-${n}/out/index.html`);
  await page.waitForSelector('.dafu-collection__row');
  // From the event to the next frame (a frame, then a task): what is painted then is the first
  // screenful of rows; `whole` waits one frame more, for the rest of the page of rows and the totals.
  const timed = (fn) => page.evaluate(async (body) => {
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t = performance.now();
    new Function(body)();
    await settle();
    const first = performance.now() - t;
    await settle();
    return { first, whole: performance.now() - t };
  }, fn);
  const filters = [];
  for (const sel of ['[data-dafu-facet="kind"]', '[data-dafu-facet="year"]', '[data-dafu-facet="kind"]', '[data-dafu-facet="year"]']) {
    filters.push(await timed(`document.querySelector('${sel}').click()`));
  }
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('search.json') && r.responseEnd > 0));
  await page.waitForTimeout(300);
  const keys = [];
  for (const q of ['公', '公交', '资金', '资金安', '资金安排', '']) {
    keys.push(await timed(`const i = document.querySelector('.dafu-collection__search-input'); i.value = ${JSON.stringify(q)}; i.dispatchEvent(new Event('input', { bubbles: true }))`));
  }
  const status = await page.textContent('.dafu-collection__status');
  const open = await page.evaluate(async () => {
    const t = performance.now();
    document.querySelector('a[data-dafu-open]').click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelector('.dafu-collection__reply .dafu-header__title, .dafu-collection__reply .dafu-error')) break;
      if (performance.now() - t > 10000) return NaN;
    }
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const m = (await cdp.send('Performance.getMetrics')).metrics;
  // The JS heap (the wasm instances' memories are outside it: see the notes).
  const heap = m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
  await context.close();
  const firsts = (xs) => xs.map((x) => x.first);
  const wholes = (xs) => xs.map((x) => x.whole);
  return { n, seconds, rate: n / seconds, index: index.length, indexGz: gzipSync(index).length, search: search.length, searchGz: gzipSync(search).length, shown: pick('shown'), shows, phases: ['wasm', 'mount', 'index', 'read', 'drawn', 'row'].map((k) => `${k} ${pick(k).toFixed(0)}`).join(', '), filter: Math.max(...firsts(filters)), filterMedian: median(firsts(filters)), filterWhole: median(wholes(filters)), key: Math.max(...firsts(keys)), keyMedian: median(firsts(keys)), keyFirst: keys[0].first, keyWhole: median(wholes(keys)), open, heap, status };
}

const results = [];
for (const n of [100, 1000]) results.push(await measure(n));
await browser.close();
await server.close();

for (const r of results) {
  rows.push([`${r.n} replies: batch conversion (release CLI, all cores, wall clock incl. start)`, `${r.rate.toFixed(0)} replies/s`, `${r.seconds.toFixed(2)} s`]);
  rows.push([`${r.n} replies: collection.json`, kib(r.index), `${kib(r.indexGz)} gz`]);
  rows.push([`${r.n} replies: search.json (fetched after the first show)`, kib(r.search), `${kib(r.searchGz)} gz`]);
  rows.push([`${r.n} replies: list shown after navigation start, cold (≤ 300 ms)`, ms(r.shown), `median of ${RUNS} (${r.shows.map((x) => x.shown.toFixed(0)).join(', ')}); medians: ${r.phases}`]);
  rows.push([`${r.n} replies: a filter change, to the next frame (≤ 50 ms)`, ms(r.filter), `median ${ms(r.filterMedian)}; whole page of rows ${ms(r.filterWhole)}`]);
  rows.push([`${r.n} replies: a search keystroke over every reply's text (≤ 50 ms)`, ms(r.key), `median ${ms(r.keyMedian)}; first keystroke ${ms(r.keyFirst)}; whole page of rows ${ms(r.keyWhole)}`]);
  rows.push([`${r.n} replies: opening a reply from the list (≤ 150 ms)`, ms(r.open), '']);
  rows.push([`${r.n} replies: JS heap after GC, reply open (≤ 100 MB)`, `${(r.heap / 1e6).toFixed(1)} MB`, '']);
}
const [small, large] = results;
rows.push(['growth 100 → 1,000: keystroke ×', (large.key / small.key).toFixed(1), `filter × ${(large.filter / small.filter).toFixed(1)}, shown × ${(large.shown / small.shown).toFixed(1)}, heap × ${(large.heap / small.heap).toFixed(1)}`]);
const width = Math.max(...rows.map((r) => r[0].length));
for (const r of rows) console.log(`${r[0].padEnd(width)}  ${r[1].padStart(14)}  ${r[2]}`);
