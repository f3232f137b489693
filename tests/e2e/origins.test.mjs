// No reply from elsewhere under the site's name: the pages that take their reply from their own address
// (index.html, dafu.html, embed/frame.html) open only their own origin's replies, unless the site lists
// the other origin (<meta name="dafu-allowed-origins">, or DAFU_ALLOWED_ORIGINS at build time); a
// refused one shows a panel naming the origin and is never fetched. Sources set by the page's own
// markup or script stay the site's choice. Two servers on two ports are two origins; /cors/ lets any
// origin read a reply.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch } from './harness.mjs';
import { withAllowedOrigins, origins, writeAllowedOrigins } from '../../tools/allowed-origins.mjs';

const SEED = '/data/seed.reply.json';
const TITLE = '关于政协提案的答复';

let site; // the site: its pages
let foreign; // another origin that serves a reply anyone may read (CORS)
let browser;
let dir; // a temporary copy of dist/ pages, for file://
// The site's pages built with DAFU_ALLOWED_ORIGINS: copies of dist/'s, served under /tests/.
const LISTED = 'tests/e2e/artifacts/listed';
const LISTED_A = 'tests/e2e/artifacts/listed-a';
before(async () => {
  site = await serve();
  foreign = await serve();
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'dafu-origins-'));
  for (const [to, list] of [[LISTED, `https://a.example ${foreign.url}/`], [LISTED_A, 'https://a.example']]) {
    rmSync(to, { recursive: true, force: true });
    mkdirSync(join(to, 'embed'), { recursive: true });
    for (const f of ['index.html', 'dafu.html', 'dafu-hooks.js', 'embed/frame.html', 'embed/frame.js', 'embed/frame.css', 'embed/dafu.css', 'embed/dafu-core.js', 'embed/dafu.wasm']) {
      copyFileSync(join('dist', f), join(to, f));
    }
    writeAllowedOrigins(to, list);
  }
});
after(async () => {
  await browser?.close();
  await site?.close();
  await foreign?.close();
  rmSync(dir, { recursive: true, force: true });
});

const closing = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c.close().catch(() => {});
});

/** The foreign reply's address: another origin, readable by any origin. */
const elsewhere = () => `${foreign.url}/cors${SEED}`;

/** Opens `url` in a fresh context that records every request. */
async function visit(url) {
  const ctx = await browser.newContext();
  closing.push(ctx);
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('.dafu-header__title, .dafu-error', { timeout: 15000 });
  const fromForeign = () => requests.filter((u) => u.startsWith(foreign.url));
  return { page, errors, fromForeign };
}

/** What a refused reply shows: the panel naming the origin, nothing of the reply, nothing fetched. */
async function assertRefused({ page, fromForeign }, what) {
  const panel = await page.locator('.dafu-error').innerText();
  assert.match(panel, new RegExp(`没有列入 ${foreign.url} 这个来源`), what);
  assert.equal(await page.locator('.dafu-header__title, .dafu-accordion, .dafu-frame__open').count(), 0, what);
  assert.deepEqual(fromForeign(), [], what);
}

test('the dev page refuses a reply from another origin, however its address is written, and fetches nothing', async () => {
  const port = new URL(foreign.url).port;
  for (const src of [elsewhere(), `//127.0.0.1:${port}/cors${SEED}`, ` HTTP://127.0.0.1:${port}/cors${SEED}`]) {
    const opened = await visit(`${site.url}/index.html?src=${encodeURIComponent(src)}`);
    await assertRefused(opened, src);
    assert.deepEqual(opened.errors, []);
  }
});

test("a ?src= of the site's own that redirects to another origin is refused, and the reply is not shown", async () => {
  const src = `/redirect?to=${encodeURIComponent(elsewhere())}`;
  for (const page of ['index.html', 'embed/frame.html']) {
    const { page: p, errors } = await visit(`${site.url}/${page}?src=${encodeURIComponent(src)}`);
    const panel = await p.locator('.dafu-error').innerText();
    assert.match(panel, new RegExp(`没有列入 ${foreign.url} 这个来源`), page);
    assert.equal(await p.locator('.dafu-header__title, .dafu-accordion').count(), 0, page);
    assert.deepEqual(errors, []);
  }
  // A redirect within the site is the site's own.
  const { page: p } = await visit(`${site.url}/index.html?src=${encodeURIComponent(`/redirect?to=${SEED}`)}`);
  assert.equal(await p.locator('.dafu-header__title').innerText(), TITLE);
});

