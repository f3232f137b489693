// Personal data before publishing (issue 13): the converter report lists it with its line, and
// "隐去个人信息" masks it in the reply shown and in the JSON downloaded, as `dafu convert --redact` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp, setup } from './harness.mjs';

const env = setup();

const text = readFileSync('tests/fixtures/privacy/every_kind_in_a_reply.txt', 'utf8');
// What the fixture holds that must not be published, and how each reads masked.
const hidden = ['13812341234', '13912345678', '11010519491231002X', 'wangmoumou', '杨家村', '文三路'];
const masked = ['138****1234', '139****5678', '110105********002X', 'w*********@qq.com', '138-****-8000'];

// The live reply's whole text, closed sections included (the seed's static snapshot is not it).
const LIVE = '.dafu-reply:not([data-dafu-snapshot])';
const body = (p) => p.evaluate((live) => document.querySelector(live).textContent, LIVE);
const shows = (p, text) => p.waitForFunction(([live, t]) => document.querySelector(live)?.textContent.includes(t), [LIVE, text]);

async function downloadJson(p) {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '下载JSON' }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('the report lists personal data with its line, and the checked box masks it in the reply shown and the JSON downloaded', async () => {
  const { page: p, errors } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  await p.getByRole('button', { name: '粘贴答复文本' }).click();
  await p.getByLabel('答复全文(纯文本)').fill(text);
  await p.getByRole('button', { name: '转换并显示' }).click();
  await p.waitForSelector('.dafu-page__report');

  const diagnostics = await p.locator('.dafu-page__diagnostic').allTextContents();
  for (const expected of [
    '第3行含个人信息(手机号 138****1234),不宜公开',
    '第7行含个人信息(手机号 139****5678),不宜公开',
    '第7行含个人信息(身份证号 110105********002X),不宜公开',
    '第7行含个人信息(住址 家住*********),不宜公开',
    '第11行含个人信息(个人邮箱 w*********@qq.com),不宜公开',
    '第16行办理单位的联系方式(手机号 137****1111),予以保留',
  ]) {
    assert.ok(diagnostics.some((d) => d.startsWith(expected)), `${expected}\nnot in\n${diagnostics.join('\n')}`);
  }
  const report = await p.locator('.dafu-page__report').innerText();
  for (const data of hidden) assert.ok(!report.includes(data), `the report prints ${data}`);

  // Unchecked, the reply is shown and downloaded as written.
  const box = p.getByLabel('隐去个人信息');
  assert.equal(await box.isChecked(), false);
  assert.ok((await body(p)).includes('13912345678'));
  assert.ok((await downloadJson(p)).includes('11010519491231002X'));

  // Checked: what is shown is what is published.
  await box.check();
  await shows(p, '139****5678');
  const shown = await body(p);
  const json = await downloadJson(p);
  for (const data of hidden) {
    assert.ok(!shown.includes(data), `${data} still shown`);
    assert.ok(!json.includes(data), `${data} still in the JSON`);
  }
  for (const m of masked) assert.ok(json.includes(m), `${m} not in the JSON`);
  // The office's own number and an 18-digit number whose checksum fails stay as written.
  assert.ok(json.includes('13700001111'));
  assert.ok(json.includes('110105194912310029'));
  assert.equal(JSON.parse(json).schema, 1);
  // The diagnostics are the same either way.
  assert.deepEqual(await p.locator('.dafu-page__diagnostic').allTextContents(), diagnostics);

  // Unchecked again, the reply is as written again.
  await box.uncheck();
  await shows(p, '13912345678');
  assert.ok((await downloadJson(p)).includes('13912345678'));
  assert.deepEqual(errors, []);
  await p.close();
});

test('a text converted while the box is checked is masked at once, and so is a .txt file opened', async () => {
  const { page: p, errors } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  await p.getByLabel('隐去个人信息').check();
  await p.setInputFiles('.dafu-page__file', resolve('tests/fixtures/privacy/every_kind_in_a_reply.txt'));
  await p.waitForSelector('.dafu-page__report');
  await shows(p, '139****5678');
  const json = await downloadJson(p);
  for (const data of hidden) assert.ok(!json.includes(data), `${data} still in the JSON`);
  assert.deepEqual(errors, []);
  await p.close();
});

test('the converter hook masks on request in the page, in its worker and in dafu.html from disk', async () => {
  const { page: p } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  const convert = (t, options) => p.evaluate(([t, o]) => window[Symbol.for('dafu.convert')](t, o), [t, options]);
  const plain = await convert(text);
  assert.ok(plain.json.includes('13912345678'), 'no option: as written');
  assert.ok(plain.diagnostics.some((d) => d.line === 7 && d.message.includes('mobile number 139****5678')));
  const redacted = await convert(text, { redact: true });
  for (const data of hidden) assert.ok(!redacted.json.includes(data), `${data} in the redacted JSON`);
  assert.deepEqual(redacted.diagnostics, plain.diagnostics);
  // Over 200,000 characters the text converts in the worker, which takes the option too.
  const workers = [];
  p.on('worker', (w) => workers.push(w.url()));
  const long = `${text}\n${'感谢您的关心和支持。\n'.repeat(20000)}`;
  const inWorker = await convert(long, { redact: true });
  assert.ok(workers.some((u) => u.endsWith('dafu-convert-worker.js')), workers.join());
  for (const data of hidden) assert.ok(!inWorker.json.includes(data), `${data} in the worker's JSON`);
  await p.close();

  const file = await env.browser.newPage();
  await file.goto(pathToFileURL(resolve('dist/dafu.html')).href);
  await file.waitForSelector('.dafu-header__title');
  const fromDisk = await file.evaluate((t) => window[Symbol.for('dafu.convert')](t, { redact: true }), text);
  for (const data of hidden) assert.ok(!fromDisk.json.includes(data), `${data} in dafu.html's JSON`);
  await file.close();
});

test('with the box checked, 下载网页 saves the page masked, for a converted text and for a reply opened as JSON', async () => {
  const { page: p, errors } = await openApp(env.browser, env.server.url, '.dafu-accordion__button');
  await p.getByRole('button', { name: '粘贴答复文本' }).click();
  await p.getByLabel('答复全文(纯文本)').fill(text);
  await p.getByLabel('隐去个人信息').check();
  await p.getByRole('button', { name: '转换并显示' }).click();
  await shows(p, '139****5678');
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '下载网页' }).click()]);
  const html = readFileSync(await download.path(), 'utf8');
  for (const data of hidden) assert.ok(!html.includes(data), `${data} in the saved page`);
  assert.ok(html.includes('139****5678'), 'the masked number is in the saved page');

  // A reply opened as JSON is shown as it is, but its page is saved masked: the snapshot buttons read
  // the box too.
  await p.setInputFiles('.dafu-page__file', resolve('tests/fixtures/privacy/data_in_every_text.reply.json'));
  await shows(p, '13800000008');
  const [saved] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '下载网页' }).click()]);
  const page = readFileSync(await saved.path(), 'utf8');
  assert.ok(page.includes('138****0008'), 'the masked number is in the saved page');
  for (let n = 1; n <= 16; n += 1) {
    const number = `1380000${String(n).padStart(4, '0')}`;
    assert.ok(!page.includes(number), `${number} in the saved page`);
  }
  assert.deepEqual(errors, []);
  await p.close();
});
