// The collection view (issue 16): a folder of replies converted by `dafu convert DIR --out OUT`,
// listed, sorted, filtered, searched and summed in the page, each row opening the reply view and Back
// returning to the list as it was. The fixtures (tests/fixtures/collection/input/) are converted here
// by the release CLI the build made (target/release/dafu), into target/bench/e2e-collection/, served at
// /bench/e2e-collection/; the demo the build writes (dist/collection/, the repository's real replies)
// is opened too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { open, setup } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = setup();
const INDEX = '/bench/e2e-collection/collection.json';

before(() => {
  const out = join(root, 'target/bench/e2e-collection');
  rmSync(out, { recursive: true, force: true });
  try {
    execFileSync(join(root, 'target/release/dafu'), ['convert', join(root, 'tests/fixtures/collection/input'), '--out', out], { stdio: 'pipe' });
  } catch (e) {
    // 1: some input failed (broken.json, on purpose) or has diagnostics.
    if (e.status !== 1) throw e;
  }
});

/** Opens the dev page with ?collection= and waits for the list. */
async function list(query = '', hash = '') {
  const opened = await open(env.browser, `${env.server.url}/?collection=${encodeURIComponent(INDEX)}${query}${hash}`);
  await opened.page.waitForSelector('.dafu-collection__row', { timeout: 15000 });
  return opened;
}

const rowTitles = (p) => p.$$eval('.dafu-collection__row > th', (ths) => ths.map((th) => th.querySelector('a')?.textContent ?? th.textContent));
const status = (p) => p.textContent('.dafu-collection__status');
/** Waits until the full text has arrived (searches then show snippets). */
const searchReady = (p) => p.waitForFunction(() => !/载入|loading/i.test(document.querySelector('.dafu-collection__status')?.textContent ?? 'x'));

