// Citable and linkable (issue 17, part 5): 复制引用 on a figure, an amount (in the bar once the reader has
// gone to it) and an initiative puts the number, its sentence, the reply's title and a link to the fact on
// the clipboard; that link, opened
// fresh, opens the fact's section and scrolls the fact into view; after a jump, 返回 and the browser's
// Back both return the reader to where they were, with no reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup } from './harness.mjs';

const env = setup();
const seed = JSON.parse(readFileSync('data/seed.reply.json', 'utf8'));
const textOf = (block) => seed.sections.flatMap((s) => s.blocks).find((b) => b.id === block);
const live = '.dafu-header__title:not([data-dafu-snapshot] *)';

/** A page of its own context, allowed to read and write the clipboard. */
async function openPage(path = '/') {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url + path);
  await page.waitForSelector(live);
  return { page, context, errors };
}

/** Presses `button`, waits for the status line to say so, and returns the clipboard's lines. */
async function copied(page, button) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await button.click();
  await page.waitForFunction(() => document.querySelector('.dafu-cite__status')?.textContent.startsWith('已复制引用'));
  return (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
}

/** Is the element with this id on the screen? */
const onScreen = (page, id) => page.evaluate((id) => {
  const r = document.getElementById(id)?.getBoundingClientRect();
  return !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
}, id);

/** The bar's 复制引用, offered for the fact the reader went to. */
const barCopy = (page) => page.locator('.dafu-cite').getByRole('button', { name: '复制引用' });

test('复制引用 on a figure copies its number, its sentence, the title and a link to it', async () => {
  const { page, context, errors } = await openPage();
  const figure = seed.figures.find((f) => f.key);
  assert.equal(await barCopy(page).isVisible(), false, 'nothing to cite before a figure is chosen');
  await page.locator('.dafu-figures__button').filter({ hasText: figure.written }).first().click();
  const [number, sentence, source, link, ...rest] = await copied(page, barCopy(page));
  assert.equal(number, figure.written);
  assert.match(sentence, /^“.+”$/);
  const quoted = sentence.slice(1, -1);
  assert.ok(quoted.includes(figure.written), sentence);
  assert.ok(textOf(figure.at.block).text.includes(quoted), `${quoted} is a sentence of ${figure.at.block}`);
  assert.match(quoted, /[。!?]$/);
  assert.equal(source, `——《${seed.meta.title}》`);
  assert.equal(link, `${env.server.url}/#dafu-1-r-${figure.id}`);
  assert.deepEqual(rest, []);
  assert.equal(await page.getByRole('status').filter({ hasText: '已复制引用' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('复制引用 on an amount in the table and on an initiative copies them with their sources', async () => {
  const { page, context } = await openPage();
  await page.getByRole('button', { name: '以表格查看' }).click();
  const amount = seed.funding[0];
  const row = page.locator('.dafu-table__row').filter({ hasText: amount.written }).first();
  await row.getByRole('link').click();
  const lines = await copied(page, barCopy(page));
  assert.equal(lines[0], amount.written);
  assert.ok(lines[1].includes(amount.written) && lines[1].startsWith('“'), lines[1]);
  assert.equal(lines[3], `${env.server.url}/#dafu-1-r-${amount.id}`);

  await page.getByRole('button', { name: '全部展开' }).click();
  const initiative = textOf('s3-i1');
  const cited = await copied(page, page.locator('#dafu-1-r-s3-i1').getByRole('button', { name: `复制引用 ${initiative.ordinal}` }));
  assert.equal(cited[0], initiative.ordinal + (initiative.headline ?? ''));
  assert.equal(cited[1], `“${initiative.text.trim()}”`);
  assert.equal(cited[2], `——《${seed.meta.title}》`);
  assert.equal(cited[3], `${env.server.url}/#dafu-1-r-s3-i1`);
  await context.close();
});

test('a link to a fact, opened fresh, opens its section and scrolls the fact into view', async () => {
  const amount = seed.funding[0];
  const { page, context, errors } = await openPage(`/#dafu-1-r-${amount.id}`);
  const id = `dafu-1-r-${amount.id}`;
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  }, id);
  const section = seed.sections.findIndex((s) => s.blocks.some((b) => b.id === amount.at.block));
  assert.equal(await page.locator('.dafu-accordion__button').nth(section).getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator(`#${id}`).getAttribute('class'), /dafu-fact--highlight/);
  assert.equal(await page.locator('.dafu-cite__back').isVisible(), false, 'no 返回 before any jump');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Scrolls `control` to the middle of the screen; returns where it is and the window's scroll. */
async function placeOf(page, control) {
  return control.evaluate((e) => ({ top: Math.round(e.getBoundingClientRect().top), y: Math.round(scrollY) }));
}

test('after a jump from the timeline, 返回 and the browser Back return to where the reader was, with no reload', async () => {
  const { page, context, errors } = await openPage();
  await page.evaluate(() => { window.dafuNotReloaded = true; });
  const entry = page.locator('.dafu-timeline__link').nth(2);
  await entry.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const before = await placeOf(page, entry);
  const url = page.url();

  for (const goBack of [() => page.getByRole('button', { name: '返回' }).click(), () => page.goBack()]) {
    await entry.click();
    await page.waitForFunction(() => /#dafu-1-r-/.test(location.hash));
    const jumped = new URL(page.url()).hash.slice(1);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }, jumped);
    assert.ok(await onScreen(page, jumped));
    assert.notEqual((await placeOf(page, entry)).y, before.y, 'the jump moved the page');
    assert.ok(await page.getByRole('button', { name: '返回' }).isVisible(), '返回 is offered after a jump');

    await goBack();
    await page.waitForFunction((url) => location.href === url, url);
    await page.waitForFunction(([top]) => Math.abs(document.activeElement.getBoundingClientRect().top - top) <= 2, [before.top]);
    assert.ok(Math.abs((await placeOf(page, entry)).top - before.top) <= 2, 'the entry is where it was on the screen');
    assert.equal(await entry.evaluate((e) => e === document.activeElement), true, 'the focus is back on the entry');
    assert.equal(await page.getByRole('button', { name: '返回' }).isVisible(), false);
    assert.equal(await page.evaluate(() => window.dafuNotReloaded), true, 'no reload');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a figure jump adds one history entry: Forward goes to the fact again, Back leaves it', async () => {
  const { page, context } = await openPage();
  const figure = seed.figures.find((f) => f.key);
  const length = await page.evaluate(() => history.length);
  await page.locator('.dafu-figures__button').filter({ hasText: figure.written }).first().click();
  await page.waitForFunction((h) => location.hash === h, `#dafu-1-r-${figure.id}`);
  assert.equal(await page.evaluate(() => history.length), length + 1);
  await page.goBack();
  await page.waitForFunction(() => location.hash === '');
  await page.goForward();
  await page.waitForFunction((h) => location.hash === h, `#dafu-1-r-${figure.id}`);
  assert.ok(await page.getByRole('button', { name: '返回' }).isVisible());
  await context.close();
});
