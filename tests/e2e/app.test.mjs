// The development page built by `trunk build --release` (wasm-opt included), end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { open, setup } from './harness.mjs';

const env = setup();

const headings = [
  '一、关于持续全面加强党对民族工作的领导,加强民族工作理论研究方面',
  '二、关于深化民族团结工作宣传教育方面',
  '三、关于形成有效的监督机制方面',
  '四、关于重视民族团结进步的融合发展方面',
  '五、关于加强保障方面',
];

test('the default page shows the seed reply with its five section headings', async () => {
  const { page, errors } = await open(env.browser, env.server.url);
  await page.waitForSelector('.dafu-accordion__button');
  assert.deepEqual(await page.locator('.dafu-accordion__button').allTextContents(), headings);
  assert.equal(await page.locator('h1').innerText(), '关于政协提案的答复');
  assert.match(await page.locator('.dafu-header__proposal').innerText(), /第153号《关于将民族团结进步工作纳入市委、市政府及相关单位常态化工作安排的建议》/);
  assert.equal(await page.locator('.dafu-badge--valid').innerText(), '有效');
  assert.equal(await page.locator('.dafu-funding__total-value').innerText(), '631.29万元');
  assert.deepEqual(errors, [], 'no console errors: the wasm-opt output must load');
  await page.close();
});

test('the page loads the wasm-opt output, not the raw wasm-bindgen file', () => {
  const [shipped] = readdirSync('dist').filter((f) => f.endsWith('_bg.wasm'));
  const raw = 'target/wasm-bindgen/release/dafu-app_bg.wasm';
  assert.ok(statSync(`dist/${shipped}`).size < statSync(raw).size, 'dist/ must hold the smaller, optimised wasm');
});

test('show all opens all five sections and every initiative is readable', async () => {
  const { page } = await open(env.browser, env.server.url);
  await page.waitForSelector('.dafu-accordion__button');
  await page.getByRole('button', { name: '全部展开' }).click();
  const expanded = await page.locator('.dafu-accordion__button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded')));
  assert.deepEqual(expanded, ['true', 'true', 'true', 'true', 'true']);
  assert.equal(await page.locator('.dafu-accordion__panel:visible').count(), 5);
  assert.equal(await page.locator('.dafu-initiative:visible').count(), 14);
  await page.getByRole('button', { name: '全部收起' }).click();
  assert.equal(await page.locator('.dafu-accordion__panel:visible').count(), 0);
  await page.close();
});

test('keyboard: Enter and Space toggle a section and arrow keys move between headings', async () => {
  const { page } = await open(env.browser, env.server.url);
  await page.waitForSelector('.dafu-accordion__button');
  const buttons = page.locator('.dafu-accordion__button');
  await buttons.nth(0).focus();
  await page.keyboard.press('Enter');
  assert.equal(await buttons.nth(0).getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), headings[1]);
  await page.keyboard.press('Space');
  assert.equal(await buttons.nth(1).getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), headings[4]);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  assert.equal(await buttons.nth(0).getAttribute('aria-expanded'), 'false');
  await page.close();
});

test('a link to an initiative inside a closed section opens that section', async () => {
  const { page } = await open(env.browser, env.server.url);
  await page.waitForSelector('.dafu-accordion__button');
  const panel = page.locator('.dafu-accordion__panel').nth(3);
  assert.equal(await panel.isVisible(), false);
  // Fragment navigation runs the same hidden="until-found" reveal as find-in-page (beforematch).
  const id = await page.locator('.dafu-initiative', { hasText: '人力资源服务产业园' }).getAttribute('id');
  await page.evaluate((target) => { location.hash = target; }, id);
  await page.waitForFunction(() => document.querySelectorAll('.dafu-accordion__button')[3].getAttribute('aria-expanded') === 'true');
  assert.equal(await panel.isVisible(), true);
  assert.equal(await page.locator(`#${id}`).isVisible(), true);
  await page.close();
});

test('?src= with a valid reply file shows that reply', async () => {
  const { page } = await open(env.browser, `${env.server.url}/?src=/fixtures/e2e/small.reply.json`);
  await page.waitForSelector('.dafu-accordion__button');
  assert.deepEqual(await page.locator('.dafu-accordion__button').allTextContents(), ['一、关于资金']);
  assert.equal(await page.locator('.dafu-funding__total-value').innerText(), '20万元');
  await page.close();
});

test('?src= with a broken file shows an error panel naming the path and line', async () => {
  const { page } = await open(env.browser, `${env.server.url}/?src=/fixtures/e2e/broken.reply.json`);
  const panel = page.locator('.dafu-error');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.innerText(), /sections\[0\]\.blocks\[0\]\.text \(line 9, column \d+\): invalid type: integer `42`, expected a string/);
  assert.equal(await page.locator('.dafu-accordion').count(), 0);
  await page.close();
});

test('?src= with a missing file shows the HTTP status', async () => {
  const { page } = await open(env.browser, `${env.server.url}/?src=/fixtures/e2e/missing.json`);
  const panel = page.locator('.dafu-error');
  await panel.waitFor();
  assert.match(await panel.innerText(), /HTTP 404/);
  await page.close();
});
