// dafu inside an existing government page, under a strict CSP, from disk, and with JavaScript off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serve, launch, open, openApp } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const HOST = '/examples/host/index.html';

let server;
let strict;
let browser;
before(async () => {
  server = await serve();
  strict = await serve({ headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await strict?.close();
});

/** Opens the host page and waits until all three instances have settled (two replies, one error). */
async function host(base = server) {
  const opened = await openApp(browser, base.url + HOST, '#reply-broken .dafu-error');
  await opened.page.waitForSelector('#reply-seed .dafu-accordion__button');
  await opened.page.waitForSelector('#reply-funding .dafu-accordion__button');
  return opened;
}

test('two replies render on the host page and toggle independently; a broken one shows its error', async () => {
  const { page, errors } = await host();
  const seed = page.locator('#reply-seed');
  const funding = page.locator('#reply-funding');
  assert.equal(await seed.locator('.dafu-accordion__button').count(), 5);
  assert.equal(await seed.locator('.dafu-header__title').textContent(), '关于政协提案的答复');
  // data-dafu-open="all" and data-dafu-views="header sections funding" on the second.
  assert.deepEqual(await funding.locator('.dafu-accordion__button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-expanded'))), ['true', 'true']);
  assert.equal(await funding.locator('.dafu-timeline').count(), 0);
  assert.equal(await funding.locator('.dafu-figures').count(), 0);
  await seed.locator('.dafu-accordion__button').first().click();
  assert.equal(await seed.locator('.dafu-accordion__button').first().getAttribute('aria-expanded'), 'true');
  assert.equal(await funding.locator('.dafu-accordion__button').first().getAttribute('aria-expanded'), 'true');
  await funding.locator('.dafu-accordion__button').first().click();
  assert.equal(await seed.locator('.dafu-accordion__button').first().getAttribute('aria-expanded'), 'true');
  assert.equal(await funding.locator('.dafu-accordion__button').first().getAttribute('aria-expanded'), 'false');
  // The broken one: its error, and its own text kept below it.
  const broken = page.locator('#reply-broken');
  assert.match(await broken.locator('.dafu-error').textContent(), /HTTP 404/);
  assert.ok(await broken.locator('.dafu-fallback').isVisible());
  assert.equal(await seed.locator('.dafu-fallback').isVisible(), false);
  // Ids never collide between instances.
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  // The only console error is the 404 the broken instance reports.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  const globals = await page.evaluate(() => Object.keys(window).filter((k) => /dafu|wasm|__wbg/i.test(k)));
  assert.deepEqual(globals, ['dafu']);
  // No storage keys, let alone ones without dafu's prefix.
  const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => !k.startsWith('dafu')));
  assert.deepEqual(stored, []);
  // No rule of dafu's stylesheet selects anything but its own classes.
  const foreignRules = await page.evaluate(() => {
    const sheet = [...document.styleSheets].find((s) => (s.href ?? '').endsWith('/embed/dafu.css'));
    const selectors = [];
    // Split a selector list on the commas outside parentheses.
    const split = (text) => { const out = ['']; let depth = 0; for (const c of text) { if (c === '(') depth += 1; if (c === ')') depth -= 1; if (c === ',' && depth === 0) out.push(''); else out[out.length - 1] += c; } return out; };
    const walk = (rules) => { for (const r of rules) { if (r.selectorText) selectors.push(...split(r.selectorText)); if (r.cssRules) walk(r.cssRules); } };
    walk(sheet.cssRules);
    return selectors.map((s) => s.trim()).filter((s) => !s.startsWith('.dafu'));
  });
  assert.deepEqual(foreignRules, []);
  await page.close();
});

