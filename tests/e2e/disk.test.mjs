// From disk (issue 17, part 9): dist/index.html opened by double-click (file://) cannot start the app;
// within a second it says the page needs a server and points to dafu.html, in the page's language.
// dafu.html, which works from disk, and the served page say nothing of the kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { open, openApp, setup } from './harness.mjs';

const env = setup();
const dist = resolve('dist');

/** Opens `file` from disk and waits at most a second for the note. */
async function note(file) {
  const { page } = await open(env.browser, pathToFileURL(file).href);
  const box = await page.waitForSelector('.dafu-page__disk', { timeout: 1000 });
  return { page, box };
}

test('index.html opened from disk says within a second that it needs a server, and links to dafu.html', async () => {
  const { page, box } = await note(join(dist, 'index.html'));
  assert.equal(await box.getAttribute('role'), 'alert');
  const text = await box.innerText();
  assert.match(text, /此页面需要通过网站服务器打开/);
  assert.match(text, /dafu\.html/);
  const link = page.getByRole('link', { name: 'dafu.html' });
  const href = await link.evaluate((a) => a.href);
  assert.equal(href, pathToFileURL(join(dist, 'dafu.html')).href);
  assert.ok(existsSync(join(dist, 'dafu.html')), 'the page it points to is there');
  await page.close();
});

test('the note is in English on a page whose language is English', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dafu-disk-'));
  writeFileSync(join(dir, 'index.html'), readFileSync(join(dist, 'index.html'), 'utf8').replace(/<html lang="?zh-CN"?/, '<html lang="en"'));
  copyFileSync(join(dist, 'dafu-hooks.js'), join(dir, 'dafu-hooks.js'));
  const { page, box } = await note(join(dir, 'index.html'));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await box.innerText(), /This page needs a web server[\s\S]*dafu\.html/);
  await page.close();
});

test('dafu.html from disk and the page served over HTTP show no such note', async () => {
  const fromDisk = await openApp(env.browser, pathToFileURL(join(dist, 'dafu.html')).href);
  assert.equal(await fromDisk.page.locator('.dafu-page__disk').count(), 0);
  await fromDisk.page.close();
  const served = await openApp(env.browser, env.server.url);
  assert.equal(await served.page.locator('.dafu-page__disk').count(), 0);
  await served.page.close();
});
