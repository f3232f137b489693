// Where a page load's time goes: `node tests/bench/probe.mjs [seed|static|10|100]` after
// `node tests/bench/run.mjs` (which writes target/bench/x<n>.json and dist/bench-static.html).
// Loads the page once under Chromium's tracer and prints when it was shown, Chromium's own counters
// (script, style, layout), and the main thread's busiest trace events (layout, text shaping, wasm
// compilation…), so an optimisation can be aimed at the part that dominates. The README's profile of
// the budgets that are missed comes from here.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { chromium } from 'playwright-core';

const what = process.argv[2] ?? 'seed';
const root = resolve(import.meta.dirname, '../..');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.startsWith('/bench/') ? join(root, 'target/bench', path.slice(7)) : join(root, 'dist', path === '/' ? 'index.html' : path);
  try { res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file)); } catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const path = { seed: '/', static: '/bench-static.html' }[what] ?? `/?src=/bench/x${what}.json`;
const sections = 5 * (Number(what) || 1);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto('about:blank');
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading'] });
await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
await page.waitForFunction((n) => document.querySelectorAll('.dafu-accordion__heading').length >= n && !!document.querySelector('.dafu-chart__svg'), sections, { polling: 'raf', timeout: 120000 });
const shown = await page.evaluate(() => performance.now());
const { metrics } = await cdp.send('Performance.getMetrics');
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
console.log(`${what}: shown at ${shown.toFixed(0)} ms; script ${ms(m.ScriptDuration)}, style ${ms(m.RecalcStyleDuration)}, layout ${ms(m.LayoutDuration)}, main thread busy ${ms(m.TaskDuration)}; ${m.Nodes} DOM nodes, ${(m.JSHeapUsedSize / 1048576).toFixed(1)} MB JS heap`);
// The renderer's main thread is the one that parsed the HTML.
const parse = traceEvents.find((e) => e.name === 'ParseHTML');
const totals = new Map();
for (const e of traceEvents) {
  if (parse && e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X') totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0));
}
const interesting = /^(RunTask|Layout|InlineNode::ShapeTextIncludingFirstLine|UpdateLayoutTree|Paint|ParseHTML|EvaluateScript|v8\.callFunction|wasm\.\w+|v8\.wasm\.\w+|FunctionCall|GCEvent|MajorGC|MinorGC|FireAnimationFrame|TimerFire)$/;
const top = [...totals].filter(([k]) => interesting.test(k)).sort((a, b) => b[1] - a[1]);
console.log('main thread (ms, nested events overlap):');
for (const [k, v] of top) console.log(`${(v / 1000).toFixed(1).padStart(8)}  ${k}`);
await browser.close();
server.close();