test("the dev page opens its own origin's replies, by path and by full address", async () => {
  for (const src of [SEED, `${site.url}${SEED}`, '../data/seed.reply.json']) {
    const { page } = await visit(`${site.url}/index.html?src=${encodeURIComponent(src)}`);
    assert.equal(await page.locator('.dafu-header__title').innerText(), TITLE, src);
  }
});

test('an origin the site lists in <meta name="dafu-allowed-origins"> is opened, and only that one', async () => {
  const { page, fromForeign } = await visit(`${site.url}/${LISTED}/index.html?src=${encodeURIComponent(elsewhere())}`);
  assert.equal(await page.locator('.dafu-header__title').innerText(), TITLE);
  assert.deepEqual(fromForeign(), [`${elsewhere()}`]);
  await assertRefused(await visit(`${site.url}/${LISTED_A}/index.html?src=${encodeURIComponent(elsewhere())}`), 'another origin listed');
  const file = await visit(`${site.url}/${LISTED}/dafu.html?src=${encodeURIComponent(elsewhere())}`);
  assert.equal(await file.page.locator('.dafu-header__title').innerText(), TITLE);
});

test('the frame page refuses another origin in ?src= and in #src=, without its link, and opens it when listed', async () => {
  for (const part of ['?', '#']) {
    const opened = await visit(`${site.url}/embed/frame.html${part}src=${encodeURIComponent(elsewhere())}`);
    await assertRefused(opened, part);
    assert.deepEqual(opened.errors, []);
  }
  const { page } = await visit(`${site.url}/${LISTED}/embed/frame.html#src=${encodeURIComponent(elsewhere())}`);
  assert.equal(await page.locator('.dafu-header__title').innerText(), TITLE);
  assert.equal(await page.locator('.dafu-frame__open').count(), 1);
});

test('dafu.html on a web server refuses another origin as the dev page does', async () => {
  await assertRefused(await visit(`${site.url}/dafu.html?src=${encodeURIComponent(elsewhere())}`), 'dafu.html');
});

test('dafu.html opened from disk reads files beside it as before, and web origins only when listed', async () => {
  const page = readFileSync(resolve('dist/dafu.html'), 'utf8');
  writeFileSync(join(dir, 'dafu.html'), page);
  writeFileSync(join(dir, 'listed.html'), withAllowedOrigins(page, foreign.url));
  const file = (name, src) => `file://${join(dir, name)}?src=${encodeURIComponent(src)}`;
  // A file beside it is not refused by the rule (whether Chromium lets a file page fetch a file is its
  // own matter: it shows a network error, as it did before the rule).
  const beside = await visit(file('dafu.html', 'seed.reply.json'));
  assert.doesNotMatch(await beside.page.locator('.dafu-reply').first().innerText(), /未打开/);
  await assertRefused(await visit(file('dafu.html', elsewhere())), 'from disk');
  const listed = await visit(file('listed.html', elsewhere()));
  assert.equal(await listed.page.locator('.dafu-header__title').innerText(), TITLE);
});

test("a reply the page's own markup or script names from another origin is the site's choice, and shows", async () => {
  const { page } = await visit(`${site.url}/examples/host/index.html`);
  await page.waitForSelector('#reply-seed .dafu-accordion__button');
  const title = await page.evaluate(async (src) => {
    const el = document.createElement('div');
    el.setAttribute('data-dafu-src', src);
    document.querySelector('main').appendChild(el);
    await window.dafu.scan()[0].ready;
    const start = Date.now();
    while (!el.querySelector('.dafu-header__title, .dafu-error') && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
    return el.querySelector('.dafu-header__title, .dafu-error')?.textContent;
  }, elsewhere());
  assert.equal(title, TITLE);
});

test('the build-time list (DAFU_ALLOWED_ORIGINS) writes the meta into the three pages, origins only', () => {
  assert.deepEqual(origins(' https://A.example/path, http://b.example:8080 '), ['https://a.example', 'http://b.example:8080']);
  assert.throws(() => origins('ftp://a.example'), /not an http\(s\) origin/);
  assert.throws(() => origins('a.example'), /not an address/);
  const page = readFileSync('dist/embed/frame.html', 'utf8');
  assert.equal(withAllowedOrigins(page, ' '), page);
  for (const f of ['index.html', 'dafu.html', 'embed/frame.html']) {
    const html = readFileSync(join(LISTED_A, f), 'utf8');
    assert.match(html, /<meta charset="?utf-8"?><meta name="dafu-allowed-origins" content="https:\/\/a\.example">/i, f);
  }
});
