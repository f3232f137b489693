// dafu over its snapshot: the dev page and dafu.html carry the seed's snapshot (made at build time by
// `dafu render --fragment`), shown before the wasm starts and without JavaScript; the live view then
// takes its place in one frame, keeping the window's scroll, with no layout shift. Host pages with a
// snapshot and data-dafu-src get the same; if the wasm never loads, the snapshot stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { setup } from './harness.mjs';

const env = setup();

const cli = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'release/dafu');
const render = (...args) => {
  assert.ok(existsSync(cli), `${cli} is missing: run trunk build --release --offline first`);
  return execFileSync(cli, ['render', ...args], { encoding: 'utf8' });
};
const seedTitle = '关于政协提案的答复';
// Live elements only: nothing inside a snapshot, and shown.
const LIVE = ':not([data-dafu-snapshot] *)';

/** Sums every layout shift of the page (not caused by input) from its first paint on. */
const watchShifts = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
};
const cls = (page) => page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));

/** Holds back responses whose URL matches `pattern` until `release()` is called. */
async function holdBack(page, pattern) {
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route(pattern, async (route) => { await released; await route.continue(); });
  return release;
}

for (const path of ['/', '/dafu.html']) {
  test(`without JavaScript, ${path} shows the seed's snapshot: title, sections and funding`, async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.server.url + path);
    const snapshot = page.locator('[data-dafu-snapshot]');
    assert.equal(await snapshot.count(), 1);
    assert.equal(await snapshot.locator('.dafu-header__title').textContent(), seedTitle);
    assert.ok(await snapshot.locator('.dafu-header__title').isVisible());
    assert.match(await snapshot.textContent(), /五、关于加强保障方面/);
    assert.match(await snapshot.textContent(), /631\.29万元/);
    assert.match(await page.locator('.dafu-page__noscript').textContent(), /需要启用 JavaScript/);
    assert.ok(await page.locator('.dafu-page__noscript').isVisible());
    await context.close();
  });

  test(`with JavaScript, ${path} swaps the snapshot for the live view with no layout shift, and a toggle works`, async () => {
    const page = await env.browser.newPage();
    await page.addInitScript(watchShifts);
    await page.goto(env.server.url + path);
    const button = page.locator(`.dafu-accordion__button${LIVE}`).first();
    await button.waitFor();
    assert.equal(await page.locator('[data-dafu-snapshot]').count(), 0);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const shift = await cls(page);
    console.log(`# ${path}: cumulative layout shift during takeover ${shift.toFixed(4)}`);
    assert.ok(shift <= 0.05, `CLS ${shift}`);
    await page.close();
  });
}

test('scrolled before the wasm is ready, the dev page keeps the window where it was when the live view comes', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(watchShifts);
  const release = await holdBack(page, /_bg\.wasm$/);
  await page.goto(env.server.url + '/', { waitUntil: 'domcontentloaded' });
  await page.locator('[data-dafu-snapshot] .dafu-header__title').waitFor();
  await page.evaluate(() => window.scrollTo(0, 600));
  const before = await page.evaluate(() => window.scrollY);
  assert.equal(before, 600);
  release();
  await page.locator(`.dafu-accordion__button${LIVE}`).first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.scrollY), before);
  const shift = await cls(page);
  console.log(`# dev page scrolled to 600: layout shift ${shift.toFixed(4)}`);
  assert.ok(shift <= 0.05, `CLS ${shift}`);
  await page.close();
});

/** A host page: a paragraph, the snapshot of `reply` with data-dafu-src, a paragraph after it, dafu.js. */
function hostPage(reply, src) {
  const fragment = render(reply, '--fragment', '--src', src);
  return '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>' +
    '<link rel="stylesheet" href="/embed/dafu.css" data-dafu-style>' +
    '<script src="/embed/dafu.js" defer></script></head><body>' +
    `<p id="before">本站正文</p>${fragment}<p id="after">页脚</p></body></html>`;
}
async function openHost(page, html) {
  await page.route('**/host-with-snapshot.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${env.server.url}/host-with-snapshot.html`);
}

test('a host page with a snapshot, data-dafu-src and dafu.js gets the live view over it, and unmount gives the snapshot back', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(watchShifts);
  await openHost(page, hostPage('tests/fixtures/e2e/small.reply.json', '/fixtures/e2e/small.reply.json'));
  const button = page.locator(`.dafu-mount .dafu-accordion__button${LIVE}`).first();
  await button.waitFor();
  const article = page.locator('article[data-dafu-snapshot]');
  assert.equal(await article.getAttribute('data-dafu-src'), '/fixtures/e2e/small.reply.json');
  assert.equal(await article.isVisible(), false);
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const shift = await cls(page);
  console.log(`# host page: layout shift during takeover ${shift.toFixed(4)}`);
  assert.ok(shift <= 0.05, `CLS ${shift}`);
  // The live view sits where the snapshot was, between the host's own paragraphs.
  assert.deepEqual(await page.evaluate(() => [...document.body.children].map((e) => e.id || e.className.split(' ')[0])),
    ['before', 'dafu-mount', 'dafu-reply', 'after']);
  await page.evaluate(() => window.dafu.mount(document.querySelector('article[data-dafu-snapshot]')).unmount());
  assert.equal(await page.locator('.dafu-mount').count(), 0);
  assert.ok(await article.isVisible());
  assert.ok(await article.locator('.dafu-header__title').isVisible());
  await page.close();
});

test('when the wasm never loads, the snapshot on a host page and on the dev page stays whole', async () => {
  for (const [url, wasm] of [['/host-with-snapshot.html', '**/embed/dafu.wasm'], ['/', /_bg\.wasm$/]]) {
    const page = await env.browser.newPage();
    // The loader says it could not start (a console error, or the page's uncaught error).
    const failed = new Promise((ok) => { page.on('console', (m) => m.type() === 'error' && ok()); page.on('pageerror', ok); });
    await page.route(wasm, (route) => route.fulfill({ status: 404, body: 'not found' }));
    if (url === '/') await page.goto(env.server.url + url);
    else await openHost(page, hostPage('data/seed.reply.json', '/data/seed.reply.json'));
    await failed;
    const snapshot = page.locator('[data-dafu-snapshot]');
    assert.ok(await snapshot.isVisible(), url);
    assert.equal(await snapshot.locator('.dafu-header__title').textContent(), seedTitle);
    assert.match(await snapshot.textContent(), /五、关于加强保障方面/);
    await page.close();
  }
});
