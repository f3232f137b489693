// The editor's path through the dev page: a reply's text file opened in any encoding the CLI reads, a
// report that says per line what was not understood and what to do (in the interface's language), the
// header facts not found, a form that corrects them with the view following as she types, and a
// download named after the 文号 that is byte for byte `dafu convert --set …` of the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { openApp, setup } from './harness.mjs';

const env = setup();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const fixture = (name) => resolve('tests/fixtures/editor', name);
// Built natively in release by tools/package.mjs (the seed's snapshot), so present after a build.
const cli = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'release/dafu');
const title = '关于市政协十三届二次会议第8号提案的答复';
const classLine = '第2行“类别：Ａ”未识别为办理结果:可写作“A类”后重新转换,或在“更正文件信息”中选择办理结果';

/** Opens the dev page and a text file in it; resolves when its report is shown. */
async function opened(name) {
  const { page: p, errors } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  await p.setInputFiles('.dafu-page__file', fixture(name));
  await p.waitForSelector('.dafu-page__report');
  await p.waitForFunction((t) => document.querySelector('.dafu-header__title')?.textContent === t, title);
  return { p, errors };
}

const report = (p) => p.evaluate(() => ({
  encoding: document.querySelector('.dafu-page__encoding')?.textContent ?? null,
  missing: [...document.querySelectorAll('.dafu-page__missing-item')].map((li) => li.textContent),
  diagnostics: [...document.querySelectorAll('.dafu-page__diagnostic')].map((li) => li.textContent),
  title: document.querySelector('.dafu-header__title')?.textContent,
}));

test('a GBK text file converts as the CLI reads it, and the report names the line, the text and what to do', async () => {
  const { p, errors } = await opened('class_and_number.gbk.txt');
  const r = await report(p);
  assert.equal(r.title, title);
  assert.equal(r.encoding, '文件不是UTF-8编码,已按GB18030(GBK)读取。');
  assert.ok(r.diagnostics.includes(classLine), r.diagnostics.join('\n'));
  assert.deepEqual(r.missing, ['文号', '办理结果']);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a UTF-16 text file converts to the same reply as its UTF-8 twin', async () => {
  const { p } = await opened('class_and_number.utf16.txt');
  const r = await report(p);
  assert.equal(r.encoding, '文件按UTF-16编码读取。');
  assert.ok(r.diagnostics.includes(classLine), r.diagnostics.join('\n'));
  assert.equal(await p.locator('.dafu-accordion__button').count(), 2);
  await p.close();
});

test('in English the bar, the report and the form are English, and back in Chinese they are Chinese again', async () => {
  const { p } = await opened('class_and_number.txt');
  await p.getByRole('button', { name: 'English' }).click();
  await p.waitForSelector('text=Conversion report');
  const r = await report(p);
  assert.equal(r.encoding, null);
  assert.ok(r.diagnostics.includes('Line 2: “类别：Ａ” was not understood as the result class: write it as “A类” and convert again, or choose the result under “Correct the header”'), r.diagnostics.join('\n'));
  assert.deepEqual(r.missing, ['Document number (文号)', 'Result']);
  assert.ok(await p.getByRole('button', { name: "Paste a reply's text" }).isVisible());
  assert.ok(await p.getByRole('button', { name: 'Download JSON' }).isVisible());
  assert.ok(await p.getByLabel('Document number (文号)').isVisible());
  await p.getByRole('button', { name: '中文' }).click();
  await p.waitForSelector('text=转换结果');
  assert.ok((await report(p)).diagnostics.includes(classLine));
  await p.close();
});