async function noViolations(p) {
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async () => {
    const result = await window.axe.run({ include: [...document.querySelectorAll('.dafu-collection-root')] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  assert.deepEqual(violations, []);
}

test('the list shows every reply with its office, number, date, kind, class and funding, newest first', async () => {
  const { page, errors } = await list();
  assert.equal(await status(page), '显示 4 件,共 4 件');
  const rows = await page.$$eval('.dafu-collection__row', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  assert.match(rows[0], /^关于改善农村学校条件的建议 市教育局 3 2024-05-20 建议 B类 50万元$/);
  assert.match(rows[1], /^关于增设公交站点的提案 市交通运输局 12 2023-06-01 提案 A类 120万元$/);
  // Markup in a reply is text: nothing of it became an element.
  assert.equal(rows[2], '关于<script>alert(1)</script>的提案 <b>市民政局</b> 7 2022-03-01 提案 C类');
  assert.equal(await page.$$eval('.dafu-collection-root img, .dafu-collection-root script, .dafu-collection-root b', (e) => e.length), 0);
  // The broken input: its row names the file and why, and nothing else broke.
  assert.match(rows[3], /broken\.json 无法读取:not a valid reply/);
  assert.deepEqual(errors, []);
});

test('a column heading sorts the list, a second press turns the order round', async () => {
  const { page } = await list();
  await page.getByRole('button', { name: /编号/ }).click();
  assert.deepEqual((await rowTitles(page)).slice(0, 3), ['关于增设公交站点的提案', '关于<script>alert(1)</script>的提案', '关于改善农村学校条件的建议']);
  assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
  assert.match(page.url(), /#sort=number$/);
  await page.getByRole('button', { name: /编号/ }).click();
  assert.deepEqual((await rowTitles(page)).slice(0, 3), ['关于改善农村学校条件的建议', '关于<script>alert(1)</script>的提案', '关于增设公交站点的提案']);
  assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'ascending');
  // The pressed button keeps the focus though the table is drawn anew.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.dafuSort), 'number');
  await page.click('[data-dafu-sort="amount"]');
  assert.deepEqual((await rowTitles(page)).slice(0, 2), ['关于增设公交站点的提案', '关于改善农村学校条件的建议']);
});

test('filters are toggle buttons with counts, combine, and are kept in the address', async () => {
  const { page } = await list();
  const kind = page.locator('[data-dafu-facet="kind"][data-dafu-value="proposal"]');
  assert.equal((await kind.innerText()).replace(/\s+/g, ''), '提案2');
  await kind.click();
  assert.equal(await kind.getAttribute('aria-pressed'), 'true');
  assert.equal(await status(page), '显示 2 件,共 4 件');
  assert.match(page.url(), /#kind=proposal$/);
  // Counts of the other filters follow: of the two proposals, one is of 2023.
  assert.equal((await page.locator('[data-dafu-facet="year"][data-dafu-value="2023"]').innerText()).replace(/\s+/g, ''), '20231');
  await page.locator('[data-dafu-facet="funded"]').click();
  assert.equal(await status(page), '显示 1 件,共 4 件');
  assert.deepEqual(await rowTitles(page), ['关于增设公交站点的提案']);
  assert.match(page.url(), /#kind=proposal&funded=yes$/);
  // The address alone gives the same view.
  const again = await list('', '#kind=proposal&funded=yes');
  assert.deepEqual(await rowTitles(again.page), ['关于增设公交站点的提案']);
  assert.equal(await again.page.getAttribute('[data-dafu-facet="funded"]', 'aria-pressed'), 'true');
  await again.page.getByRole('button', { name: '清除筛选' }).click();
  assert.equal(await status(again.page), '显示 4 件,共 4 件');
});

test('search finds what a substring search finds, folds full-width forms and highlights each match in context', async () => {
  const { page } = await list();
  await searchReady(page);
  await page.fill('.dafu-collection__search-input', '公交站');
  // 公交站点 (bus.txt) and 公交站 (school.txt) both match.
  assert.equal(await status(page), '显示 2 件,共 4 件');
  const marks = await page.$$eval('.dafu-collection__mark', (m) => m.map((x) => x.textContent));
  assert.ok(marks.length >= 2 && marks.every((m) => m === '公交站'), JSON.stringify(marks));
  const snippets = await page.$$eval('.dafu-collection__snippet', (m) => m.map((x) => x.innerText));
  assert.ok(snippets.includes('…2024年安排资金50万元用于农村学校维修,新建公交站一处方便学生上学。'), JSON.stringify(snippets));
  assert.ok(snippets.includes('您提出的“关于增设公交站点的提案”(第12号提案)收悉,现答复如下:'), JSON.stringify(snippets));
  assert.match(page.url(), /#q=%E5%85%AC%E4%BA%A4%E7%AB%99$/);
  // Half-width query, full-width text: the match is shown as written.
  await page.fill('.dafu-collection__search-input', 'abc123');
  assert.equal(await status(page), '显示 1 件,共 4 件');
  assert.deepEqual(await page.$$eval('.dafu-collection__mark', (m) => m.map((x) => x.textContent)), ['ＡＢＣ１２３']);
  await page.fill('.dafu-collection__search-input', 'ＡＢＣ');
  assert.equal(await status(page), '显示 1 件,共 4 件');
  // Markup typed as a query is text too.
  await page.fill('.dafu-collection__search-input', '<i>标记');
  assert.deepEqual(await page.$$eval('.dafu-collection__mark', (m) => m.map((x) => x.textContent)), ['<i>标记']);
  await page.fill('.dafu-collection__search-input', '没有这样的词');
  assert.equal(await page.textContent('.dafu-collection__none'), '没有符合条件的答复。');
});

test('the totals show replies by class and funding by office and by year, each chart with its table', async () => {
  const { page } = await list();
  // The totals are drawn a frame after the first rows.
  await page.waitForSelector('.dafu-collection__totals table');
  const tables = await page.$$eval('.dafu-collection__totals table', (ts) => ts.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => r.innerText.replace(/\s+/g, ' ').trim())));
  assert.deepEqual(tables, [
    ['A类 1', 'B类 1', 'C类 1'],
    ['市交通运输局 120万元', '市教育局 50万元'],
    ['2023 120万元', '2024 50万元'],
  ]);
  assert.equal(await page.$$eval('.dafu-collection__totals svg[aria-hidden="true"] rect', (r) => r.length), 7);
  // The totals follow the filters.
  await page.locator('[data-dafu-facet="year"][data-dafu-value="2024"]').click();
  const offices = () => page.$$eval('.dafu-collection__totals figure:nth-of-type(2) tbody tr', (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  await page.waitForFunction(() => document.querySelectorAll('.dafu-collection__totals figure:nth-of-type(2) tbody tr').length === 1);
  assert.deepEqual(await offices(), ['市教育局 50万元']);
});

test('a row opens the reply view; the back button and the browser Back return to the list as it was', async () => {
  const { page } = await list();
  await page.locator('[data-dafu-facet="kind"][data-dafu-value="proposal"]').click();
  await page.getByRole('link', { name: '关于增设公交站点的提案' }).click();
  await page.waitForSelector('.dafu-collection__reply .dafu-header__title');
  assert.match(page.url(), /#kind=proposal&reply=bus$/);
  assert.equal(await page.isHidden('.dafu-collection__list'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'dafu-collection__back');
  await page.goBack();
  await page.waitForSelector('.dafu-collection__list:not([hidden])');
  assert.match(page.url(), /#kind=proposal$/);
  assert.equal(await status(page), '显示 2 件,共 4 件');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '关于增设公交站点的提案');
  await page.getByRole('link', { name: '关于增设公交站点的提案' }).click();
  await page.getByRole('button', { name: /返回列表/ }).click();
  await page.waitForSelector('.dafu-collection__list:not([hidden])');
  assert.equal(await page.getAttribute('[data-dafu-facet="kind"][data-dafu-value="proposal"]', 'aria-pressed'), 'true');
});

test('#reply=ID opens that reply directly, and the list is one press away', async () => {
  const opened = await open(env.browser, `${env.server.url}/?collection=${encodeURIComponent(INDEX)}#reply=school`);
  const { page } = opened;
  await page.waitForSelector('.dafu-collection__reply .dafu-header__title');
  assert.match(await page.textContent('.dafu-collection__reply .dafu-header__title'), /关于改善农村学校条件的建议的答复/);
  await page.getByRole('button', { name: /返回列表/ }).click();
  await page.waitForSelector('.dafu-collection__list:not([hidden])');
  assert.equal(await status(page), '显示 4 件,共 4 件');
});

test('the demo keeps the scroll position of a long list across opening a reply and Back', async () => {
  const { page } = await open(env.browser, `${env.server.url}/collection/index.html`);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.waitForSelector('.dafu-collection__row');
  assert.match(await status(page), /显示 60 件,共 60 件/);
  const link = page.locator('a[data-dafu-open]').nth(30);
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 1000, `scrolled to ${y}`);
  const title = await link.textContent();
  await link.click();
  await page.waitForSelector('.dafu-collection__reply .dafu-reply');
  await page.goBack();
  await page.waitForSelector('.dafu-collection__list:not([hidden])');
  await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 4, y);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), title);
  // 320 px: nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
});

test('a host page mounts data-dafu-collection, and dafu.mount(el, { collection }) mounts one in English', async () => {
  const { page, errors } = await open(env.browser, `${env.server.url}/collection/index.html`);
  await page.waitForSelector('.dafu-collection__row');
  // The element's own content (the link to the static list) is hidden, and comes back on unmount.
  assert.equal(await page.isHidden('main > .dafu-fallback'), true);
  const english = await page.evaluate(async (index) => {
    const el = document.createElement('div');
    document.body.append(el);
    const handle = window.dafu.mount(el, { collection: index, lang: 'en' });
    await handle.ready;
    return true;
  }, INDEX);
  assert.ok(english);
  await page.waitForSelector('div > .dafu-mount .dafu-collection__row');
  assert.match(await page.locator('.dafu-collection__status').nth(1).textContent(), /^Showing 4 of 4 replies/);
  assert.equal(await page.locator('.dafu-collection__heading').nth(1).textContent(), 'Collection of replies');
  assert.deepEqual(errors, []);
});

test('a collection index that is not one shows why, and nothing else', async () => {
  const { page } = await open(env.browser, `${env.server.url}/?collection=${encodeURIComponent('/data/seed.reply.json')}`);
  await page.waitForSelector('.dafu-collection-root .dafu-error');
  assert.match(await page.textContent('.dafu-error'), /无法显示答复汇编.*not a collection index/s);
});

test('axe finds no violations in the list, with filters and a search, and in a reply opened from it', async () => {
  const { page } = await list();
  await searchReady(page);
  await page.fill('.dafu-collection__search-input', '公交');
  await page.locator('[data-dafu-facet="kind"][data-dafu-value="proposal"]').click();
  await noViolations(page);
  await page.getByRole('link', { name: '关于增设公交站点的提案' }).click();
  await page.waitForSelector('.dafu-collection__reply .dafu-header__title');
  await noViolations(page);
});

test('a jump inside the opened reply (its own #dafu-… link) keeps the reply open, and Back keeps it too', async () => {
  const { page } = await open(env.browser, `${env.server.url}/?collection=${encodeURIComponent(INDEX)}#reply=bus`);
  await page.waitForSelector('.dafu-collection__reply .dafu-figures__button');
  // What a link to a fact in the reply does (issue 17: #dafu-N-r-<id>, a history entry).
  await page.evaluate(() => { location.hash = '#dafu-1-r-f1'; });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.match(page.url(), /#dafu-\d+-/);
  assert.equal(await page.isHidden('.dafu-collection__list'), true);
  assert.equal(await page.locator('.dafu-collection__reply .dafu-header__title').count(), 1);
  await page.goBack();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.equal(await page.locator('.dafu-collection__reply .dafu-header__title').count(), 1);
});

// --- Size limits while streaming (a server that sends no Content-Length) --------------------------------
// A server of its own, another origin readable by any (as a site's file server would be): bodies sent
// chunked, without Content-Length, gzipped, so that only the bytes counted as they arrive (after the
// browser inflates them) can stop them.
const MIB = 1024 * 1024;
let bombs = null;

/** `prefix` then spaces, `bytes` in all, gzipped as a stream (never the whole body in memory). */
function gzipped(prefix, bytes) {
  return new Promise((ok, fail) => {
    const gz = createGzip({ level: 1 });
    const parts = [];
    gz.on('data', (d) => parts.push(d));
    gz.on('end', () => ok(Buffer.concat(parts)));
    gz.on('error', fail);
    const spaces = Buffer.alloc(MIB, 32);
    gz.write(prefix);
    let left = bytes - prefix.length;
    const more = () => {
      while (left > 0) {
        const n = Math.min(left, MIB);
        left -= n;
        if (!gz.write(n === MIB ? spaces : spaces.subarray(0, n))) return gz.once('drain', more);
      }
      gz.end();
    };
    more();
  });
}

async function limits() {
  if (bombs) return bombs;
  const index = readFileSync(join(root, 'target/bench/e2e-collection/collection.json'));
  // Twice each limit (128 MiB for collection.json, 256 MiB for search.json), so that a reader that
  // stops at the limit is seen to stop long before the end.
  const bigIndex = await gzipped('{"schema":1,"entries":[', 256 * MIB);
  const bigSearch = await gzipped('{"schema":1,"texts":[', 512 * MIB);
  const server = createServer((req, res) => {
    const body = { '/big/collection.json': bigIndex, '/big-search/collection.json': index, '/big-search/search.json': bigSearch }[req.url];
    if (!body) return res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    const gzip = body !== index;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    // write() before end(): chunked, so Node adds no Content-Length.
    res.write(body);
    res.end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  bombs = { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
  return bombs;
}
after(() => bombs?.close());

/** A host page (served from target/bench/) with these elements in its body. */
function hostPage(name, body) {
  const dir = join(root, 'target/bench/e2e-collection-limits');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.html`), `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>limits</title><link rel="icon" href="data:,"><script src="/embed/dafu.js" defer></script></head><body>${body}</body></html>`);
  return `${env.server.url}/bench/e2e-collection-limits/${name}.html`;
}

test('a collection.json over the size limit sent without Content-Length is stopped while it streams, and says so in its place only', async () => {
  const { url } = await limits();
  const sent = await fetch(`${url}/big/collection.json`);
  assert.equal(sent.headers.get('content-length'), null);
  await sent.body.cancel();
  const { page, errors } = await open(env.browser, hostPage('index', `
    <section id="big" data-dafu-collection="${url}/big/collection.json"><p>静态列表</p></section>
    <section id="fine" data-dafu-collection="${INDEX}"></section>
    <div id="reply" data-dafu-src="/fixtures/e2e/small.reply.json"></div>`));
  await page.waitForSelector('#big .dafu-error', { timeout: 30000 });
  const shown = await page.textContent('#big .dafu-error');
  assert.match(shown, /无法显示答复汇编/);
  assert.match(shown, /答复汇编的索引文件超过大小上限\(128 MiB\),没有载入。/);
  const read = Number(/reading stopped after (\d+) bytes: the limit is 134217728 bytes/.exec(shown)?.[1]);
  assert.ok(read > 128 * MIB && read < 160 * MIB, `stopped after ${read} bytes of ${256 * MIB}`);
  assert.equal(await page.getAttribute('#big .dafu-error', 'role'), 'alert');
  // Nothing else broke: the other collection lists its replies, the reply beside them shows.
  await page.waitForSelector('#fine .dafu-collection__row');
  assert.equal(await page.textContent('#fine .dafu-collection__status'), '显示 4 件,共 4 件');
  await page.waitForSelector('#reply .dafu-header__title');
  assert.deepEqual(errors, []);
});

test('a search.json over the size limit sent without Content-Length leaves the list and a search of the titles, and the status says why', async () => {
  const { url } = await limits();
  const { page, errors } = await open(env.browser, hostPage('search', `<main data-dafu-collection="${url}/big-search/collection.json"></main>`));
  await page.waitForSelector('.dafu-collection__row');
  assert.equal(await status(page), '显示 4 件,共 4 件');
  await page.fill('.dafu-collection__search-input', '公交');
  await page.waitForFunction(() => /超过大小上限/.test(document.querySelector('.dafu-collection__status')?.textContent ?? ''), null, { timeout: 30000 });
  assert.equal(await status(page), '显示 1 件,共 4 件 全文索引超过大小上限,没有载入,只搜索标题等信息。');
  assert.deepEqual(await rowTitles(page), ['关于增设公交站点的提案']);
  assert.deepEqual(errors, []);
});

test('dafu.html opened from disk says in plain words why it cannot show a collection, in Chinese and in English', async () => {
  const page = `file://${join(root, 'dist/dafu.html')}`;
  for (const [query, words, lang] of [
    ['?collection=collection.json', /无法显示答复汇编.*从电脑上的文件直接打开的.*不允许这样的页面读取其他文件.*放到网站上.*dafu\.js/s, 'zh-CN'],
    ['?collection=collection.json&lang=en', /Cannot show the collection.*opened straight from a file on this computer.*does not let such a page read any other file.*on a web server.*dafu\.js/s, 'en'],
  ]) {
    const { page: p, errors } = await open(env.browser, page + query);
    await p.waitForSelector('[data-dafu-page] .dafu-error');
    assert.match(await p.textContent('[data-dafu-page] .dafu-error'), words);
    assert.equal(await p.getAttribute('[data-dafu-page] .dafu-error', 'role'), 'alert');
    assert.equal(await p.getAttribute('[data-dafu-page] .dafu-reply', 'lang'), lang);
    // Not the refused-address panel it showed before (网址中的 src 不是有效的网址).
    assert.doesNotMatch(await p.textContent('[data-dafu-page]'), /src/);
    assert.deepEqual(errors, []);
    await p.close();
  }
});
