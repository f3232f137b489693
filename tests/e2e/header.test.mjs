// What identifies a reply in its header (文号, its date, the result class with its meaning and a
// locality's own labels), a phone reader's start (one unnumbered section open, a host page's text
// size), and the interface's wording in both languages, as a reader sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { open, openApp, setup } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SIGNED = '/fixtures/header/signed.reply.json';
const FUNDING = '/fixtures/replies/funding.reply.json';
const HOST = '/fixtures/header/host.html';

const env = setup();

const page = (path = '/') => openApp(env.browser, env.server.url + path);

/** The text of every element matching `selector`, whitespace collapsed. */
const texts = (p, selector) => p.locator(selector).evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));

/** Each label and value of the header's list of what identifies the reply, as `label value`. */
const pairs = (p) => p.locator('.dafu-reply:not([data-dafu-snapshot]) .dafu-header__date')
  .evaluateAll((els) => els.map((e) => [...e.children].map((c) => c.textContent).join(' ')));

/** The live view (the dev page may still hold the seed's snapshot, hidden). */
const live = (p) => p.locator('.dafu-reply:not([data-dafu-snapshot])');

/** Runs axe-core on every element matching `include` and fails with every violation. */
async function noViolations(p, include = 'body') {
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async (sel) => {
    const result = await window.axe.run({ include: [...document.querySelectorAll(sel)] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  }, include);
  assert.deepEqual(violations, []);
}

/** Waits until the element `id` of the host page shows its live reply. */
async function hosted(p, id) {
  await p.waitForSelector(`#${id} .dafu-header__title`, { timeout: 15000 });
  return p.locator(`#${id}`);
}

test('the header shows the 文号, the signature date when there is no 成文日期, and the result class with its meaning', async () => {
  const { page: p, errors } = await page(`/?src=${SIGNED}`);
  const header = live(p).locator('.dafu-header');
  assert.deepEqual(await pairs(p), ['文号 某民函〔2024〕12号', '落款日期 2024年5月20日']);
  assert.equal(await header.locator('.dafu-badge--class').textContent(), 'A类:所提问题已解决或基本解决');
  assert.equal(await header.locator('.dafu-badge__name').textContent(), 'A类');
  // The badge list is named, and the meaning is read with the badge.
  assert.equal(await header.getByRole('list', { name: '状态' }).getByRole('listitem').textContent(), 'A类:所提问题已解决或基本解决');
  await noViolations(p);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a reply whose header has a 成文日期 shows it, and no signature date', async () => {
  const { page: p } = await page('/');
  assert.deepEqual(await pairs(p), ['成文日期 2024年6月20日', '公开日期 2024年7月1日 17:57']);
  assert.equal(await live(p).locator('.dafu-badge--class').count(), 0);
  await p.close();
});

test('the result class reads the same in English, its meaning in words', async () => {
  const { page: p } = await page(`/?src=${SIGNED}`);
  await p.getByRole('button', { name: 'English' }).click();
  await p.waitForSelector('.dafu-reply[lang="en"] .dafu-badge__name');
  assert.equal(await live(p).locator('.dafu-badge--class').textContent(), 'Class A: the problem raised is solved or largely solved');
  assert.deepEqual(await pairs(p), ['Document No. 某民函〔2024〕12号', 'Signed 2024-05-20']);
  await p.close();
});

test('a body of one unnumbered section is open at start; a reply of numbered sections is not', async () => {
  const { page: p } = await page(`/?src=${SIGNED}`);
  const button = live(p).locator('.dafu-accordion__button');
  assert.equal(await button.count(), 1);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await p.waitForSelector('.dafu-accordion__panel .dafu-paragraph');
  assert.match(await p.locator('.dafu-accordion__panel').first().innerText(), /新建社区老年食堂6处/);
  await p.close();
  const { page: seed } = await page('/');
  const buttons = live(seed).locator('.dafu-accordion__button');
  assert.equal(await buttons.count(), 5);
  assert.deepEqual(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded'))), ['false', 'false', 'false', 'false', 'false']);
  await seed.close();
});

test('a host page starts its replies at the size it asks for, with its own result-class labels', async () => {
  const { page: p, errors } = await open(env.browser, env.server.url + HOST);
  const large = await hosted(p, 'large');
  const root = large.locator('.dafu-reply');
  assert.match(await root.getAttribute('class'), /dafu-reply--size-3/);
  assert.equal(await large.getByRole('button', { name: '特大', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await large.getByRole('button', { name: '标准', exact: true }).getAttribute('aria-pressed'), 'false');
  const size = (el) => el.locator('.dafu-paragraph').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await p.waitForSelector('#large .dafu-paragraph');
  assert.ok(await size(large) >= 17 * 1.7, `the largest step: ${await size(large)} px`);
  assert.equal(await large.locator('.dafu-badge--class').textContent(), '解决采纳类:所提问题已经解决或采纳');
  // The reader can still choose: nothing holds the size.
  await large.getByRole('button', { name: '标准', exact: true }).click();
  assert.match(await root.getAttribute('class'), /dafu-reply--size-0/);
  // A bad value is named in the console, and the reply shows at the standard size with the standard labels.
  const bad = await hosted(p, 'bad');
  assert.match(await bad.locator('.dafu-reply').getAttribute('class'), /dafu-reply--size-0/);
  assert.equal(await bad.locator('.dafu-badge--class').textContent(), 'B类:正在解决或列入计划');
  // Two different replies on one page: every region keeps a name of its own (the reply's title).
  await noViolations(p, '[data-dafu-root]');
  assert.ok(errors.some((e) => e.includes('"huge"') && e.includes('standard, large, larger, largest')), errors.join('\n'));
  assert.ok(errors.some((e) => e.includes('"D=丁类:不存在的类别"') && e.includes('A, B or C')), errors.join('\n'));
  assert.equal(errors.length, 2, errors.join('\n'));
  // dafu.mount takes the same options.
  await p.evaluate(() => window.dafu.mount(document.getElementById('later'), { src: '/fixtures/header/signed.reply.json', size: 'large', classLabels: 'A=甲类' }).ready);
  const later = await hosted(p, 'later');
  assert.equal(await later.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await later.locator('.dafu-badge--class').textContent(), '甲类');
  await p.close();
});

test('the frame page starts at the size its address asks for', async () => {
  const { page: p } = await page(`/embed/frame.html?src=${SIGNED}&size=larger`);
  assert.match(await p.locator('.dafu-reply').getAttribute('class'), /dafu-reply--size-2/);
  assert.equal(await p.getByRole('button', { name: '更大', exact: true }).getAttribute('aria-pressed'), 'true');
  await p.close();
});

test('labels read naturally in Chinese: 主要数据, the money as the text says it, 金额(万元), 查看原文, 最新在前, a plain legend', async () => {
  const { page: p } = await page(`/?src=${FUNDING}`);
  assert.equal(await p.locator('.dafu-figures__title').textContent(), '主要数据');
  assert.deepEqual(await texts(p, '.dafu-settings__sizes button'), ['标准', '大', '更大', '特大']);
  assert.equal(await p.getByRole('button', { name: '最新在前' }).count(), 1);
  // 总投资: the total says 投入, never that the money was paid.
  assert.equal(await p.locator('.dafu-figures__button--total .dafu-figures__label').textContent(), '投入资金合计');
  assert.equal((await p.locator('.dafu-funding').textContent()).includes('拨付'), false);
  assert.equal(await p.locator('.dafu-chart__caption').textContent(),
    '实心条:已投入的资金。粗边实心条:争取到的资金。斜线条:正在申请的资金。交叉线条:未获批准的资金。圆点条:贷款。空心条:计划安排的资金。'
    + '虚线边框:约数。浅色的一段:金额是一个范围,画到其中较大的数。点击条形可查看原文。');
  await p.getByRole('button', { name: '以表格查看' }).click();
  assert.deepEqual(await texts(p, '.dafu-table thead th'), ['项目', '原文金额', '金额(万元)', '性质', '占比', '出处']);
  assert.equal(await p.locator('.dafu-table__caption').textContent(), '资金明细');
  assert.ok(await p.getByRole('link', { name: '查看原文' }).count() > 0);
  // Each row says what its own sentence says: 预算安排5-10万元 is 已安排, 总投资 is 已投入.
  const role = (written) => p.locator('.dafu-table tbody tr', { hasText: written }).first().locator('.dafu-table__role').textContent();
  assert.equal(await role('5-10万元'), '已安排(不计入合计)');
  assert.equal(await role('656万元'), '已投入');
  assert.equal(await p.locator('.dafu-table__total .dafu-table__label').textContent(), '投入资金合计');
  await p.close();
  // The seed's sentences all say 拨付; a reply that says only 安排 is 安排.
  const { page: seed } = await page('/');
  assert.deepEqual(await texts(live(seed), '.dafu-funding__total'), ['拨付资金合计 631.29万元']);
  assert.equal(await live(seed).locator('.dafu-chart__caption').textContent(), '实心条:已拨付的资金。点击条形可查看原文。');
  await seed.close();
  const { page: signed } = await page(`/?src=${SIGNED}`);
  assert.deepEqual(await texts(signed, '.dafu-funding__total'), ['安排资金合计 120万元']);
  await signed.close();
});

test('English translates the same labels', async () => {
  const { page: p } = await page(`/?src=${FUNDING}`);
  await p.getByRole('button', { name: 'English' }).click();
  await p.waitForSelector('.dafu-reply[lang="en"] .dafu-figures__title');
  assert.equal(await p.locator('.dafu-figures__title').textContent(), 'Key figures');
  assert.deepEqual(await texts(p, '.dafu-settings__sizes button'), ['Standard', 'Large', 'Larger', 'Largest']);
  assert.equal(await p.locator('.dafu-figures__button--total .dafu-figures__label').textContent(), 'Total invested');
  assert.deepEqual(await texts(p, '.dafu-funding__total'), [
    'Total invested 1,363.03万元', 'Total obtained 150万元', 'Total in loans 9,130万元', 'Total requested 390万元', 'Total refused 200万元', 'Total planned 80万元',
  ]);
  assert.match(await p.locator('.dafu-chart__caption').textContent(), /^Solid bars: money invested\. .* Click a bar to read its sentence\.$/);
  await p.getByRole('button', { name: 'Show as a table' }).click();
  assert.deepEqual(await texts(p, '.dafu-table thead th'), ['Item', 'As written', 'Amount (万元)', 'Kind', 'Share', 'Source']);
  assert.ok(await p.getByRole('link', { name: 'View in the text' }).count() > 0);
  // No Chinese word of the interface is left in these views (the reply's own text and 万元 aside).
  const words = await p.locator('.dafu-settings, .dafu-figures__title, .dafu-funding__total, .dafu-chart__caption, .dafu-table thead, .dafu-table__role, .dafu-table__link').evaluateAll((els) => els.map((e) => e.textContent).join(' '));
  assert.equal(/[\u4e00-\u9fff]/.test(words.replace(/万元|长辈版/g, '')), false, words);
  await p.close();
});
