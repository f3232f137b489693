// Print (issue 17, part 8): the printed page has no controls, no developer bar and no hints about
// clicking; 文件信息, every figure, every section and the funding table are printed open, and a table
// row's source is not a link. A saved snapshot (`dafu render`, 下载网页) printed hides the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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

test('a saved snapshot printed hides the control placeholders, the click hint and the table links', async () => {
  // The page 下载网页 saves is what `dafu render` prints (snapshot-app.test.mjs holds them equal).
  execFileSync('cargo', ['build', '--quiet', '-p', 'dafu-cli'], { stdio: 'inherit' });
  const html = execFileSync('target/debug/dafu', ['render', 'data/seed.reply.json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setContent(html);
  const hidden = ['.dafu-settings', '.dafu-read', '.dafu-accordion__controls', '.dafu-chart__caption', '.dafu-table__link'];
  const seen = () => page.evaluate((selectors) => {
    const shown = selectors.map((s) => {
      const all = [...document.querySelectorAll(s)];
      return [s, all.length, all.filter((e) => getComputedStyle(e).display !== 'none').length];
    });
    // The elements whose own text is a hint about clicking or a link's words.
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const hints = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (/点击|查看原文/.test(n.data)) hints.push(n.parentElement.checkVisibility());
    }
    return { shown, hints };
  }, hidden);
  // On the screen each is there: the caption ends with its hint, the table links each amount's sentence.
  const screen = await seen();
  assert.deepEqual(screen.shown.filter(([, n, on]) => n === 0 || on === 0), [], 'each part is there on the screen');
  assert.ok(screen.hints.length >= 4 && screen.hints.every((v) => v), `hints on the screen: ${screen.hints}`);
  await page.emulateMedia({ media: 'print' });
  const printed = await seen();
  assert.deepEqual(printed.shown.map(([s, , on]) => [s, on]), hidden.map((s) => [s, 0]), 'none of them printed');
  assert.deepEqual(printed.hints.filter((v) => v), [], 'no hint about clicking and no link words printed');
  await context.close();
});
