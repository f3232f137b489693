// Accessibility: axe-core, keyboard, screen-reader semantics, 适老化 settings, forced colours,
// reduced motion, touch targets, print and 320 px phones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openApp, setup } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const artifacts = 'tests/e2e/artifacts';
mkdirSync(artifacts, { recursive: true });

const env = setup();

const page = (path = '/', selector = '.dafu-header__title') => openApp(env.browser, env.server.url + path, selector);

/** Runs axe-core on `include` and fails with every violation, its rule and its nodes. */
async function noViolations(p, include = 'body') {
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async (sel) => {
    const result = await window.axe.run({ include: [...document.querySelectorAll(sel)] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  }, include);
  assert.deepEqual(violations, []);
}

test('axe finds no violations on the default page, with sections closed and all open', async () => {
  const { page: p } = await page();
  await noViolations(p);
  await p.getByRole('button', { name: '全部展开' }).click();
  await p.getByRole('button', { name: '以表格查看' }).click();
  await noViolations(p);
  await p.close();
});

test('axe finds no violations with the paste panel open and the converter report shown', async () => {
  const { page: p } = await page();
  await p.getByRole('button', { name: '粘贴答复文本' }).click();
  await noViolations(p);
  await p.getByLabel('答复全文(纯文本)').fill(readFileSync('tests/fixtures/convert/example_031.txt', 'utf8'));
  await p.getByRole('button', { name: '转换并显示' }).click();
  await p.waitForSelector('.dafu-page__report');
  await noViolations(p);
  await p.close();
});

test('axe finds no violations in the share view, English, high contrast and the largest text', async () => {
  const { page: p } = await page('/?src=/fixtures/replies/funding.reply.json');
  await p.getByRole('button', { name: '占比' }).click();
  await noViolations(p);
  await p.getByRole('button', { name: '按年份' }).click();
  await p.getByRole('button', { name: '特大' }).click();
  await p.getByRole('button', { name: '高对比度' }).click();
  await noViolations(p);
  await p.getByRole('button', { name: 'English' }).click();
  await p.waitForSelector('text=Show all sections');
  await noViolations(p);
  await p.close();
});

test('axe finds no violations on the error panel and on dafu inside the host page', async () => {
  const { page: broken } = await page('/?src=/fixtures/e2e/broken.reply.json', '.dafu-error');
  await noViolations(broken);
  await broken.close();
  const { page: host } = await page('/examples/host/index.html', '#reply-broken .dafu-error');
  await host.waitForSelector('#reply-funding .dafu-accordion__button');
  await noViolations(host, '[data-dafu-root]');
  await host.close();
});

test('Tab reaches every control in reading order with a visible focus ring, and leaves the page', async () => {
  const { page: p } = await page();
  const walk = [];
  for (let i = 0; i < 80; i += 1) {
    await p.keyboard.press('Tab');
    const info = await p.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
      return { cls: el.className || el.tagName, text: el.textContent.trim().slice(0, 12), ring };
    });
    if (!info) break;
    walk.push(info);
  }
  const kinds = walk.map((w) => String(w.cls).split(' ')[0]);
  const firstOf = (c) => kinds.indexOf(c);
  assert.ok(walk.length < 80, 'focus leaves the page: no keyboard trap');
  // Reading order: settings, header details, key figures, sections, timeline, funding.
  const order = ['dafu-settings__button', 'dafu-meta__summary', 'dafu-figures__button', 'dafu-accordion__show-all',
    'dafu-accordion__button', 'dafu-timeline__order', 'dafu-timeline__link', 'dafu-funding__switch', 'dafu-funding__table-toggle'];
  const positions = order.map(firstOf);
  assert.ok(positions.every((p) => p >= 0), `every control reached: ${JSON.stringify(order.filter((c, i) => positions[i] < 0))}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'controls come in reading order');
  assert.equal(kinds.filter((k) => k === 'dafu-accordion__button').length, 5);
  assert.equal(kinds.filter((k) => k === 'dafu-timeline__link').length, 15);
  const noRing = walk.filter((w) => !w.ring).map((w) => `${w.cls} "${w.text}"`);
  assert.deepEqual(noRing, [], 'every focused control shows a focus ring');
  await p.close();
});

test('Escape closes an open disclosure and returns focus to it', async () => {
  const { page: p } = await page();
  await p.locator('.dafu-meta__summary').click();
  assert.equal(await p.locator('.dafu-meta').getAttribute('open'), '');
  await p.keyboard.press('Escape');
  assert.equal(await p.locator('.dafu-meta').getAttribute('open'), null);
  assert.equal(await p.evaluate(() => document.activeElement.className), 'dafu-meta__summary');
  await p.close();
});

test('screen readers get landmarks, one h1, ordered headings, a named chart and live regions', async () => {
  const { page: p } = await page();
  const tree = await p.locator('.dafu-reply').ariaSnapshot();
  assert.match(tree, /- article:/);
  assert.match(tree, /- heading "关于政协提案的答复" \[level=1\]/);
  assert.match(tree, /- region "主要数据 关于政协提案的答复"/);
  assert.match(tree, /- region "时间线 关于政协提案的答复"/);
  assert.match(tree, /- region "资金 关于政协提案的答复"/);
  assert.match(tree, /- img "资金图\(按用途\):拨付资金合计631\.29万元 共3笔资金,金额最大的一项是创建铸牢中华民族共同体意识示范市工作经费306万元,占48\.5%。"/);
  assert.match(tree, /- button "二、 ?关于深化民族团结工作宣传教育方面"\n/);
  assert.equal(await p.locator('h1').count(), 1);
  const levels = await p.locator('.dafu-reply h1, .dafu-reply h2, .dafu-reply h3, .dafu-reply h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 1);
  assert.ok(levels.every((l, i) => i === 0 || l <= levels[i - 1] + 1), `no skipped heading level: ${levels}`);
  assert.equal(await p.locator('main').count(), 1);
  await p.close();
  const { page: loading } = await openApp(env.browser, `${env.server.url}/?src=/fixtures/e2e/broken.reply.json`, '.dafu-error');
  assert.equal(await loading.locator('.dafu-error').getAttribute('role'), 'alert');
  await loading.close();
});

test('the largest text size is at least 1.5x and the layout still fits a 320 px phone', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const p = await ctx.newPage();
  await p.goto(env.server.url);
  await p.waitForSelector('.dafu-accordion__button');
  const size = () => p.locator('.dafu-preamble').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const standard = await size();
  const steps = [];
  for (const name of ['大', '更大', '特大']) {
    await p.getByRole('button', { name, exact: true }).click();
    steps.push(await size());
  }
  assert.ok(steps[0] > standard && steps[1] > steps[0] && steps[2] > steps[1], `three growing steps: ${standard} ${steps}`);
  assert.ok(steps[2] >= standard * 1.5, `largest ${steps[2]} >= 1.5 x ${standard}`);
  await p.getByRole('button', { name: '全部展开' }).click();
  await p.getByRole('button', { name: '以表格查看' }).click();
  const [scroll, client] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `no horizontal overflow at 320 px with the largest text: ${scroll} > ${client}`);
  await p.screenshot({ path: `${artifacts}/phone-320-largest.png`, fullPage: true });
  await ctx.close();
});

test('nothing overflows at 320 px, for the seed and for the funding fixture in every chart view', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const p = await ctx.newPage();
  for (const [name, path] of [['seed', '/'], ['funding', '/?src=/fixtures/replies/funding.reply.json']]) {
    await p.goto(env.server.url + path);
    await p.waitForSelector('.dafu-accordion__button');
    await p.getByRole('button', { name: '全部展开' }).click();
    await p.getByRole('button', { name: '以表格查看' }).click();
    for (const view of ['按年份', '占比']) {
      if (await p.getByRole('button', { name: view }).count()) await p.getByRole('button', { name: view }).click();
      const [scroll, client] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${name} ${view}: ${scroll} > ${client}`);
    }
    await p.screenshot({ path: `${artifacts}/phone-320-${name}.png`, fullPage: true });
  }
  await ctx.close();
});

