// The snapshot (`dafu render`): the reply as static HTML, read in Chromium with JavaScript off. The
// fragment goes through a CMS sanitizer first (js-xss, its default whitelist plus class, style and id
// on every tag, as UEditor configures it) and must still show every section, figure, date and amount,
// still collapse, and fit 320 px; the whole page carries the detail-page meta tags; hostile replies
// rendered and loaded add no element of their own. Runs the CLI binary (built here if missing).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setup } from './harness.mjs';

const require = createRequire(import.meta.url);
const xss = require('xss');

const env = setup();
const bin = 'target/debug/dafu';

before(() => {
  // Quick when ./dev test has built it already (cargo test builds the binary).
  execFileSync('cargo', ['build', '--quiet', '-p', 'dafu-cli'], { stdio: 'inherit' });
});

/** `dafu render` with these arguments: its exit code, stdout and stderr. */
function render(...args) {
  const run = spawnSync(bin, ['render', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, html: run.stdout, err: run.stderr };
}

/** The sanitizer a CMS runs: js-xss's defaults, plus class, style and id on every tag. */
function sanitize(html) {
  const whiteList = Object.fromEntries(
    Object.entries(xss.getDefaultWhiteList()).map(([tag, attrs]) => [tag, [...attrs, 'class', 'style', 'id']]),
  );
  return xss(html, { whiteList });
}

/** A blank page holding `body`, with the snapshot's CSS or none (a CMS that drops it). */
function blank(body, css = '') {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${css ? `<style>${css}</style>` : ''}</head><body>${body}</body></html>`;
}

/** A page of `width` px with JavaScript off, showing `html`. */
async function show(html, width = 800) {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.setContent(html);
  return { page, dialogs, close: () => context.close() };
}

/** Opens every closed `<details>` by clicking its summary, as a reader would. */
async function openAll(page) {
  const closed = page.locator('details:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
}

const seed = JSON.parse(readFileSync('data/seed.reply.json', 'utf8'));
const cssOf = (page) => /<style>\n?([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';

test("the seed's page has the detail-page meta tags, its CSS inline and no script", async () => {
  const { code, html } = render('data/seed.reply.json');
  assert.equal(code, 0);
  assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
  assert.doesNotMatch(html, /<script/i);
  const { page, close } = await show(html);
  const meta = await page.evaluate(() => Object.fromEntries(
    ['ArticleTitle', 'PubDate', 'ContentSource'].map((n) => [n, document.querySelector(`meta[name="${n}"]`)?.content]),
  ));
  assert.deepEqual(meta, { ArticleTitle: '关于政协提案的答复', PubDate: '2024-07-01 17:57', ContentSource: '民族事务委员会' });
  assert.equal(await page.title(), '关于政协提案的答复');
  // Styled by its own CSS: the figures strip is laid out as the live view's.
  assert.equal(await page.locator('.dafu-figures__strip').first().evaluate((e) => getComputedStyle(e).display), 'grid');
  await close();
});

test('the sanitized fragment of the seed shows every section, figure, date and amount, and collapses', async () => {
  const { code, html } = render('data/seed.reply.json', '--fragment');
  assert.equal(code, 0);
  assert.doesNotMatch(html, /<style|<script/i);
  const clean = sanitize(html);
  // Nothing of the fragment is escaped into visible markup by the sanitizer: every tag is whitelisted.
  assert.doesNotMatch(clean, /&lt;/);
  const { page, close } = await show(blank(clean));
  const text = () => page.evaluate(() => document.body.innerText);
  const first = await text();
  for (const s of seed.sections) assert.ok(first.includes(s.heading), `section ${s.heading} shown`);
  const key = seed.figures.filter((f) => f.key);
  assert.ok(key.length > 0);
  for (const f of key) assert.ok(first.includes(f.written), `key figure ${f.written} shown`);
  for (const f of seed.funding) assert.ok(first.includes(f.written), `amount ${f.written} shown`);
  for (const d of ['2024年6月20日', '2024年7月1日']) assert.ok(first.includes(d), `date ${d} shown`);
  assert.ok(first.includes('十四五'), 'the timeline shows its dates');
  // A section is closed, opens and closes again on its summary.
  const sentence = seed.sections[0].blocks[0].text.slice(0, 20);
  assert.ok(!first.includes(sentence), 'a closed section hides its text');
  const summary = page.locator('summary').filter({ hasText: seed.sections[0].heading });
  await summary.click();
  assert.ok((await text()).includes(sentence), 'opened by its summary');
  await summary.click();
  assert.ok(!(await text()).includes(sentence), 'closed again');
  // Everything open: every figure, amount and date of the reply is readable text.
  await openAll(page);
  const all = await text();
  const written = [...seed.figures, ...seed.funding].map((f) => f.written).concat(seed.dates.map((d) => d.date.written));
  for (const w of written) assert.ok(all.includes(w), `${w} shown`);
  await close();
});

test('the sanitized fragment fits 320 px, with the stylesheet and without it', async () => {
  const fragment = sanitize(render('data/seed.reply.json', '--fragment').html);
  const css = cssOf(render('data/seed.reply.json').html);
  assert.ok(css.length > 1000);
  for (const [name, html] of [['with CSS', blank(fragment, css)], ['without CSS', blank(fragment)]]) {
    const { page, close } = await show(html, 320);
    await openAll(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${name}: scrollWidth ${width} <= 320`);
    await close();
  }
});

