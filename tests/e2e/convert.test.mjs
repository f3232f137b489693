// Plain text in: pasting or opening a reply's text on the page converts and shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp, setup } from './harness.mjs';

const env = setup();

const seedText = readFileSync('tests/fixtures/convert/seed.txt', 'utf8');
const snapshot = (name) => readFileSync(`tests/fixtures/convert/${name}.expected.json`, 'utf8').split('\n').filter((l) => !l.startsWith('// ')).join('\n');

/** What a reader sees of a reply: section headings, funding amounts, key figures, timeline years. */
const view = (p) => p.evaluate(() => ({
  sections: [...document.querySelectorAll('.dafu-accordion__button')].map((b) => b.textContent),
  funding: [...document.querySelectorAll('.dafu-chart__value')].map((t) => t.textContent),
  total: document.querySelector('.dafu-funding__total-value')?.textContent,
  years: [...document.querySelectorAll('.dafu-timeline__year-label')].map((h) => h.textContent),
  initiatives: document.querySelectorAll('.dafu-initiative').length,
  title: document.querySelector('.dafu-header__title')?.textContent,
}));

test('pasting the seed text shows the same reply as the default, with a report and the CLI JSON to download', async () => {
  const { page: p } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  const before = await view(p);
  await p.getByRole('button', { name: '粘贴答复文本' }).click();
  assert.equal(await p.getByRole('button', { name: '粘贴答复文本' }).getAttribute('aria-expanded'), 'true');
  await p.getByLabel('答复全文(纯文本)').fill(seedText);
  await p.getByRole('button', { name: '转换并显示' }).click();
  await p.waitForSelector('.dafu-page__report');
  assert.deepEqual(await view(p), before);
  assert.deepEqual(await p.locator('.dafu-page__count').allTextContents(), ['5 章节', '14 举措', '20 数字', '3 资金', '7 时间']);
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '下载JSON' }).click()]);
  // Named after the reply's 文号, else its title (the seed has no 文号).
  assert.equal(download.suggestedFilename(), '关于政协提案的答复.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), snapshot('seed'));
  await p.close();
});

test('a dropped or chosen .txt file is converted and its diagnostics listed with their lines', async () => {
  const { page: p } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  await p.setInputFiles('.dafu-page__file', resolve('tests/fixtures/convert/example_031.txt'));
  await p.waitForSelector('.dafu-page__report');
  assert.equal(await p.locator('.dafu-header__title').textContent(), '关于对市人大七届六次会议第23号建议的答复');
  assert.deepEqual(await p.locator('.dafu-badge--class').allTextContents(), ['B类:正在解决或列入计划']);
  const diagnostics = await p.locator('.dafu-page__diagnostic').allTextContents();
  assert.ok(diagnostics.includes('第1行“政府信息公开”未识别,已略去:如是网页栏目文字可不必理会;如是文件信息,可在“更正文件信息”中填写'), diagnostics.join('\n'));
  assert.deepEqual((await p.locator('.dafu-chart__value').allTextContents()).slice(0, 4), ['300万元', '656万元', '500万元', '156万元']);
  await p.close();
});

test('the embedding API converts an element whose own text is the reply (data-dafu-text)', async () => {
  const { page: p } = await openApp(env.browser, `${env.server.url}/examples/host/index.html`, '#reply-seed .dafu-accordion__button');
  const shown = await p.evaluate(async (text) => {
    const el = document.createElement('div');
    el.setAttribute('data-dafu-text', '');
    el.innerText = text;
    document.querySelector('main').appendChild(el);
    const [handle] = window.dafu.scan(el.parentElement);
    await handle.ready;
    const start = Date.now();
    while (!el.querySelector('.dafu-accordion__button') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    return [...el.querySelectorAll('.dafu-accordion__button')].map((b) => b.textContent);
  }, seedText);
  assert.equal(shown.length, 5);
  assert.equal(shown[4], '五、关于加强保障方面');
  await p.close();
});

test('a long text converts in a worker, and the page keeps drawing frames meanwhile', async () => {
  const { page } = await openApp(env.browser, `${env.server.url}/`);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const text = seedText.repeat(200); // about 2 MB
  const result = await page.evaluate(async (t) => {
    let frames = 0;
    let converting = true;
    const count = () => { frames += 1; if (converting) requestAnimationFrame(count); };
    requestAnimationFrame(count);
    const r = await window[Symbol.for('dafu.convert')](t);
    converting = false;
    return { frames, json: r.json.slice(0, 40), sections: JSON.parse(r.json).sections.length };
  }, text);
  assert.ok(workers.some((u) => u.endsWith('/dafu-convert-worker.js')), `workers: ${workers.join(', ')}`);
  assert.ok(result.json.startsWith('{'), result.json);
  assert.ok(result.sections >= 5, `${result.sections} sections`);
  // On the main thread the page would not draw a frame until the conversion ended.
  assert.ok(result.frames >= 4, `${result.frames} frames drawn while converting`);
  await page.close();
});
