// 下一步打算 (next steps at a glance) and the timeline that does not mislead, as a reader sees them on
// the built page: the panel near the top listing the reply's promises, each a link that opens its
// section and marks its sentence; undated timeline entries in a group of their own; marks only where
// they add; positions in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setup } from './harness.mjs';

const env = setup();

const DATES = '/?src=/fixtures/replies/dates.reply.json';
const SEED_PROMISE = '我们将结合您提出的工作意见和建议,在工作中不断深化巩固,逐步完善,积极开展各领域、各行业的民族团结进步创建工作,促进各民族群众交往交流交融,推动民族工作高质量发展。';

const open = (path = '/', selector = '.dafu-accordion__button') => openApp(env.browser, env.server.url + path, selector);

/** The live view's panel (the dev page keeps the seed's snapshot hidden beside it). */
const panel = (p) => p.locator('.dafu-next:not([data-dafu-snapshot] *)');

/** The text of the CSS highlight `dafu-next`, or null. */
const marked = (p) => p.evaluate(() => {
  const h = globalThis.CSS?.highlights?.get('dafu-next');
  return h ? [...h].map((r) => r.toString()).join('|') : null;
});

test('the seed shows 下一步打算 near the top: its closing promise as a link, with where it is', async () => {
  const { page: p, errors } = await open();
  const next = panel(p);
  assert.equal(await next.locator('.dafu-next__title').textContent(), '下一步打算');
  assert.equal(await next.locator('.dafu-next__note').textContent(), '答复中写明今后要做的事,共1项。');
  const links = next.locator('.dafu-next__link');
  assert.equal(await links.count(), 1);
  assert.equal(await links.locator('.dafu-next__text').textContent(), SEED_PROMISE);
  assert.equal(await links.locator('.dafu-next__place').textContent(), '结尾');
  assert.equal(await links.locator('.dafu-next__kind').textContent(), '承诺');
  // A region with a heading, named like the others.
  const tree = await p.locator('.dafu-reply:not([data-dafu-snapshot])').ariaSnapshot();
  assert.match(tree, /- region "下一步打算 关于政协提案的答复":\n\s+- heading "下一步打算" \[level=2\]/);
  // Near the top: after the key figures, before the sections.
  const order = await p.evaluate(() => {
    const live = [...document.querySelectorAll('.dafu-body')].find((b) => !b.closest('[data-dafu-snapshot]'));
    return [...live.querySelectorAll('.dafu-figures, .dafu-next, .dafu-accordion, .dafu-timeline')].map((e) => e.className.split(' ')[0]);
  });
  assert.deepEqual(order, ['dafu-figures', 'dafu-next', 'dafu-accordion', 'dafu-timeline']);
  assert.deepEqual(errors, []);
  await p.close();
});

test('clicking the promise focuses its closing line and marks the sentence', async () => {
  const { page: p } = await open();
  await panel(p).locator('.dafu-next__link').click();
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-r-closing-1'));
  await p.waitForFunction(() => globalThis.CSS?.highlights?.has('dafu-next'));
  assert.equal(await marked(p), SEED_PROMISE, 'the promise, not the thanks before it');
  assert.ok(await p.locator('.dafu-closing__text:not([data-dafu-snapshot] *)').isVisible());
  await p.close();
});

test('next-step initiatives are listed by part and item; a link opens the closed section and focuses the initiative, by keyboard too', async () => {
  const { page: p } = await open(DATES);
  const items = await panel(p).locator('.dafu-next__link').evaluateAll((ls) => ls.map((l) => [
    l.querySelector('.dafu-next__kind').textContent, l.querySelector('.dafu-next__place').textContent, l.querySelector('.dafu-next__text').textContent,
  ]));
  assert.deepEqual(items, [
    ['举措', '第二部分 第一项', '下一步,我们将于上半年完成调研。'],
    ['举措', '第二部分 第二项', '2024年将继续加大投入。'],
  ]);
  const section = p.locator('.dafu-accordion__button').nth(1);
  assert.equal(await section.getAttribute('aria-expanded'), 'false');
  // Keyboard: the link is a real link, reached with Tab and followed with Enter.
  await panel(p).locator('.dafu-next__link').nth(1).focus();
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-r-s2-i2'));
  assert.equal(await section.getAttribute('aria-expanded'), 'true');
  await p.waitForFunction(() => globalThis.CSS?.highlights?.has('dafu-next'));
  assert.match(await marked(p), /2024年将继续加大投入。/);
  await p.close();
});

