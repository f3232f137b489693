// A reply in an <iframe data-dafu-frame src="…/embed/frame.html?src=…">: one reply and nothing else; its
// height follows its content (load, a section opened, show all, the largest text size) at 320, 768 and
// 1440 px through dafu.js on the parent, the README's inline snippet, or Datawrapper's resizer; a height
// from another origin, or from anything but the frame, changes nothing; without a parent script the
// frame keeps its own height, scrolls, and links to the full page; a citation copied in the frame links
// the fact on that full page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve, launch } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SEED = '/data/seed.reply.json';
const WIDTHS = [320, 768, 1440];
/** The README's snippet for a CMS that allows a small inline script, verbatim. */
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SNIPPET = readFileSync('tests/fixtures/e2e/frame-snippet.html', 'utf8').match(/<script>[\s\S]*?<\/script>/)[0];

let site; // the site's own origin, where its pages and, usually, dafu live
let other; // another origin, with the strict CSP on its pages
let browser;
before(async () => {
  site = await serve();
  other = await serve({ headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await other?.close();
});

/** Opens `path` on `server` at `width` px, recording errors, and waits for the frame's reply. */
async function host(width, path, server = site) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  const frame = await (await page.waitForSelector('#frame')).contentFrame();
  await frame.waitForSelector('.dafu-accordion__button', { timeout: 15000 });
  return { page, frame, errors };
}

/** The iframe's inner height and its content's height, measured independently of frame.js. */
async function heights(page, frame, selector = '#frame') {
  const outer = await page.evaluate((s) => document.querySelector(s).clientHeight, selector);
  const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  return { outer, inner };
}

/** Waits until the iframe's height is its content's, within 2 px (a message takes a frame or two). */
async function settled(page, frame, selector = '#frame') {
  let last;
  for (let i = 0; i < 100; i += 1) {
    last = await heights(page, frame, selector);
    if (Math.abs(last.outer - last.inner) <= 2) {
      // Still so a moment later: not a size passing through on its way elsewhere.
      await page.waitForTimeout(100);
      const again = await heights(page, frame, selector);
      if (Math.abs(again.outer - again.inner) <= 2) return again;
    }
    await page.waitForTimeout(50);
  }
  return last;
}

/** Heights after load, one section opened, show all, the largest text size; each asserted. */
async function steps(page, frame, label) {
  const seen = {};
  const check = async (step) => {
    const h = await settled(page, frame);
    assert.ok(Math.abs(h.outer - h.inner) <= 2, `${label} ${step}: iframe ${h.outer} px, content ${h.inner} px`);
    // Nothing to scroll inside: the frame is as tall as what it shows.
    const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    assert.ok(scroll <= 2, `${label} ${step}: the frame still scrolls by ${scroll} px`);
    seen[step] = h.outer;
  };
  await check('load');
  await frame.locator('.dafu-accordion__button').first().click();
  await check('toggle');
  assert.ok(seen.toggle > seen.load, `${label}: opening a section made the frame taller`);
  await frame.locator('.dafu-accordion__show-all').click();
  await check('show all');
  assert.ok(seen['show all'] > seen.toggle, `${label}: show all made the frame taller`);
  const largest = frame.locator('.dafu-settings__sizes .dafu-settings__button').last();
  await largest.click();
  assert.equal(await largest.getAttribute('aria-pressed'), 'true');
  await check('largest text');
  assert.ok(seen['largest text'] > seen['show all'], `${label}: the largest text made the frame taller`);
  return seen;
}

test('the frame shows one reply and nothing else, under the strict CSP', async () => {
  const { page, frame, errors } = await host(768, '/fixtures/e2e/frame-host.html', other);
  assert.equal(await frame.locator('.dafu-reply').count(), 1);
  assert.equal(await frame.locator('.dafu-header__title').innerText(), '关于政协提案的答复');
  assert.equal(await frame.locator('input[type=file], textarea').count(), 0);
  assert.equal(await frame.locator('.dafu-frame__fallback').isVisible(), false);
  // The one thing besides the reply: the link to the full page.
  const link = frame.locator('.dafu-frame__open');
  assert.equal(await link.innerText(), '在新窗口打开');
  assert.deepEqual(errors, []);
  await page.close();
});

test('with dafu.js on the parent, the frame is as tall as its reply at 320, 768 and 1440 px after load, a toggle, show all and the largest text size', async () => {
  const report = {};
  for (const width of WIDTHS) {
    const { page, frame, errors } = await host(width, '/fixtures/e2e/frame-host.html');
    report[width] = await steps(page, frame, `${width} px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // Narrower is taller; printed for the report.
  assert.ok(report[320].load > report[1440].load);
  console.log(`frame heights (px): ${JSON.stringify(report)}`);
});

test('the frame follows the window: 1440 px wide, then 320, then 768', async () => {
  const { page, frame, errors } = await host(1440, '/fixtures/e2e/frame-host.html');
  const seen = [];
  for (const width of [1440, 320, 768]) {
    await page.setViewportSize({ width, height: 800 });
    const h = await settled(page, frame);
    assert.ok(Math.abs(h.outer - h.inner) <= 2, `${width} px: iframe ${h.outer} px, content ${h.inner} px`);
    seen.push(h.outer);
  }
  assert.ok(seen[1] > seen[0] && seen[1] > seen[2], `narrower is taller: ${seen}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the README snippet (under 1 KB) resizes the frame as dafu.js does', async () => {
  assert.ok(Buffer.byteLength(SNIPPET) <= 1024, `the snippet is ${Buffer.byteLength(SNIPPET)} bytes`);
  assert.ok(readFileSync('README.md', 'utf8').includes(SNIPPET), 'the README shows the snippet this test runs, verbatim');
  const { page, frame, errors } = await host(768, '/fixtures/e2e/frame-snippet.html');
  await steps(page, frame, 'snippet');
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page running Datawrapper's resizer resizes the frame from the datawrapper-height message", async () => {
  const { page, frame, errors } = await host(768, '/fixtures/e2e/frame-datawrapper.html');
  await steps(page, frame, 'datawrapper');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a frame of another origin, added later, is resized once dafu.scan() sees it', async () => {
  const { page, errors } = await host(768, '/fixtures/e2e/frame-host.html');
  const src = `${other.url}/embed/frame.html?src=${SEED}`;
  await page.evaluate((s) => {
    const f = document.createElement('iframe');
    f.id = 'later';
    f.setAttribute('data-dafu-frame', '');
    f.title = 'later';
    f.src = s;
    f.width = '100%';
    f.height = '600';
    document.body.appendChild(f);
    window.dafu.scan();
  }, src);
  const later = await (await page.waitForSelector('#later')).contentFrame();
  await later.waitForSelector('.dafu-accordion__button', { timeout: 15000 });
  const h = await settled(page, later, '#later');
  assert.ok(Math.abs(h.outer - h.inner) <= 2, `iframe ${h.outer} px, content ${h.inner} px`);
  assert.notEqual(h.outer, 600);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a height from another origin, or from anything but the frame itself, changes nothing', async () => {
  const { page, frame } = await host(768, '/fixtures/e2e/frame-host.html');
  const before = (await settled(page, frame)).outer;
  // The page records every message after dafu.js's listener has seen it.
  await page.evaluate(() => {
    window.seen = [];
    window.addEventListener('message', (e) => window.seen.push(e.data && e.data.mark));
  });
  const forged = (mark) => ({ 'dafu-frame': { height: 5 }, mark });
  const arrived = (mark) => page.waitForFunction((m) => window.seen.includes(m), mark);
  // 1. Another origin's frame on the page.
  await page.evaluate((s) => {
    const f = document.createElement('iframe');
    f.id = 'stranger';
    f.src = s;
    document.body.appendChild(f);
  }, `${other.url}/fixtures/e2e/small.reply.json`);
  const stranger = await (await page.waitForSelector('#stranger')).contentFrame();
  await stranger.waitForLoadState();
  await stranger.evaluate((m) => window.parent.postMessage(m, '*'), forged('stranger'));
  await arrived('stranger');
  // 2. The page itself.
  await page.evaluate((m) => window.postMessage(m, '*'), forged('page'));
  await arrived('page');
  assert.equal((await heights(page, frame)).outer, before);
  // 3. The frame's own window, navigated to another origin: the right window, the wrong origin.
  await frame.goto(`${other.url}/fixtures/e2e/small.reply.json`);
  await frame.evaluate((m) => window.parent.postMessage(m, '*'), forged('navigated'));
  await arrived('navigated');
  assert.equal(await page.evaluate(() => document.querySelector('#frame').clientHeight), before);
  await page.close();
});

test('without a parent script the frame keeps its own height, scrolls, and links to the full page', async () => {
  const { page, frame, errors } = await host(768, '/fixtures/e2e/frame-plain.html');
  await frame.waitForFunction(() => document.fonts.status === 'loaded');
  assert.equal(await page.evaluate(() => document.querySelector('#frame').clientHeight), 600);
  const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  assert.ok(scroll > 100, `the frame scrolls (${scroll} px)`);
  // The fragment form, #src=, named the reply; the link names it resolved, for the full page.
  const link = frame.locator('.dafu-frame__open');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener');
  assert.equal(await link.getAttribute('href'), `${site.url}/index.html?src=${encodeURIComponent(site.url + SEED)}`);
  const [full] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await full.waitForSelector('.dafu-header__title', { timeout: 15000 });
  assert.equal(await full.locator('.dafu-header__title').innerText(), '关于政协提案的答复');
  assert.equal(await full.locator('input[type=file]').count(), 1);
  assert.deepEqual(errors, []);
  await full.close();
  await page.close();
});

test("复制引用 inside the frame links the fact on the full page (data-dafu-full), and that link opens it there", async () => {
  const seed = JSON.parse(readFileSync('data/seed.reply.json', 'utf8'));
  const figure = seed.figures.find((f) => f.key);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  // A site's own copy of frame.html naming its own full page, served in place of the shipped one.
  await context.route(/\/embed\/frame-own\.html/, async (route) => {
    const response = await route.fetch({ url: `${site.url}/embed/frame.html` });
    const body = (await response.text()).replace('data-dafu-full="../index.html"', 'data-dafu-full="/replies/show.html"');
    assert.ok(body.includes('data-dafu-full="/replies/show.html"'));
    await route.fulfill({ response, body });
  });
  const copy = async (path) => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url + path);
    await page.waitForSelector('.dafu-figures__button', { timeout: 15000 });
    await page.locator('.dafu-figures__button').filter({ hasText: figure.written }).first().click();
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator('.dafu-cite').getByRole('button', { name: '复制引用' }).click();
    await page.waitForFunction(() => document.querySelector('.dafu-cite__status')?.textContent.startsWith('已复制引用'));
    const lines = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n');
    assert.deepEqual(errors, []);
    await page.close();
    return lines;
  };
  const src = encodeURIComponent(site.url + SEED);
  const shipped = await copy(`/embed/frame.html#src=${SEED}`);
  assert.equal(shipped[0], figure.written);
  const link = shipped.at(-1);
  assert.equal(link, `${site.url}/index.html?src=${src}#dafu-1-r-${figure.id}`, 'the full page, not the frame');
  assert.equal((await copy(`/embed/frame-own.html?src=${SEED}`)).at(-1), `${site.url}/replies/show.html?src=${src}#dafu-1-r-${figure.id}`);

  // The link works: the full page opens the same reply at the figure's sentence.
  const full = await context.newPage();
  await full.goto(link);
  await full.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  }, `dafu-1-r-${figure.id}`, { timeout: 15000 });
  assert.match(await full.locator(`#dafu-1-r-${figure.id}`).getAttribute('class'), /dafu-fact--highlight/);
  await context.close();
});

test('axe finds no violations in the frame page, which reads lang and mode from its address', async () => {
  const page = await browser.newPage({ viewport: { width: 768, height: 800 } });
  await page.goto(`${site.url}/embed/frame.html?src=${SEED}&lang=en&mode=elder`);
  await page.waitForSelector('.dafu-accordion__button', { timeout: 15000 });
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  assert.equal(await page.locator('.dafu-frame__open').innerText(), 'Open in a new window');
  assert.match(await page.locator('.dafu-frame__open').getAttribute('href'), /&lang=en$/);
  assert.equal(await page.locator('.dafu-settings__elder').getAttribute('aria-pressed'), 'true');
  await page.close();
});
