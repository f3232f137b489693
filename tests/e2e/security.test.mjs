// What a host page, its CMS, a link or a reply can do to dafu, and what dafu must not do to the host:
// the loader's own address, its global name, unmounting, a failure inside the wasm, the host's
// address bar, ids, ?src=, and the key-figure strip.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { open, openApp, setup } from './harness.mjs';

const env = setup();
const HOST = '/examples/host/index.html';
const FIXTURES = '/tests/fixtures/e2e';
const SMALL = '../../tests/fixtures/e2e/small.reply.json';

// Closed after each test, passed or failed: a page left behind (frozen, say) must not slow the next.
const closing = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c.close().catch(() => {});
});

/**
 * Opens `path` in a fresh browser context that records every request and console message from the
 * start; `routes` (URL pattern → handler) answer for other origins.
 */
async function visit(path, routes = {}) {
  const ctx = await env.browser.newContext();
  closing.push(ctx);
  for (const [url, handler] of Object.entries(routes)) await ctx.route(url, handler);
  const requests = [];
  const messages = [];
  ctx.on('request', (r) => requests.push(r.url()));
  ctx.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  const opened = await open(ctx, env.server.url + path);
  return { ...opened, requests, messages };
}

/** Waits until `check()` holds, for at most `ms`; says whether it did. */
async function until(check, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** The example host page with its three instances settled. */
async function host(hash = '') {
  const opened = await openApp(env.browser, env.server.url + HOST + hash, '#reply-broken .dafu-error');
  closing.push(opened.page);
  await opened.page.waitForSelector('#reply-seed .dafu-accordion__button');
  await opened.page.waitForSelector('#reply-funding .dafu-accordion__button');
  return opened;
}

/** Another origin that would gladly serve its own dafu-core.js and dafu.css to any page. */
const attacker = {
  'https://other.example/**': (route) => {
    const url = route.request().url();
    const cors = { 'access-control-allow-origin': '*' };
    if (url.endsWith('.js')) {
      return route.fulfill({
        headers: { ...cors, 'content-type': 'text/javascript' },
        body: 'window.__foreign = true; export default () => Promise.resolve(); export const internalError = () => ""; export const mount = () => ({ unmount() {}, free() {} });',
      });
    }
    if (url.endsWith('.css')) return route.fulfill({ headers: { ...cors, 'content-type': 'text/css' }, body: '.dafu-fallback { display: none }' });
    // The image the host shows: a 1×1 GIF.
    return route.fulfill({ headers: { 'content-type': 'image/gif' }, body: Buffer.from('R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64') });
  },
};

test('an image named currentScript cannot make the loader fetch or run files from another origin', async () => {
  const { page, requests, errors } = await visit(`${FIXTURES}/clobber-img.html`, attacker);
  await page.waitForFunction(() => document.querySelector('#reply .dafu-accordion__button') || window.__foreign);
  const foreign = requests.filter((u) => new URL(u).origin !== env.server.url);
  assert.deepEqual(foreign, ['https://other.example/x.png'], 'only the host\'s own image goes to the other origin');
  assert.equal(await page.evaluate(() => window.__foreign), undefined);
  assert.ok(requests.includes(`${env.server.url}/embed/dafu-core.js`), 'dafu-core.js comes from the loader\'s own folder');
  assert.ok(requests.includes(`${env.server.url}/embed/dafu.css`));
  assert.equal(await page.locator('#reply .dafu-accordion__button').textContent(), '一、关于资金');
  assert.deepEqual(errors, []);
});

test('a form named currentScript does not stop dafu from starting', async () => {
  const { page, requests, errors } = await visit(`${FIXTURES}/clobber-form.html`);
  await page.waitForSelector('#reply .dafu-accordion__button', { timeout: 15000 }).catch(() => {});
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('#reply .dafu-accordion__button').textContent(), '一、关于资金');
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== env.server.url), []);
});

test('dafu.js included as type=module says so in the console, fetches nothing and leaves the text', async () => {
  const { page, requests, messages } = await visit(`${FIXTURES}/module.html`);
  const said = await until(() => messages.some((m) => /^error: dafu: .*type="module"/.test(m)));
  assert.ok(said, `a console error names type="module"; console: ${JSON.stringify(messages)}`);
  assert.deepEqual(requests.filter((u) => /dafu-core\.js|dafu\.css|dafu\.wasm/.test(u)), []);
  assert.equal(await page.locator('.dafu-reply').count(), 0);
  assert.ok(await page.getByText('市政府拨付经费20万元。(答复纯文本)').isVisible());
});