test("a key figure's link opens its section at its sentence, with JavaScript off", async () => {
  const fragment = sanitize(render('data/seed.reply.json', '--fragment').html);
  const css = cssOf(render('data/seed.reply.json').html);
  const { page, close } = await show(blank(fragment, css));
  const link = page.locator('a.dafu-figures__button').first();
  const target = (await link.getAttribute('href')).slice(1);
  assert.match(target, /^dafu-s-r-/);
  assert.equal(await page.locator(`#${target}`).isVisible(), false, 'inside a closed section');
  await link.click();
  await page.waitForFunction((id) => document.getElementById(id)?.closest('details')?.open, target);
  assert.equal(await page.locator(`#${target}`).isVisible(), true);
  await close();
});

test('an English snapshot has English headings around the reply as written', () => {
  const { code, html } = render('data/seed.reply.json', '--fragment', '--lang', 'en', '--src', '/r/seed.json');
  assert.equal(code, 0);
  assert.match(html, /^<article lang="en" data-dafu-snapshot="" data-dafu-src="\/r\/seed.json"/);
  assert.ok(html.includes('Key figures') || html.includes('Funding'), 'English interface words');
  assert.ok(html.includes(seed.sections[0].heading));
});

test('hostile replies rendered and loaded add no element, attribute or link of their own', async () => {
  const dir = 'tests/fixtures/hostile';
  const names = readdirSync(dir).filter((n) => /\.(json|txt)$/.test(n)).sort();
  const { page, dialogs, close } = await show('');
  let rendered = 0;
  for (const name of names) {
    const { code, html } = render(`${dir}/${name}`);
    if (code !== 0) continue; // An invalid reply is refused with its problems; nothing is rendered.
    rendered += 1;
    await page.setContent(html);
    const found = await page.evaluate(() => {
      const bad = [];
      for (const e of document.querySelectorAll('*')) {
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'FORM', 'INPUT', 'BUTTON', 'BASE', 'LINK'].includes(e.tagName.toUpperCase())) bad.push(e.tagName);
        for (const a of e.attributes) {
          if (/^on/i.test(a.name)) bad.push(`${e.tagName}[${a.name}]`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(`${e.tagName}[${a.name}=${a.value.slice(0, 30)}]`);
        }
      }
      if (document.querySelectorAll('meta:not([charset]):not([name])').length) bad.push('meta');
      return bad;
    });
    assert.deepEqual(found, [], name);
  }
  assert.ok(rendered > 50, `${rendered} hostile replies rendered`);
  assert.deepEqual(dialogs, []);
  await close();
});
