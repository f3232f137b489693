// The collection benchmark (issue 16): 100 and 1,000 replies made from the repository's real ones
// (the seed, the five examples, the corpus; each copy varied: its year, its office and one line of its
// own), converted by the release CLI on every core, then shown by the collection view in headless
// Chromium. Prints one table: conversion speed, index and search-index sizes, time to the list after
// navigation start, a filter change, search keystrokes over every reply's text, opening a reply, the
// JS heap. Numbers are printed, never asserted. Needs `trunk build --release` (dist/ and
// target/release/dafu). Run: node tests/bench/collection.mjs
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
  writeFileSync(join(out, 'index.html'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title>' + (process.env.PRELOAD ? '<link rel="modulepreload" href="/embed/dafu-collection.js"><link rel="preload" href="/embed/dafu-collection.wasm" as="fetch" crossorigin><link rel="preload" href="collection.json" as="fetch" crossorigin>' : '') + '<script src="/embed/dafu.js" defer></script></head><body><main data-dafu-collection="collection.json"></main></body></html>');

  const page = await browser.newPage();
  await page.goto(`${server.url}/bench/collection-${n}/out/index.html`);
  await page.waitForSelector('.dafu-collection__row');
  const shown = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return performance.now() - (nav ? nav.startTime : 0);
  });
  // From the event to the next frame with the markup drawn (a frame, then a task).
  const timed = (fn) => page.evaluate(async (body) => {
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t = performance.now();
    new Function(body)();
    await settle();
    return performance.now() - t;
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
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const m = (await cdp.send('Performance.getMetrics')).metrics;
  // The JS heap (the wasm instances' memories are outside it: see the notes).
  const heap = m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
  await page.close();
  return { n, seconds, rate: n / seconds, index: index.length, indexGz: gzipSync(index).length, search: search.length, searchGz: gzipSync(search).length, shown, filter: Math.max(...filters), filterMedian: median(filters), key: Math.max(...keys), keyMedian: median(keys), open, heap, status };
}

const results = [];
for (const n of [100, 1000]) results.push(await measure(n));
await browser.close();
await server.close();

for (const r of results) {
  rows.push([`${r.n} replies: batch conversion (release CLI, all cores, wall clock incl. start)`, `${r.rate.toFixed(0)} replies/s`, `${r.seconds.toFixed(2)} s`]);
  rows.push([`${r.n} replies: collection.json`, kib(r.index), `${kib(r.indexGz)} gz`]);
  rows.push([`${r.n} replies: search.json (fetched after the first show)`, kib(r.search), `${kib(r.searchGz)} gz`]);
  rows.push([`${r.n} replies: list shown after navigation start (≤ 300 ms)`, ms(r.shown), '']);
  rows.push([`${r.n} replies: a filter change, to the next frame (≤ 50 ms)`, ms(r.filter), `median ${ms(r.filterMedian)}`]);
  rows.push([`${r.n} replies: a search keystroke over every reply's text (≤ 50 ms)`, ms(r.key), `median ${ms(r.keyMedian)}`]);
  rows.push([`${r.n} replies: opening a reply from the list (≤ 150 ms)`, ms(r.open), '']);
  rows.push([`${r.n} replies: JS heap after GC, reply open (≤ 100 MB)`, `${(r.heap / 1e6).toFixed(1)} MB`, '']);
}
const [small, large] = results;
rows.push(['growth 100 → 1,000: keystroke ×', (large.key / small.key).toFixed(1), `filter × ${(large.filter / small.filter).toFixed(1)}, shown × ${(large.shown / small.shown).toFixed(1)}, heap × ${(large.heap / small.heap).toFixed(1)}`]);
const width = Math.max(...rows.map((r) => r[0].length));
for (const r of rows) console.log(`${r[0].padEnd(width)}  ${r[1].padStart(14)}  ${r[2]}`);