test('an element with id dafu does not switch dafu off, and the console says the name is shared', async () => {
  const { page, messages, errors } = await visit(`${FIXTURES}/named-dafu.html`);
  await page.waitForSelector('#reply .dafu-accordion__button', { timeout: 15000 }).catch(() => {});
  assert.equal(await page.locator('#reply .dafu-accordion__button').count(), 1, `dafu mounted; console: ${JSON.stringify(messages)}`);
  assert.equal(await page.evaluate(() => typeof window.dafu.mount), 'function');
  assert.equal(await page.evaluate(() => document.getElementById('dafu').tagName), 'MAIN');
  assert.ok(messages.some((m) => /^warning: dafu: .*id or name "dafu"/.test(m)), JSON.stringify(messages));
  assert.deepEqual(errors, []);
});

test('emptying a mounted element and then unmounting it returns at once, and every other dafu keeps working', async () => {
  const { page, errors } = await host();
  const result = await page.evaluate(async (src) => {
    const el = document.createElement('div');
    el.innerHTML = '<p>稍后加入的答复</p>';
    document.querySelector('main').appendChild(el);
    const handle = window.dafu.mount(el, { src });
    await handle.ready;
    const start = Date.now();
    while (!el.querySelector('.dafu-accordion__button') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    el.innerHTML = '';
    // Counts the moves unmount tries (the fallback was moved back child by child).
    const insertBefore = Node.prototype.insertBefore;
    let calls = 0;
    Node.prototype.insertBefore = function (...args) { calls += 1; return insertBefore.apply(this, args); };
    const t0 = performance.now();
    handle.unmount();
    const ms = performance.now() - t0;
    Node.prototype.insertBefore = insertBefore;
    return { calls, ms, html: el.innerHTML };
  }, SMALL);
  assert.equal(result.calls, 0, 'nothing to move back: the host emptied the element');
  assert.ok(result.ms < 1000, `unmount took ${result.ms} ms`);
  assert.equal(result.html, '', 'the element stays as the host left it');
  // The other instances still answer, and a new one mounts.
  const seed = page.locator('#reply-seed .dafu-accordion__button').first();
  await seed.click();
  assert.equal(await seed.getAttribute('aria-expanded'), 'true');
  const shown = await page.evaluate(async (src) => {
    const el = document.createElement('div');
    document.querySelector('main').appendChild(el);
    await window.dafu.mount(el, { src }).ready;
    const start = Date.now();
    while (!el.querySelector('.dafu-accordion__button') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    return el.querySelector('.dafu-accordion__button')?.textContent;
  }, SMALL);
  assert.equal(shown, '一、关于资金');
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});

test('mounting an element twice gives back its one handle, and unmounting gives its text back', async () => {
  const { page, errors } = await host();
  const result = await page.evaluate(async (src) => {
    const el = document.createElement('div');
    el.innerHTML = '<p>稍后加入的答复</p>';
    document.querySelector('main').appendChild(el);
    const first = window.dafu.mount(el, { src });
    const second = window.dafu.mount(el, { src });
    await first.ready;
    await second.ready;
    const start = Date.now();
    while (!el.querySelector('.dafu-accordion__button') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    const mounts = el.querySelectorAll('.dafu-mount').length;
    first.unmount();
    return { same: first === second, mounts, html: el.innerHTML, marked: el.hasAttribute('data-dafu-mounted') || el.hasAttribute('data-dafu-root') };
  }, SMALL);
  assert.deepEqual(result, { same: true, mounts: 1, html: '<p>稍后加入的答复</p>', marked: false });
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});

test('a failure inside a call into dafu shows the internal-error alert in every instance, and later mounts fail cleanly', async () => {
  const { page } = await host();
  const result = await page.evaluate(async (src) => {
    const main = document.querySelector('main');
    const el = document.createElement('div');
    el.textContent = '出错的答复';
    main.appendChild(el);
    // The first thing dafu asks of the element throws: the exception unwinds through the wasm, which
    // is then in an unknown state, as after a trap.
    Object.defineProperty(el, 'ownerDocument', { get() { throw new Error('simulated failure inside dafu'); } });
    const failed = await window.dafu.mount(el, { src }).ready.then(() => 'ready', (e) => String(e));
    const later = document.createElement('div');
    later.textContent = '之后的答复';
    main.appendChild(later);
    const next = await window.dafu.mount(later, { src }).ready.then(() => 'ready', (e) => String(e));
    const alerts = ['#reply-seed', '#reply-funding', '#reply-broken'].map((s) => [...document.querySelectorAll(`${s} > .dafu-error[role="alert"]`)].map((p) => p.textContent));
    return { failed, next, alerts, later: [later.textContent, later.hasAttribute('data-dafu-mounted')] };
  }, SMALL);
  assert.match(result.failed, /dafu stopped after an internal error/);
  assert.match(result.next, /dafu stopped after an internal error/);
  for (const panels of result.alerts) {
    assert.equal(panels.length, 1, JSON.stringify(result.alerts));
    assert.match(panels[0], /dafu internal error/);
  }
  assert.deepEqual(result.later, ['之后的答复', false]);
  // The host page itself keeps working.
  const size = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
  const before = await size();
  await page.click('#font-up');
  assert.notEqual(await size(), before);
});

test("a jump inside dafu never reloads or leaves the host page, and Back restores the host's own address", async () => {
  // Issue 17, part 5: every jump (a figure, the timeline, a chart bar, the table) is a history entry
  // whose hash names the fact. What must still hold for the host page: the same document stays (a
  // marker set on its window survives), its path and query never change, the only hash dafu ever
  // writes is the id of one of its own elements, the host's hash router hears no hashchange from a
  // jump, and Back gives the host exactly the address and history state it had, its own hash included.
  const start = `${HOST}?from=list#/app/home`;
  const { page, errors } = await host('?from=list#/app/home');
  const address = `${env.server.url}${start}`;
  await page.evaluate(() => {
    window.__sameDocument = 'host page';
    history.replaceState({ host: 'router state' }, '');
    // Back to the host's own hash is a hashchange the router should hear; one to a dafu id is not.
    window.__heard = [];
    window.addEventListener('hashchange', (e) => window.__heard.push(new URL(e.newURL).hash));
  });
  const seed = page.locator('#reply-seed');
  await seed.getByRole('button', { name: '以表格查看' }).click();
  const jumps = [
    ['the total tile', seed.locator('.dafu-figures__button--total')],
    ['a key figure', seed.locator('button.dafu-figures__button').first()],
    ['a timeline entry', seed.locator('.dafu-timeline__link').first()],
    ['a chart bar', seed.locator('.dafu-chart__row').first()],
    ['a table row', seed.locator('.dafu-table__row a').first()],
  ];
  let pushed = 0;
  for (const [name, target] of jumps) {
    // The bar's row takes the click in the page; dispatched, it does not depend on the chart's layout.
    if (name === 'a chart bar') await target.dispatchEvent('click');
    else await target.click();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    const after = await page.evaluate(() => ({
      same: window.__sameDocument,
      path: location.pathname,
      search: location.search,
      hash: location.hash,
      heard: (window.__heard ?? []).filter((h) => h !== '#/app/home'),
      named: document.getElementById(decodeURIComponent(location.hash.slice(1)))?.closest('#reply-seed') != null,
    }));
    assert.equal(after.same, 'host page', `${name}: the host page was not reloaded or left`);
    assert.equal(after.path, HOST, `${name}: path`);
    assert.equal(after.search, '?from=list', `${name}: query`);
    assert.deepEqual(after.heard, [], `${name}: the host's hash router heard no change`);
    if (after.hash === '#/app/home') {
      // A jump that adds no entry (the total tile scrolls to the funding view) leaves the address alone.
      continue;
    }
    pushed += 1;
    assert.match(after.hash, /^#dafu-\d+-r-[A-Za-z0-9_-]+$/, `${name}: only a dafu id is written into the hash`);
    assert.ok(after.named, `${name}: the hash names an element of this reply (${after.hash})`);

    // One Back lands on the host's address exactly: the jump added one entry and took nothing from it.
    await page.goBack();
    await page.waitForFunction((a) => location.href === a, address, { timeout: 5000 })
      .catch(() => assert.fail(`${name}: Back went to ${page.url()}, not to ${address}`));
    const back = await page.evaluate(() => ({ same: window.__sameDocument, state: history.state?.host }));
    assert.deepEqual(back, { same: 'host page', state: 'router state' }, `${name}: Back keeps the document and the host's state`);
  }
  assert.equal(pushed, 4, 'the figure, timeline, chart and table jumps each added an entry');
  assert.equal(page.url(), address);
  // The host's third reply is missing on purpose (its 404 is the only error).
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});

test("ids from the reply never collide with dafu's own, and each heading controls its own panel", async () => {
  const { page, errors } = await openApp(env.browser, `${env.server.url}/?src=/fixtures/e2e/colliding-ids.reply.json`, '.dafu-accordion__button');
  closing.push(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice');
  const pairs = await page.locator('.dafu-accordion__button').evaluateAll((buttons) => buttons.map((b) => {
    const panel = document.getElementById(b.getAttribute('aria-controls'));
    return [b.textContent, panel?.className, panel?.getAttribute('aria-labelledby') === b.id];
  }));
  assert.deepEqual(pairs, [
    ['一、关于资金', 'dafu-accordion__panel', true],
    ['二、关于培训', 'dafu-accordion__panel', true],
    ['三、关于宣传', 'dafu-accordion__panel', true],
    ['四、关于下一步', 'dafu-accordion__panel', true],
  ]);
  const targets = await page.evaluate(() => {
    const total = document.querySelector('.dafu-figures__button--total').getAttribute('href').slice(1);
    const figures = document.querySelector('.dafu-figures').getAttribute('aria-labelledby').split(' ');
    return {
      total: document.getElementById(total)?.className,
      figures: figures.map((id) => document.getElementById(id)?.className),
      paragraphs: new Set([...document.querySelectorAll('.dafu-paragraph')].map((p) => p.id)).size,
    };
  });
  assert.deepEqual(targets, { total: 'dafu-funding', figures: ['dafu-figures__title', 'dafu-header__title'], paragraphs: 6 });
  // The key figure (anchored in block "title") focuses its own paragraph, not the reply's title.
  await page.locator('button.dafu-figures__button').first().click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('dafu-paragraph'));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '组织培训12期。');
  assert.deepEqual(errors, []);
});

test('a ?src= that is not a web address is refused with an error panel, and nothing is fetched', async () => {
  const small = readFileSync('tests/fixtures/e2e/small.reply.json', 'utf8');
  const cases = [
    ['data:', `data:application/json,${encodeURIComponent(small)}`],
    ['blob:', `blob:${env.server.url}/0b6c4d1e-0000-4000-8000-000000000000`],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
  ];
  for (const [scheme, src] of cases) {
    const { page, requests } = await visit(`/?src=${encodeURIComponent(src)}`);
    await page.waitForSelector('.dafu-error', { timeout: 15000 });
    assert.match(await page.locator('.dafu-error').innerText(), new RegExp(`只能是 http 或 https 网址,不能是 ${scheme} 地址`), scheme);
    assert.equal(await page.locator('.dafu-accordion').count(), 0, scheme);
    assert.deepEqual(requests.filter((u) => u.startsWith(scheme)), [], scheme);
    }
});

test('the key-figure strip shows at most 12 figures; the full list is drawn in slices after the first show', async () => {
  const { page, errors } = await host();
  const result = await page.evaluate(async (n) => {
    // n figures, all marked key, 40 to a paragraph ("7期、7期、…"), 10 paragraphs to a section.
    const per = 40;
    const sections = [];
    const figures = [];
    for (let s = 0; s < n / per / 10; s += 1) {
      const blocks = [];
      for (let b = 0; b < 10; b += 1) {
        const id = `s${s}-p${b}`;
        blocks.push({ kind: 'paragraph', id, text: '7期、'.repeat(per) });
        for (let j = 0; j < per; j += 1) figures.push({ id: `f${figures.length}`, written: '7期', value: '7', unit: '期', key: true, at: { block: id, start: 3 * j, end: 3 * j + 2 } });
      }
      sections.push({ id: `s${s}`, numeral: '', heading: `第${s + 1}部分`, blocks });
    }
    const el = document.createElement('div');
    document.querySelector('main').appendChild(el);
    await window.dafu.mount(el, { reply: JSON.stringify({ schema: 1, sections, figures }) }).ready;
    // The reply is local: it is on the page now, before the next frame.
    const strip = el.querySelectorAll('.dafu-figures__strip:not(.dafu-figures__strip--all) > li').length;
    const all = () => el.querySelectorAll('.dafu-figures__strip--all > li').length;
    const first = all();
    const summary = el.querySelector('.dafu-figures__more').textContent;
    const start = Date.now();
    while ((el.querySelector('[data-dafu-filling]') || all() < n) && Date.now() - start < 20000) await new Promise((r) => setTimeout(r, 50));
    return { strip, first, summary, later: all() };
  }, 2000);
  assert.deepEqual(result, { strip: 12, first: 0, summary: '全部2000项数据', later: 2000 });
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});
