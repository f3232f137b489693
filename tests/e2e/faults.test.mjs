// Network faults on ?src= and data-dafu-src: a specific message and a retry button for each, and the
// rest of the page keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setup } from './harness.mjs';

const env = setup();

async function failure(path) {
  const { page } = await openApp(env.browser, `${env.server.url}/?src=${path}&timeout=2`, '.dafu-error');
  const text = await page.locator('.dafu-error').innerText();
  const retry = await page.getByRole('button', { name: '重试' }).count();
  return { page, text, retry };
}

const cases = [
  ['/fault/500', /HTTP 500/],
  ['/fault/html', /返回的是网页,不是答复文件[\s\S]*expected JSON, got text\/html/],
  ['/fault/html-as-json', /返回的是网页/],
  ['/fault/never', /超时:2秒内未收到完整的答复文件/],
  ['/fault/trickle', /超时:2秒内未收到完整的答复文件/],
  ['/fault/huge', /答复文件过大[\s\S]*26214400 bytes; the limit is 20971520 bytes/],
  ['/fixtures/e2e/missing.json', /HTTP 404/],
  ['/fixtures/e2e/broken.reply.json', /sections\[0\]\.blocks\[0\]\.text/],
  // Reply JSON is UTF-8, as for `dafu validate`: other encodings are refused, never read as U+FFFD.
  ['/fixtures/hostile/json-invalid-utf8.json', /UTF-8/],
  ['/fixtures/hostile/json-utf16le-bom.json', /UTF-8/],
];

for (const [path, message] of cases) {
  test(`${path} shows a specific message and a retry button`, async () => {
    const { page, text, retry } = await failure(path);
    assert.match(text, message);
    assert.equal(retry, 1);
    await page.close();
  });
}

test('retry loads the reply once the server recovers', async () => {
  const { page, text } = await failure('/fault/flaky');
  assert.match(text, /HTTP 503/);
  await page.getByRole('button', { name: '重试' }).click();
  await page.waitForSelector('.dafu-accordion__button');
  assert.deepEqual(await page.locator('.dafu-accordion__button').allTextContents(), ['一、关于资金']);
  assert.equal(await page.locator('.dafu-error').count(), 0);
  await page.close();
});

test('on a host page, faulty instances fail alone while the others keep working', async () => {
  const { page } = await openApp(env.browser, `${env.server.url}/examples/host/index.html`, '#reply-seed .dafu-accordion__button');
  await page.evaluate(() => {
    for (const path of ['/fault/500', '/fault/never', '/fault/html']) {
      const el = document.createElement('div');
      el.className = 'fault';
      el.setAttribute('data-dafu-src', path);
      el.setAttribute('data-dafu-timeout', '2');
      el.textContent = `fallback for ${path}`;
      document.querySelector('main').appendChild(el);
    }
    window.dafu.scan(document.querySelector('main'));
  });
  await page.waitForFunction(() => document.querySelectorAll('.fault .dafu-error').length === 3, null, { timeout: 10000 });
  const seed = page.locator('#reply-seed .dafu-accordion__button').nth(2);
  await seed.click();
  assert.equal(await seed.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('.fault .dafu-fallback:visible').count(), 3, 'each keeps its own text');
  await page.close();
});