test('the panel is hidden when the reply names no next step', async () => {
  // Done work (已将…纳入) and a wish for the reader (希望在今后…) promise nothing.
  const { page: p } = await open('/?src=/fixtures/replies/no_next_steps.reply.json');
  assert.equal(await panel(p).count(), 0);
  await p.close();
});

test('the panel links are at least 44 px tall, 60 px in 长辈版, and fit a 320 px screen', async () => {
  const p = await env.browser.newPage({ viewport: { width: 320, height: 640 } });
  await p.goto(env.server.url + DATES);
  await p.waitForSelector('.dafu-next__link');
  const boxes = () => panel(p).locator('.dafu-next__link').evaluateAll((ls) => ls.map((l) => {
    const r = l.getBoundingClientRect();
    return { w: r.width, h: r.height, right: r.right };
  }));
  for (const b of await boxes()) {
    assert.ok(b.h >= 44 && b.w >= 44, `link ${b.w}x${b.h} >= 44 px`);
    assert.ok(b.right <= 320, `link ends at ${b.right} px, inside 320 px`);
  }
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scrolling at 320 px');
  await p.getByRole('button', { name: '长辈版' }).click();
  for (const b of await boxes()) assert.ok(b.h >= 60 && b.w >= 60, `elder link ${b.w}x${b.h} >= 60 px`);
  await p.close();
});

test('printed, the panel shows every item', async () => {
  const { page: p } = await open(DATES);
  await p.emulateMedia({ media: 'print' });
  assert.ok(await panel(p).isVisible());
  assert.equal(await panel(p).locator('.dafu-next__text:visible').count(), 2);
  await p.close();
});

test('the seed\'s snapshot holds the panel as a plain link to the closing line', async () => {
  const p = await env.browser.newPage();
  // The snapshot as served, before the live view replaces it.
  await p.route('**/*.wasm', (route) => route.abort());
  await p.goto(env.server.url + '/');
  const link = p.locator('[data-dafu-snapshot] .dafu-next__link');
  await link.waitFor({ state: 'attached' });
  assert.equal(await link.getAttribute('href'), '#dafu-s-r-closing-1');
  assert.equal(await link.locator('.dafu-next__text').textContent(), SEED_PROMISE);
  await p.close();
});

test('the timeline lists undated entries last under 未写明时间, marks only what the date does not say, and names positions in words', async () => {
  const { page: p } = await open();
  const timeline = p.locator('.dafu-timeline:not([data-dafu-snapshot] *)');
  const years = await timeline.locator('.dafu-timeline__year-label').allTextContents();
  assert.deepEqual(years, ['2021年', '2023年', '2035年', '未写明时间'], 'no 2024年: the reply\'s own year holds nothing it reports');
  const undated = timeline.locator('.dafu-timeline__year').last();
  assert.equal(await undated.locator('.dafu-timeline__event').count(), 10);
  assert.equal(await undated.locator('.dafu-timeline__event').first().locator('.dafu-timeline__what').textContent(), '第二部分 第三项 创建“一进一主题、一进一特色”模式工程');
  // 截至2023年4月 says "as of" itself: no mark doubles it.
  const asOf = timeline.locator('.dafu-timeline__event--as-of');
  assert.equal(await asOf.locator('.dafu-timeline__mark').count(), 0);
  assert.equal(await asOf.locator('.dafu-timeline__when').textContent(), '截至2023年4月');
  assert.equal(await asOf.locator('.dafu-timeline__place').textContent(), '第二部分 第一项');
  assert.equal((await timeline.textContent()).includes('截至 截至'), false);
  assert.equal((await timeline.textContent()).includes('截至截至'), false);
  // Newest first turns the years around; the undated stay last.
  await p.getByRole('button', { name: '最新在前' }).click();
  assert.deepEqual(await timeline.locator('.dafu-timeline__year-label').allTextContents(), ['2035年', '2023年', '2021年', '未写明时间']);
  await p.close();
});

test('a date without a year keeps its mark; one that says 以来 needs none', async () => {
  const { page: p } = await open(DATES);
  const timeline = p.locator('.dafu-timeline');
  assert.equal(await timeline.locator('.dafu-timeline__year-label').last().textContent(), '未写明时间');
  const vague = timeline.locator('.dafu-timeline__event--unresolved');
  assert.equal(await vague.locator('.dafu-timeline__mark').textContent(), '时间不明确');
  assert.equal(await vague.locator('.dafu-timeline__date').textContent(), '上半年');
  assert.equal(await timeline.locator('.dafu-timeline__event--since .dafu-timeline__mark').count(), 0);
  assert.equal(await timeline.locator('.dafu-timeline__event--since .dafu-timeline__date').textContent(), '2023年以来');
  await p.close();
});
