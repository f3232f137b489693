// The hostile corpus in a real browser: every case mounted on the example host page. No dialog opens,
// no script runs, nothing is fetched from anywhere else, no markup from the data reaches the DOM, and
// every instance shows a reply or an error panel, never a blank box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { openApp, setup } from './harness.mjs';

const env = setup();
const dir = 'tests/fixtures/hostile';
const cases = readdirSync(dir).filter((n) => /\.(json|txt)$/.test(n)).sort().map((name) => ({ name, b64: readFileSync(`${dir}/${name}`).toString('base64') }));

test(`all ${cases.length} hostile cases render safely on the host page`, async () => {
  const { page, errors } = await openApp(env.browser, `${env.server.url}/examples/host/index.html`, '#reply-seed .dafu-accordion__button');
  const dialogs = [];
  const foreign = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith(env.server.url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url()); });
  const started = Date.now();
  for (let i = 0; i < cases.length; i += 40) {
    const batch = cases.slice(i, i + 40);
    const outcome = await page.evaluate(async (items) => {
      const results = [];
      for (const { name, b64 } of items) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const text = new TextDecoder().decode(bytes);
        const el = document.createElement('div');
        el.className = 'hostile';
        document.querySelector('main').appendChild(el);
        const handle = window.dafu.mount(el, name.endsWith('.json') ? { reply: text } : { text });
        await handle.ready;
        // Text is converted by the converter module, which answers asynchronously (and loads on first
        // use): wait for it, within a bound.
        let shown = null;
        for (let waited = 0; !shown && waited < 5000; waited += 10) {
          await new Promise((r) => setTimeout(r, waited ? 10 : 0));
          shown = el.querySelector('.dafu-error, .dafu-header, .dafu-accordion, .dafu-body');
        }
        results.push({ name, shown: !!shown });
        handle.unmount();
        el.remove();
      }
      return results;
    }, batch);
    const blank = outcome.filter((o) => !o.shown).map((o) => o.name);
    assert.deepEqual(blank, [], 'every case shows a reply or an error');
  }
  const markup = await page.evaluate(() => document.querySelectorAll('.dafu-reply script, .dafu-reply img, .dafu-reply iframe, .dafu-reply [onerror], .dafu-reply [onload], .dafu-reply a[href^="javascript:"]').length);
  assert.equal(markup, 0);
  assert.deepEqual(dialogs, [], 'no script from the data ran');
  assert.deepEqual(foreign, [], 'nothing fetched from anywhere else');
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), [], 'no console errors (the host page has one 404 of its own)');
  assert.ok(Date.now() - started < 60000, 'all cases within a minute');
  // The page still works afterwards.
  await page.locator('#reply-seed .dafu-accordion__button').first().click();
  assert.equal(await page.locator('#reply-seed .dafu-accordion__button').first().getAttribute('aria-expanded'), 'true');
  await page.close();
});

test('only http(s) attachments become links, and they open with noopener noreferrer', async () => {
  const json = readFileSync(`${dir}/json-attachments.json`, 'utf8');
  const { page } = await openApp(env.browser, `${env.server.url}/examples/host/index.html`, '#reply-seed .dafu-accordion__button');
  const links = await page.evaluate(async (reply) => {
    const el = document.createElement('div');
    document.querySelector('main').appendChild(el);
    await window.dafu.mount(el, { reply }).ready;
    await new Promise((r) => setTimeout(r, 0));
    return {
      anchors: [...el.querySelectorAll('.dafu-attachments a')].map((a) => `${a.getAttribute('href')} ${a.rel} ${a.target}`),
      items: el.querySelectorAll('.dafu-attachments__item').length,
      unsafe: el.querySelectorAll('.dafu-attachments__unsafe').length,
    };
  }, json);
  assert.deepEqual(links.anchors, [
    'https://www.example.gov.cn/a.pdf noopener noreferrer _blank',
    'http://www.example.gov.cn/b.doc noopener noreferrer _blank',
  ]);
  assert.equal(links.items, 8);
  assert.equal(links.unsafe, 6);
  await page.close();
});
