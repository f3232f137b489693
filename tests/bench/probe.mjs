// Where a page load's time goes: `node tests/bench/probe.mjs [seed|static|10|100]` after
// `node tests/bench/run.mjs` (which writes target/bench/x<n>.json and dist/bench-static.html).
// Loads the page once under Chromium's tracer and prints when it was shown, Chromium's own counters
// (script, style, layout), and the main thread's busiest trace events (layout, text shaping, wasm
// compilation…), so an optimisation can be aimed at the part that dominates. The profile in docs/performance.md of
// the budgets that are missed comes from here.
import { serve, launch } from '../server.mjs';

const what = process.argv[2] ?? 'seed';
const server = await serve();
const base = server.url;
const path = { seed: '/', static: '/bench-static.html' }[what] ?? `/?src=/bench/x${what}.json`;
const sections = 5 * (Number(what) || 1);
const browser = await launch();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto('about:blank');
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading'] });
await page.goto(`${base}${path}`);
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
await server.close();
