// Where the first show of a big reply goes: `node tests/bench/probe.mjs [n]` (after run.mjs wrote
// target/bench/x<n>.json and trunk built dist/). Prints Chromium's own counters (script, style,
// layout) for one load, so an optimisation can be aimed at the part that dominates.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { chromium } from 'playwright-core';

const n = Number(process.argv[2] ?? 100);
const root = resolve(import.meta.dirname, '../..');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.startsWith('/bench/') ? join(root, 'target/bench', path.slice(7)) : join(root, 'dist', path === '/' ? 'index.html' : path);
  try { res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file)); } catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(`http://127.0.0.1:${server.address().port}/?src=/bench/x${n}.json`);
await page.waitForFunction((count) => document.querySelectorAll('.dafu-accordion__button').length >= count, 5 * n, { polling: 'raf', timeout: 120000 });
const shown = await page.evaluate(() => performance.now());
const { metrics } = await cdp.send('Performance.getMetrics');
const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
console.log(`x${n}: shown at ${shown.toFixed(0)} ms; script ${ms(m.ScriptDuration)}, style ${ms(m.RecalcStyleDuration)}, layout ${ms(m.LayoutDuration)}, task ${ms(m.TaskDuration)}; ${m.Nodes} nodes, ${(m.JSHeapUsedSize / 1048576).toFixed(1)} MB heap`);
await browser.close();
server.close();
