// Pagefind's recall against plain substring search on the demo collection (docs/collection.md, "Search"). Run, after a release build (dist/collection/): `mkdir -p target/pagefind-site && cp dist/collection/replies/*.html target/pagefind-site/ && npx pagefind@1.6.0 --site target/pagefind-site && node tests/bench/collection-pagefind-recall.mjs` (pagefind from the npm registry, not in package.json; `npx pagefind` runs its extended build, which segments Chinese).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, extname, resolve } from 'node:path';
import { launch } from '../server.mjs';
const root = resolve(import.meta.dirname, '../..');
const site = resolve(process.argv[2] || join(root, 'target/pagefind-site'));
const types = { '.js': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer((req, res) => {
  try { const p = join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname)); const b = readFileSync(p); res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream' }); res.end(b); } catch { res.writeHead(404); res.end(); }
}).listen(0);
const port = server.address().port;
const index = JSON.parse(readFileSync(join(root, 'dist/collection/search.json'), 'utf8'));
const fold = (s) => [...s].map((c) => { const u = c.codePointAt(0); return u >= 0xff01 && u <= 0xff5e ? String.fromCodePoint(u - 0xfee0) : u === 0x3000 ? ' ' : c; }).join('').toLowerCase();
const texts = index.texts.map((t) => ({ id: t.id, f: fold(t.text) }));
// Queries: substrings of the replies' own text (2–4 CJK characters) at fixed pseudo-random places.
let seed = 7; const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const queries = new Set(['公交', '资金', '道路', '学校', '补助资金', '乡村振兴', '基础设施', '人居环境', '安排资金', '交通运输']);
while (queries.size < 110) {
  const t = texts[rnd(texts.length)].f; const len = 2 + rnd(3); const at = rnd(Math.max(1, t.length - len));
  const q = t.slice(at, at + len); if (/^[\u4e00-\u9fff]+$/.test(q)) queries.add(q);
}
const browser = await launch();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/c01.html`);
await page.evaluate(async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); });
let sumRecall = 0, sumPrecision = 0, full = 0, n = 0, totalTruth = 0, totalFound = 0;
const misses = [];
for (const q of queries) {
  const truth = new Set(texts.filter((t) => t.f.includes(fold(q))).map((t) => t.id));
  const got = new Set(await page.evaluate(async (q) => {
    const r = await window.pf.search(q);
    const d = await Promise.all(r.results.map((x) => x.data()));
    return d.map((x) => x.url.replace(/^.*\//, '').replace(/\.html$/, ''));
  }, q));
  const hit = [...truth].filter((id) => got.has(id)).length;
  const recall = truth.size ? hit / truth.size : 1;
  const precision = got.size ? [...got].filter((id) => truth.has(id)).length / got.size : 1;
  sumRecall += recall; sumPrecision += precision; n++; totalTruth += truth.size; totalFound += hit;
  if (recall === 1) full++; else misses.push(`${q}: ${hit}/${truth.size} (pagefind ${got.size})`);
}
console.log(`queries ${n}; mean recall ${(sumRecall / n * 100).toFixed(1)}%; pooled recall ${(totalFound / totalTruth * 100).toFixed(1)}% (${totalFound}/${totalTruth} replies); queries with full recall ${full}/${n}; mean precision vs substring ${(sumPrecision / n * 100).toFixed(1)}%`);
console.log(misses.slice(0, 15).join('\n'));
await browser.close(); server.close();
