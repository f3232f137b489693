// The dev page's "下载网页" and "复制HTML片段": the renderer module makes exactly what the CLI prints
// (`dafu render FILE [--fragment]`) for the reply shown, the seed or a converted text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { open, setup } from './harness.mjs';

const env = setup();

// The CLI binary tools/package.mjs built for the seed's snapshot.
const cli = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'release/dafu');
const render = (...args) => {
  assert.ok(existsSync(cli), `${cli} is missing: run trunk build --release --offline first`);
  return execFileSync(cli, ['render', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
};
const pasted = 'tests/fixtures/convert/example_031.txt';

/** The dev page once the live app is there (its bar), with the clipboard allowed. */
async function devPage(permissions = ['clipboard-read', 'clipboard-write']) {
  const context = await env.browser.newContext({ permissions, acceptDownloads: true });
  const { page, errors } = await open(context, env.server.url);
  await page.getByRole('button', { name: '下载网页' }).waitFor();
  return { page, errors, context };
}

async function downloadPage(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^(下载网页|Download page)$/ }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

async function copyFragment(page) {
  await page.getByRole('button', { name: /^(复制HTML片段|Copy HTML fragment)$/ }).click();
  await page.locator('.dafu-page__note').filter({ hasText: /HTML片段已复制到剪贴板|on the clipboard/ }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('the seed downloads as the same page and copies as the same fragment as dafu render prints', async () => {
  const { page, context, errors } = await devPage();
  const saved = await downloadPage(page);
  assert.equal(saved.name, 'reply.html');
  assert.equal(saved.text, render('data/seed.reply.json'));
  assert.match(await page.locator('.dafu-page__note').textContent(), /^已下载 reply\.html$/);
  assert.equal(await copyFragment(page), render('data/seed.reply.json', '--fragment'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted text, once converted, saves and copies what dafu render makes of that text', async () => {
  const { page, context } = await devPage();
  await page.getByRole('button', { name: '粘贴答复文本' }).click();
  await page.getByLabel('答复全文(纯文本)').fill(readFileSync(pasted, 'utf8'));
  await page.getByRole('button', { name: '转换并显示' }).click();
  await page.waitForSelector('.dafu-page__report');
  const saved = await downloadPage(page);
  assert.equal(saved.text, render(pasted));
  assert.match(saved.text, /关于对市人大七届六次会议第23号建议的答复/);
  assert.equal(await copyFragment(page), render(pasted, '--fragment'));
  await context.close();
});

test('a reply file opened on the page is saved under its own name', async () => {
  const { page, context } = await devPage();
  await page.setInputFiles('.dafu-page__file', resolve('tests/fixtures/e2e/small.reply.json'));
  await page.locator('.dafu-page__note').filter({ hasText: 'small.reply.json' }).waitFor();
  const saved = await downloadPage(page);
  assert.equal(saved.name, 'small.reply.html');
  assert.equal(saved.text, render('tests/fixtures/e2e/small.reply.json'));
  await context.close();
});

test('in English the page and the fragment are those of dafu render --lang en', async () => {
  const { page, context } = await devPage();
  await page.getByRole('button', { name: 'English' }).click();
  const saved = await downloadPage(page);
  assert.equal(saved.text, render('data/seed.reply.json', '--lang', 'en'));
  assert.equal(await copyFragment(page), render('data/seed.reply.json', '--fragment', '--lang', 'en'));
  await context.close();
});

test('when the clipboard refuses, the fragment is shown in a box to copy by hand, and the status says so', async () => {
  const { page, context } = await devPage([]);
  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
  });
  await page.getByRole('button', { name: '复制HTML片段' }).click();
  const box = page.getByLabel('HTML片段');
  await box.waitFor();
  assert.equal(await box.inputValue(), render('data/seed.reply.json', '--fragment'));
  assert.equal(await page.locator('.dafu-page__note').textContent(), '无法写入剪贴板,请从下面的文本框中手动复制HTML片段');
  await context.close();
});

test('the renderer module is loaded only when a snapshot is made, never by reading', async () => {
  const { page, context } = await devPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.locator('.dafu-accordion__button').first().click();
  assert.deepEqual(requested.filter((p) => p.startsWith('/dafu-render')), []);
  await downloadPage(page);
  assert.deepEqual(requested.filter((p) => p.startsWith('/dafu-render')).sort(), ['/dafu-render.js', '/dafu-render.wasm']);
  await context.close();
});