test("dafu's CSS leaves the host page's own elements as they were", async () => {
  const probe = () => {
    const pick = (sel, props) => {
      const cs = getComputedStyle(document.querySelector(sel));
      return props.map((p) => `${sel} ${p}=${cs.getPropertyValue(p)}`);
    };
    return [
      ...pick('body', ['font-size', 'line-height', 'font-family', 'background-color']),
      ...pick('.site-nav li', ['float', 'margin-right']),
      ...pick('.site-nav a', ['color']),
      ...pick('.breadcrumb a', ['color']),
      ...pick('.info-table', ['width', 'box-sizing']),
      ...pick('.section-title', ['font-size', 'color', 'border-left-width']),
      ...pick('.page-note', ['text-indent', 'line-height']),
      ...pick('.toolbar-button', ['font-size']),
    ];
  };
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const bare = await ctx.newPage();
  await bare.goto(server.url + HOST);
  const before = await bare.evaluate(probe);
  await ctx.close();
  const { page } = await host();
  assert.deepEqual(await page.evaluate(probe), before);
  // …while dafu's own list items do not float and its links are not the host's red.
  assert.equal(await page.locator('#reply-seed .dafu-figures__item').first().evaluate((e) => getComputedStyle(e).float), 'none');
  assert.notEqual(await page.locator('#reply-seed .dafu-accordion__button').first().evaluate((e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
  await page.close();
});

test('a host page themes dafu through --dafu-* custom properties on any ancestor', async () => {
  const { page } = await host();
  const color = () => page.locator('#reply-seed .dafu-accordion__show-all').evaluate((e) => getComputedStyle(e).color);
  assert.equal(await color(), 'rgb(11, 87, 164)', 'the default link colour');
  await page.evaluate(() => document.querySelector('.content').style.setProperty('--dafu-link', 'rgb(0, 74, 143)'));
  assert.equal(await color(), 'rgb(0, 74, 143)');
  await page.close();
});

test("the host page's font-size toolbar enlarges dafu's text too", async () => {
  const { page } = await host();
  const size = () => page.locator('#reply-seed .dafu-paragraph, #reply-seed .dafu-preamble').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const small = await size();
  assert.ok(small >= 16, `never below the reader's default on a 12px page, got ${small}`);
  for (let i = 0; i < 4; i += 1) await page.click('#font-up');
  const large = await size();
  assert.ok(large >= small * 1.3, `24px body text should enlarge dafu: ${small} -> ${large}`);
  await page.close();
});

test('under a strict Content-Security-Policy the host page works with no violation', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const response = await page.goto(strict.url + HOST);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForSelector('#reply-seed .dafu-accordion__button');
  await page.waitForSelector('#reply-broken .dafu-error');
  await page.locator('#reply-seed .dafu-accordion__button').nth(1).click();
  assert.equal(await page.locator('#reply-seed .dafu-accordion__button').nth(1).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await ctx.close();
});

test('with JavaScript off the fallback text is what readers get', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.url + HOST);
  assert.ok(await page.getByText('经研究,现答复如下:').first().isVisible());
  assert.equal(await page.locator('.dafu-reply').count(), 0);
  await ctx.close();
});

test('the JavaScript API mounts an element added later, and unmount gives its text back', async () => {
  const { page } = await host();
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.textContent = '稍后加入的答复';
    document.querySelector('main').appendChild(el);
    const handle = window.dafu.mount(el, { src: '../../tests/fixtures/e2e/small.reply.json' });
    await handle.ready;
    const start = Date.now();
    while (!el.querySelector('.dafu-accordion__button') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    const shown = el.querySelector('.dafu-accordion__button').textContent;
    handle.unmount();
    return [shown, el.textContent, el.querySelector('.dafu-reply') === null];
  });
  assert.deepEqual(result, ['一、关于资金', '稍后加入的答复', true]);
  await page.close();
});

test('dafu.html opens from disk, toggles, and loads a reply file through the file input', async () => {
  const file = `file://${resolve('dist/dafu.html')}`;
  const { page, errors } = await openApp(browser, file, '.dafu-accordion__button');
  assert.equal(await page.locator('.dafu-accordion__button').count(), 5);
  await page.locator('.dafu-accordion__button').nth(2).click();
  assert.equal(await page.locator('.dafu-accordion__button').nth(2).getAttribute('aria-expanded'), 'true');
  await page.setInputFiles('.dafu-page__file', resolve('tests/fixtures/replies/funding.reply.json'));
  await page.waitForSelector('text=关于水土保持和农村公路资金的答复(测试用)');
  assert.deepEqual(await page.locator('.dafu-accordion__button').allTextContents(), ['一、关于水土保持项目资金', '二、关于农村公路和补助资金']);
  assert.deepEqual(errors, []);
  await page.close();
});
