// Issue 17's reader, as a task done without help: a 72-year-old on a phone opens the seed, finds what
// will be done next and how much money there is, and gets back. (The editor's task is
// editor.test.mjs "typing in the form changes the reply shown, and the download is named after the 文号
// and equals dafu convert --set"; the journalist's is cite.test.mjs "复制引用 on a figure copies its
// number, its sentence, the title and a link to it".)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

const env = setup();
const LIVE = ':not([data-dafu-snapshot] *)';

/** Whether the element is on the phone's screen now (top inside the viewport). */
const onScreen = (locator) => locator.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.top < window.innerHeight && r.width > 0;
});

test('on a phone a reader finds the next steps and the money near the top, taps to each, and Back returns', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(env.server.url + '/');
  await p.waitForSelector(`.dafu-next__link${LIVE}`);
  // Nothing wider than the phone.
  assert.ok(await p.evaluate(() => document.scrollingElement.scrollWidth <= 360), 'no sideways scrolling');

  // The money: the total is a tile of 主要数据, on the first screens, in the words the reply uses.
  const total = p.locator(`.dafu-figures__button--total${LIVE}`);
  assert.equal(await total.locator('.dafu-figures__value').textContent(), '631.29万元');
  assert.equal(await total.locator('.dafu-figures__label').textContent(), '拨付资金合计');
  assert.ok(await total.evaluate((e) => e.getBoundingClientRect().top < 2 * window.innerHeight), 'within two screens');
  await total.tap();
  const chartTotal = p.locator(`.dafu-funding__total-value${LIVE}`);
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-funding'));
  assert.equal(await chartTotal.textContent(), '631.29万元');
  assert.ok(await onScreen(p.locator(`[id$="-funding"]${LIVE}`)), 'the chart is on screen after the tap');

  // What will be done next: the panel comes before the sections, its promise a link.
  await p.evaluate(() => window.scrollTo(0, 0));
  const next = p.locator(`.dafu-next${LIVE}`);
  const first = p.locator(`.dafu-accordion${LIVE}`);
  const [nextTop, sectionsTop] = [await next.evaluate((e) => e.offsetTop), await first.evaluate((e) => e.offsetTop)];
  assert.ok(nextTop < sectionsTop, '下一步打算 before the sections');
  assert.equal(await next.locator('.dafu-next__title').textContent(), '下一步打算');
  const link = next.locator('.dafu-next__link').first();
  assert.ok((await link.boundingBox()).height >= 44, 'a link big enough to tap');
  const before = p.url();
  await link.tap();
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-r-closing-1'));
  assert.match(await p.evaluate(() => document.activeElement.textContent), /我们将结合您提出的工作意见和建议/);
  assert.ok(await onScreen(p.locator(`.dafu-closing__text${LIVE}`).first()), 'the promise is on screen after the tap');

  // Back (the phone's button) returns to where the reader was, on the same page.
  await p.evaluate(() => { window.stillHere = true; });
  await p.goBack();
  await p.waitForFunction((u) => location.href === u, before);
  assert.equal(await p.evaluate(() => window.stillHere), true, 'no reload');
  assert.deepEqual(errors, []);
  await context.close();
});