test('every control is at least 44 x 44 px to touch', async () => {
  const { page: p } = await page('/?src=/fixtures/replies/funding.reply.json');
  await p.getByRole('button', { name: '全部展开' }).click();
  await p.getByRole('button', { name: '以表格查看' }).click();
  await p.locator('.dafu-figures__more').count();
  const small = await p.locator('.dafu-reply button, .dafu-reply a, .dafu-reply summary').evaluateAll((els) => els
    .filter((e) => e.offsetParent !== null)
    .map((e) => [e.className, e.getBoundingClientRect()])
    .filter(([, r]) => r.width < 44 || r.height < 44)
    .map(([c, r]) => `${c} ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  await p.close();
});

test('high contrast mode, forced colours and reduced motion are honoured', async () => {
  const { page: p } = await page();
  await p.getByRole('button', { name: '高对比度' }).click();
  assert.equal(await p.locator('.dafu-reply').evaluate((e) => getComputedStyle(e).color), 'rgb(0, 0, 0)');
  assert.equal(await p.locator('.dafu-chart__bar').first().evaluate((e) => getComputedStyle(e).fill), 'rgb(0, 0, 0)');
  assert.equal(await p.getByRole('button', { name: '高对比度' }).getAttribute('aria-pressed'), 'true');
  await p.emulateMedia({ forcedColors: 'active' });
  const fill = await p.locator('.dafu-chart__pattern-bg').first().evaluate((e) => getComputedStyle(e).fill);
  const canvas = await p.evaluate(() => { const d = document.createElement('div'); d.style.color = 'Canvas'; document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; });
  assert.equal(fill, canvas, 'patterns use system colours in forced-colours mode');
  await p.emulateMedia({ forcedColors: 'none', reducedMotion: 'reduce' });
  assert.equal(await p.locator('.dafu-accordion__icon').first().evaluate((e) => getComputedStyle(e).transitionDuration), '0s');
  await p.close();
});

test('printing hides every control and the settings, and shows all text', async () => {
  const { page: p } = await page();
  await p.emulateMedia({ media: 'print' });
  const visibleControls = await p.locator('.dafu-reply button').evaluateAll((bs) => bs.filter((b) => b.offsetParent !== null && !b.closest('.dafu-timeline, .dafu-accordion__heading, .dafu-figures')).map((b) => b.className));
  assert.deepEqual(visibleControls, []);
  assert.equal(await p.locator('.dafu-initiative:visible').count(), 14);
  await p.close();
});
