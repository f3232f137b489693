// Key figures, timeline and funding charts on the built page, with the seed and with fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setup } from './harness.mjs';

const env = setup();

const page = (path = '/') => openApp(env.browser, env.server.url + path, '.dafu-header__title');

test('the seed shows three funding bars, their exact total and a table with the same rows', async () => {
  const { page: p } = await page();
  assert.deepEqual(await p.locator('.dafu-chart__value').allTextContents(), ['305.29万元', '306万元', '20万元']);
  assert.equal(await p.locator('.dafu-funding__total-value').textContent(), '631.29万元');
  assert.equal(await p.locator('.dafu-chart__svg').getAttribute('role'), 'img');
  await p.getByRole('button', { name: '以表格查看' }).click();
  const rows = await p.locator('.dafu-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.cells[1].textContent));
  assert.deepEqual(rows, ['305.29万元', '306万元', '20万元']);
  assert.equal(await p.locator('.dafu-table tfoot td').nth(1).textContent(), '631.29');
  await p.close();
});

test('clicking the 306万元 bar opens section 五 and focuses its initiative', async () => {
  const { page: p } = await page();
  await p.locator('.dafu-chart__row').nth(1).locator('.dafu-chart__bar').click();
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-s5-i2'));
  assert.equal(await p.locator('.dafu-accordion__button').nth(4).getAttribute('aria-expanded'), 'true');
  assert.equal(await p.locator('.dafu-fact--highlight').textContent(), '306万元');
  assert.ok(await p.locator('.dafu-fact--highlight').isVisible());
  await p.close();
});

test('the timeline shows 截至2023年4月 as-of, 十四五 as a span and can go newest first', async () => {
  const { page: p } = await page();
  const asOf = p.locator('.dafu-timeline__event--as-of');
  // The date says 截至 itself: no mark doubles it.
  assert.equal(await asOf.locator('.dafu-timeline__mark').count(), 0);
  assert.equal(await asOf.locator('.dafu-timeline__date').textContent(), '截至2023年4月');
  assert.equal(await p.locator('.dafu-timeline__event--span .dafu-timeline__date').first().textContent(), '十四五(2021—2025年)');
  await p.getByRole('button', { name: '最新在前' }).click();
  assert.deepEqual(await p.locator('.dafu-timeline__year-label').allTextContents(), ['2035年', '2023年', '2021年', '未写明时间']);
  await p.locator('.dafu-timeline__event--as-of .dafu-timeline__link').click();
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-s2-i1'));
  await p.close();
});

test('a key figure is one click from its sentence', async () => {
  const { page: p } = await page();
  await p.locator('.dafu-figures__button', { hasText: '25万人次' }).first().click();
  await p.waitForFunction(() => document.activeElement?.id?.endsWith('-s2-i1'));
  assert.equal(await p.locator('.dafu-fact--highlight').textContent(), '25万人次');
  await p.close();
});

test('breakdowns and every money role are labelled, drawn apart and kept out of the allocated total', async () => {
  const { page: p } = await page('/?src=/fixtures/replies/funding.reply.json');
  await p.waitForSelector('.dafu-chart__value');
  const values = await p.locator('.dafu-chart__value').allTextContents();
  assert.deepEqual(values, ['656万元', '500万元', '156万元', '707.03万元', '700万元', '7.03万元', '9130万元(贷款)', '200万元(未获批)', '近390万元(申请中)', '5-10万元', '150万元(已争取)', '80万元(计划)']);
  assert.deepEqual(await p.locator('.dafu-funding__total').allTextContents(), [
    '投入资金合计 1,363.03万元', '争取到的资金合计 150万元', '贷款合计 9,130万元', '正在申请的资金合计 390万元', '未获批准的资金合计 200万元', '计划安排的资金合计 80万元',
  ]);
  // Each role is drawn its own way, not by colour alone: a pattern, a heavy border or an outline.
  const paint = (role) => p.locator(`.dafu-chart__bar--${role}`).first().evaluate((bar) => {
    const s = getComputedStyle(bar);
    return `${s.fill.match(/pattern-[a-z]+/)?.[0] ?? s.fill} ${s.strokeWidth}`;
  });
  assert.deepEqual(await Promise.all(['allocated', 'obtained', 'requested', 'refused', 'loan', 'planned'].map(paint)), [
    'rgb(31, 95, 139) 1px', 'rgb(31, 95, 139) 3px', 'pattern-requested 2px', 'pattern-refused 1px', 'pattern-loan 1px', 'rgb(255, 255, 255) 2px',
  ]);
  assert.equal(await p.locator('.dafu-funding__note').textContent(), '另有2笔是按每项计的标准或一个范围,没有计入合计。');
  await p.getByRole('button', { name: '以表格查看' }).click();
  const parts = await p.locator('.dafu-table__row--part .dafu-table__label').allTextContents();
  assert.deepEqual(parts, ['其中:中央财政资金', '其中:地方配套资金', '其中:中央财政资金', '其中:群众投劳折资']);
  const rate = p.locator('.dafu-table tbody tr', { hasText: '2万元/项' });
  assert.match(await rate.textContent(), /不计入合计/);
  await p.close();
});

test('funding in different years has a by-year view and a share view', async () => {
  const { page: p } = await page('/?src=/fixtures/replies/funding.reply.json');
  await p.getByRole('button', { name: '按年份' }).click();
  assert.deepEqual(await p.locator('.dafu-chart__value').allTextContents(), ['656万元', '707.03万元']);
  assert.deepEqual(await p.locator('.dafu-chart__label').allTextContents(), ['2020年', '2021年']);
  await p.getByRole('button', { name: '占比' }).click();
  assert.equal(await p.getByRole('button', { name: '占比' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await p.locator('.dafu-chart__legend').allTextContents(), [
    '1. 滩歌北山项目总投资 656万元 48.1%', '2. 桦林沟小流域项目总投资 707.03万元 51.9%',
  ]);
  await p.close();
});

test('a reply without funding says so instead of drawing an empty chart', async () => {
  const { page: p } = await page('/?src=/fixtures/replies/dates.reply.json');
  await p.waitForSelector('.dafu-funding__none');
  assert.equal(await p.locator('.dafu-chart__svg').count(), 0);
  assert.equal(await p.locator('.dafu-timeline__event--unresolved .dafu-timeline__date').textContent(), '上半年');
  // 2023年以来 says it goes on: no mark.
  assert.equal(await p.locator('.dafu-timeline__event--since .dafu-timeline__mark').count(), 0);
  await p.close();
});

test('printing shows every section, the timeline as a list and the funding table', async () => {
  const { page: p } = await page();
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('.dafu-accordion__panel:visible').count(), 5);
  assert.ok(await p.locator('.dafu-table').isVisible());
  assert.equal(await p.locator('.dafu-funding__table-toggle').isVisible(), false);
  assert.equal(await p.locator('.dafu-accordion__show-all').isVisible(), false);
  assert.equal(await p.locator('.dafu-timeline__event').count(), 15);
  await p.close();
});

test('printing a reply too big for one frame draws all of it first', async () => {
  const { readFileSync } = await import('node:fs');
  const { scaled } = await import('../bench/scaled.mjs');
  const seed = JSON.parse(readFileSync(new URL('../../data/seed.reply.json', import.meta.url), 'utf8'));
  // Big enough that the fill is still drawing when the page prints, however fast the machine is.
  const times = 60;
  const big = JSON.stringify(scaled(seed, times));
  const p = await env.browser.newPage();
  await p.route((url) => url.pathname === '/big.reply.json', (route) => route.fulfill({ contentType: 'application/json', body: big }));
  await p.goto(`${env.server.url}/?src=/big.reply.json`);
  await p.waitForSelector('.dafu-accordion__button');
  // Printing right away, before the page has finished drawing in the background (headings too are
  // drawn a slice at a time).
  const counts = await p.evaluate(async () => {
    const drawn = () => [...document.querySelectorAll('.dafu-accordion__panel')].filter((e) => e.childElementCount > 0).length;
    const before = drawn();
    window.dispatchEvent(new Event('beforeprint'));
    // The browser lays out for print once the event's listeners and their microtasks are done.
    await new Promise((done) => setTimeout(done, 0));
    return {
      before,
      after: drawn(),
      headings: document.querySelectorAll('.dafu-accordion__button').length,
      table: document.querySelectorAll('.dafu-table tbody tr').length,
    };
  });
  assert.ok(counts.before < times * 5, `${counts.before} panels drawn before printing`);
  assert.equal(counts.after, times * 5);
  assert.equal(counts.headings, times * 5);
  assert.equal(counts.table, times * 7 * 3);
  await p.close();
});

test('in forced colours, requested, refused and loan bars keep their patterns and allocated bars stay solid', async () => {
  const { page: p } = await page('/?src=/fixtures/replies/funding.reply.json');
  await p.waitForSelector('.dafu-chart__value');
  await p.emulateMedia({ forcedColors: 'active' });
  const fill = (role) => p.locator(`.dafu-chart__bar--${role}`).first().evaluate((bar) => getComputedStyle(bar).fill);
  const [allocated, requested, refused, loan] = await Promise.all(['allocated', 'requested', 'refused', 'loan'].map(fill));
  assert.match(requested, /^url\(.*-pattern-requested"?\)$/);
  assert.match(refused, /^url\(.*-pattern-refused"?\)$/);
  assert.match(loan, /^url\(.*-pattern-loan"?\)$/);
  assert.match(allocated, /^rgb\(/, 'allocated bars are filled with the text colour');
  await p.close();
});
