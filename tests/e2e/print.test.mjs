// Print (issue 17, part 8): the printed page has no controls, no developer bar and no hints about
// clicking; 文件信息, every figure, every section and the funding table are printed open, and a table
// row's source is not a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, setup } from './harness.mjs';

const env = setup();
const seed = JSON.parse(readFileSync('data/seed.reply.json', 'utf8'));

/** The dev page with the seed, as the printer sees it. */
async function printed() {
  const opened = await openApp(env.browser, env.server.url);
  await opened.page.emulateMedia({ media: 'print' });
  // What printing does first: the app draws everything not drawn yet.
  await opened.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  return opened;
}

const visible = (page, selector) => page.locator(selector).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);

test('print shows no control, no developer bar, no settings, no 朗读 and no click hint', async () => {
  const { page, errors } = await printed();
  for (const selector of ['.dafu-page__tools', '.dafu-settings', '.dafu-read', '.dafu-cite__copy', '.dafu-cite__back',
    '.dafu-accordion__controls', '.dafu-timeline__order', '.dafu-funding__switches', '.dafu-funding__table-toggle', '.dafu-table__link']) {
    assert.equal(await visible(page, selector), 0, `${selector} is not printed`);
  }
  const text = await page.locator('main').innerText();
  for (const hint of ['点击', '复制引用', '全部展开', '以表格查看', '朗读']) {
    assert.ok(!text.includes(hint), `the printed page does not say ${hint}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('print shows 文件信息, every figure, every section and the funding table open', async () => {
  const { page } = await printed();
  const text = await page.locator('.dafu-reply:not([data-dafu-snapshot])').innerText();
  // 文件信息: every header field's value.
  for (const field of seed.meta.fields.filter((f) => f.value.trim())) {
    assert.ok(text.includes(field.value.trim()), `文件信息 printed: ${field.key} ${field.value}`);
  }
  assert.equal(await visible(page, '.dafu-figures__strip--all .dafu-figures__item'), seed.figures.length, 'every figure');
  const initiatives = seed.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'initiative').length;
  assert.equal(await visible(page, '.dafu-initiative'), initiatives, 'every section open');
  assert.equal(await visible(page, '.dafu-table__row'), seed.funding.length, 'the funding table');
  await page.close();
});

test('a PDF of the page is made with print styles', async () => {
  const { page } = await printed();
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
  await page.close();
});