test('typing in the form changes the reply shown, and the download is named after the 文号 and equals dafu convert --set', async () => {
  const { p } = await opened('class_and_number.gbk.txt');
  const number = '某教函〔2024〕8号';
  const newTitle = '某某县教育局关于第8号提案的答复';
  // By keyboard, as an editor would: the field takes the focus and keeps it while the page follows.
  await p.getByLabel('标题', { exact: true }).focus();
  await p.keyboard.press('ControlOrMeta+a');
  await p.keyboard.type(newTitle);
  await p.waitForFunction((t) => document.querySelector('.dafu-header__title')?.textContent === t, newTitle);
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'dafu-page-set-title');
  await p.getByLabel('文号').fill(number);
  await p.getByLabel('办理结果').selectOption('A');
  await p.waitForFunction(() => [...document.querySelectorAll('.dafu-page__missing-item')].length === 0);
  assert.match(await p.locator('.dafu-badge--class').first().textContent(), /A类/);
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '下载JSON' }).click()]);
  assert.equal(download.suggestedFilename(), `${number}.json`);
  const bytes = readFileSync(await download.path());
  const text = bytes.toString('utf8');
  assert.ok(text.includes(`"document_number": "${number}"`), text.slice(0, 400));
  assert.ok(!text.includes('\\u'), 'the JSON is readable, no \\u escapes');
  const expected = execFileSync(cli, ['convert', fixture('class_and_number.gbk.txt'),
    '--set', `title=${newTitle}`, '--set', `文号=${number}`, '--set', 'result_class=A'], { stdio: ['ignore', 'pipe', 'ignore'] });
  assert.ok(bytes.equals(expected), 'the download is byte for byte the CLI output');
  await p.close();
});

test('a date that is not a date is refused in the report and the reply keeps the converted one', async () => {
  const { p } = await opened('class_and_number.txt');
  await p.getByLabel('成文日期').fill('去年');
  await p.waitForSelector('text=成文日期“去年”未更正');
  assert.equal((await report(p)).title, title);
  await p.close();
});

test('the report and the form pass axe, and every form control is at least 44 px high', async () => {
  const { p } = await opened('class_and_number.txt');
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('.dafu-page__tools'), { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  const heights = await p.locator('.dafu-page__input').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  assert.equal(heights.length, 9);
  assert.ok(heights.every((h) => h >= 44), heights.join(', '));
  await p.close();
});

test('dafu.html opened from disk reads a GBK file the same way, with its report and form', async () => {
  const { page: p } = await openApp(env.browser, pathToFileURL(resolve('dist/dafu.html')).href, '.dafu-accordion__button');
  await p.setInputFiles('.dafu-page__file', fixture('class_and_number.gbk.txt'));
  await p.waitForSelector('.dafu-page__report');
  await p.waitForFunction((t) => document.querySelector('.dafu-header__title')?.textContent === t, title);
  const r = await report(p);
  assert.equal(r.encoding, '文件不是UTF-8编码,已按GB18030(GBK)读取。');
  assert.ok(r.diagnostics.includes(classLine), r.diagnostics.join('\n'));
  assert.ok(await p.getByLabel('文号').isVisible());
  await p.close();
});

test('the bar comes and works when its script arrives after the app has started', async () => {
  // The app looks for the bar (src/page.js) again at `load` when the script is late: a slow
  // dafu-hooks.js must still give the editor her bar, and the bar must still show what she opens.
  const p = await env.browser.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  let release;
  const held = new Promise((r) => { release = r; });
  await p.route('**/dafu-hooks.js', async (route) => { await held; await route.continue(); });
  // Not waiting for `load`: that waits for the held script.
  await p.goto(env.server.url, { waitUntil: 'commit' });
  await p.waitForSelector('.dafu-accordion__button:not([data-dafu-snapshot] *)');
  assert.equal(await p.locator('.dafu-page__file').count(), 0);
  release();
  await p.waitForSelector('.dafu-page__file', { state: 'attached' });
  assert.equal(await p.getByRole('button', { name: '粘贴答复文本' }).getAttribute('aria-expanded'), 'false');
  await p.setInputFiles('.dafu-page__file', fixture('class_and_number.gbk.txt'));
  await p.waitForSelector('.dafu-page__report');
  await p.waitForFunction((t) => document.querySelector('.dafu-header__title')?.textContent === t, title);
  assert.equal(await p.locator('.dafu-header__title').count(), 1);
  assert.deepEqual(errors, []);
  await p.close();
});
