// 朗读 (read aloud), driven through a test double of speechSynthesis that records every utterance: the
// text, order and language of what is read (the 下一步打算 panel where the page shows it), the
// highlight (the element, and the sentence inside it through the CSS Custom Highlight API), pause,
// resume and stop by keyboard, a section's reader, and the messages when the browser cannot speak
// Chinese. The reader is src/read-aloud.js (the wasm only renders the buttons); its words are tested
// without a browser in read-words.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setup } from './harness.mjs';

const env = setup();
const HOST = '/examples/host/index.html';

/**
 * Installed before the page's scripts: a speechSynthesis that speaks nothing, records each utterance
 * (text, lang, voice) and each call, and ends the current utterance when the test says so
 * (`__speech.finish()`). `voices` are what getVoices() returns; `none` leaves the page without speech.
 */
function double({ voices, none, late }) {
  if (none) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
    return;
  }
  const speech = { spoken: [], calls: [], current: null, listed: false, listeners: [] };
  if (late) setTimeout(() => { speech.listed = true; speech.listeners.forEach((f) => f({})); }, 200);
  window.__speech = speech;
  class Utterance {
    constructor(text) { Object.assign(this, { text, lang: '', voice: null, rate: 1, onend: null, onerror: null }); }
  }
  const synth = {
    paused: false,
    get speaking() { return !!speech.current; },
    // `late`: like Chrome, no voice is listed until 'voiceschanged' has fired (200 ms after load).
    getVoices: () => (late && !speech.listed ? [] : voices),
    addEventListener(type, f) { if (type === 'voiceschanged') speech.listeners.push(f); },
    removeEventListener(type, f) { speech.listeners = speech.listeners.filter((g) => g !== f); },
    speak(u) {
      speech.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      speech.calls.push('speak');
      speech.current = u;
    },
    cancel() {
      speech.calls.push('cancel');
      const u = speech.current;
      speech.current = null;
      if (u && u.onerror) u.onerror({ error: 'interrupted' });
    },
    pause() { speech.calls.push('pause'); this.paused = true; },
    resume() { speech.calls.push('resume'); this.paused = false; },
  };
  speech.finish = () => {
    const u = speech.current;
    speech.current = null;
    if (u && u.onend) u.onend({});
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
}

const CHINESE = [{ name: 'English', lang: 'en-US', localService: true }, { name: '普通话', lang: 'zh-CN', localService: true }];

async function open(path = '/', options = { voices: CHINESE }) {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(double, options);
  await page.goto(env.server.url + path);
  await page.waitForSelector('.dafu-accordion__button');
  return { page, errors };
}

const spoken = (p) => p.evaluate(() => window.__speech.spoken);
/** Ends the utterance being spoken and waits for the next one (or for reading to stop). */
async function next(p) {
  const n = (await spoken(p)).length;
  await p.evaluate(() => window.__speech.finish());
  await p.waitForFunction((k) => window.__speech.spoken.length > k
    || document.querySelector('.dafu-read--all .dafu-read__start').getAttribute('aria-pressed') === 'false', n);
}
/** The text of the sentence highlighted now (CSS.highlights 'dafu-read'), or null. */
const sentence = (p) => p.evaluate(() => {
  const h = CSS.highlights.get('dafu-read');
  return h ? [...h].map((r) => r.toString()).join('') : null;
});
/** The element highlighted now: its class and text. */
const lit = (p) => p.evaluate(() => [...document.querySelectorAll('.dafu-read--current')].map((e) => [e.getAttribute('class'), e.textContent.trim()]));

test('朗读全文 reads the whole reply in page order, in zh-CN, a sentence at a time, each highlighted in turn', async () => {
  const { page: p, errors } = await open();
  const start = p.getByRole('button', { name: '朗读全文' });
  await start.click();
  // The reader loads on the first press (dafu-read-aloud.js), then starts.
  await p.waitForFunction(() => document.querySelector('.dafu-read--all .dafu-read__start').getAttribute('aria-pressed') === 'true');
  assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), '正在朗读');
  await p.waitForSelector('.dafu-read--current');
  assert.deepEqual((await spoken(p))[0], { text: '关于政协提案的答复', lang: 'zh-CN', voice: '普通话' });
  assert.deepEqual(await lit(p), [['dafu-header__title dafu-read--current', '关于政协提案的答复']]);
  const seen = [];
  for (let i = 0; i < 400 && (await start.getAttribute('aria-pressed')) === 'true'; i += 1) {
    const [u] = (await spoken(p)).slice(-1);
    await p.waitForFunction(() => document.querySelectorAll('.dafu-read--current').length === 1);
    const [[cls, text]] = await lit(p);
    seen.push({ said: u.text, cls, text, hl: await sentence(p) });
    await next(p);
  }
  assert.equal(await start.getAttribute('aria-pressed'), 'false', 'reading ends after the last sentence');
  assert.equal(await p.locator('.dafu-read--current').count(), 0, 'no highlight left');
  assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), '朗读已停止');
  const said = seen.map((s) => s.said);
  const at = (text) => said.findIndex((s) => s.startsWith(text));
  const order = ['关于政协提案的答复', '一、关于持续全面加强党对民族工作的领导', '二、关于深化民族团结工作宣传教育方面', '时间线。', '资金。', '合计拨付631.29万元。',
    '2023年,拨付305.29万元,用于创建全国民族团结进步示范市工作经费。', '感谢您对我市民族团结进步工作的关心和支持'];
  const positions = order.map(at);
  assert.ok(positions.every((x) => x >= 0), `every part read: ${order.filter((o, i) => positions[i] < 0)}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'header, sections, timeline, funding, closing in order');
  assert.ok(said.some((s) => s.startsWith('一是面向干部实施示范工程。')), 'an initiative is read with its ordinal and headline');
  // Each sentence highlights the element that shows it.
  for (const s of seen) {
    if (s.cls.includes('dafu-timeline__link')) assert.ok(s.said.includes(s.text.split(' ').pop().replace(/…$/, '').slice(0, 6)), `timeline: ${s.said} / ${s.text}`);
    else if (s.cls.includes('dafu-chart__row')) assert.ok(s.said.includes(s.text.slice(0, 6)), `chart: ${s.said} / ${s.text}`);
    // The title element stands for the header (the issuer has no element of its own); headings of dafu's own views stand for their lines.
    // A next step's first sentence is said after its kind and place, which stand beside its text.
    else if (s.cls.includes('dafu-next__text')) assert.ok(s.hl && s.text.includes(s.hl) && s.said.endsWith(s.hl), `next step: "${s.said}" / "${s.hl}"`);
    else if (!s.cls.includes('dafu-header__title') && !['下一步打算。', '时间线。', '资金。', '合计拨付631.29万元。'].includes(s.said)) assert.ok(s.text.replace(/\s/g, '').includes(s.said.replace(/^一是|^二是|^三是|^四是|^五是|^六是/, '').slice(0, 12).replace(/\s/g, '')), `${s.cls}: "${s.said.slice(0, 20)}" not in "${s.text.slice(0, 40)}"`);
  }
  assert.ok(seen.some((s) => s.cls.includes('dafu-timeline__link')) && seen.some((s) => s.cls.includes('dafu-chart__row')));
  // Inside a paragraph or an initiative, the sentence being read is highlighted, not the whole block.
  const blocks = seen.filter((s) => /dafu-paragraph|dafu-initiative/.test(s.cls));
  assert.ok(blocks.length > 20, `${blocks.length} sentences of blocks`);
  for (const s of blocks) {
    assert.ok(s.hl && s.text.includes(s.hl), `highlight "${s.hl}" is in its block`);
    assert.ok(s.said.startsWith(s.hl.slice(0, 4)), `highlight "${s.hl.slice(0, 20)}" is the sentence read "${s.said.slice(0, 20)}"`);
    assert.ok(/[。!?;!?;]$/.test(s.hl) || s.text.trim().endsWith(s.hl), `highlight "${s.hl}" is a whole sentence`);
  }
  assert.ok(blocks.some((s) => s.hl.length < s.text.trim().length / 2), 'a sentence of a long paragraph, not the paragraph');
  assert.equal(await sentence(p), null, 'no sentence highlight left');
  assert.ok(seen.every((s) => !/[〔〕]|\d-\d/.test(s.said)), 'nothing read sign by sign');
  console.log(`朗读全文: ${said.length} utterances, all zh-CN`);
  assert.ok((await spoken(p)).every((u) => u.lang === 'zh-CN' && u.voice === '普通话'));
  assert.deepEqual(errors, []);
  await p.close();
});

test('朗读全文 reads the 下一步打算 panel where the page shows it: after the header, before the sections', async () => {
  const { page: p, errors } = await open();
  const panel = await p.locator('.dafu-next').evaluate((e) => {
    const item = e.querySelector('.dafu-next__item');
    const words = (s) => item.querySelector(s).textContent.replace(/\s+/g, '');
    return { heading: e.querySelector('.dafu-next__title').textContent.trim(), where: `${words('.dafu-next__kind')},${words('.dafu-next__place')},`, text: item.querySelector('.dafu-next__text').textContent.trim() };
  });
  const firstSection = (await p.locator('.dafu-accordion__button').first().textContent()).replace(/\s+/g, '');
  const start = p.getByRole('button', { name: '朗读全文' });
  await start.click();
  await p.waitForSelector('.dafu-read--current');
  // Up to the first section's heading, each utterance with the element lit while it is said.
  const seen = [];
  for (let i = 0; i < 60 && !seen.some((s) => s.said === firstSection); i += 1) {
    const [u] = (await spoken(p)).slice(-1);
    seen.push({ said: u.text, lit: (await lit(p)).map(([cls]) => cls.split(' ')[0]).join() });
    await next(p);
  }
  const said = seen.map((s) => s.said);
  const heading = said.indexOf(`${panel.heading}。`);
  assert.ok(heading > 0, `the panel's heading is read: ${JSON.stringify(said)}`);
  assert.equal(said[0], '关于政协提案的答复', 'the header first');
  assert.equal(seen[heading].lit, 'dafu-next__title');
  const item = seen[heading + 1];
  assert.ok(item.said.startsWith(panel.where), `the first item says its kind and place first: ${item.said}`);
  assert.ok(panel.text.startsWith(item.said.slice(panel.where.length)), `then its first sentence: ${item.said} / ${panel.text}`);
  assert.equal(item.lit, 'dafu-next__text');
  assert.ok(said.indexOf(firstSection) > heading + 1, 'the sections after the panel');
  await start.click();
  assert.deepEqual(errors, []);
  await p.close();
});

test('pause, resume and stop work from the keyboard, and screen readers are told', async () => {
  const { page: p, errors } = await open();
  await p.getByRole('button', { name: '朗读全文' }).focus();
  await p.keyboard.press('Enter');
  await p.waitForSelector('.dafu-read--current');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), '暂停');
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => window.speechSynthesis.paused), true);
  assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), '已暂停朗读');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), '继续');
  await p.keyboard.press('Space');
  assert.equal(await p.evaluate(() => window.speechSynthesis.paused), false);
  assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), '正在朗读');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), '停止');
  const count = (await spoken(p)).length;
  await p.keyboard.press('Enter');
  assert.equal(await p.getByRole('button', { name: '朗读全文' }).getAttribute('aria-pressed'), 'false');
  assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), '朗读已停止');
  assert.equal(await p.locator('.dafu-read--current').count(), 0);
  assert.deepEqual((await p.evaluate(() => window.__speech.calls)).slice(-4), ['speak', 'pause', 'resume', 'cancel']);
  await p.evaluate(() => window.__speech.finish());
  await p.waitForTimeout(50);
  assert.equal((await spoken(p)).length, count, 'nothing more is read after stop');
  assert.deepEqual(errors, []);
  await p.close();
});

test("a section's 朗读本节 reads only that section, stops the whole-reply reader, and stops when the section is closed", async () => {
  const { page: p, errors } = await open();
  await p.getByRole('button', { name: '朗读全文' }).click();
  await p.waitForSelector('.dafu-read--current');
  const heading = p.getByRole('button', { name: /二、 ?关于深化民族团结工作宣传教育方面/ });
  await heading.click();
  const panel = await heading.getAttribute('aria-controls');
  const read = p.locator(`[id="${panel}"] .dafu-read__start`);
  assert.equal(await read.textContent(), '朗读本节');
  await read.click();
  assert.equal(await p.getByRole('button', { name: '朗读全文' }).getAttribute('aria-pressed'), 'false', 'the other reader stopped');
  assert.equal(await read.getAttribute('aria-pressed'), 'true');
  const first = (await spoken(p)).slice(-1)[0];
  assert.equal(first.text, '二、关于深化民族团结工作宣传教育方面');
  await next(p);
  const second = (await spoken(p)).slice(-1)[0];
  assert.ok(second.text.startsWith('将铸牢中华民族共同体意识纳入干部教育'), second.text);
  await p.waitForFunction(() => document.querySelector('.dafu-read--current')?.classList.contains('dafu-paragraph'));
  const count = (await spoken(p)).length;
  await heading.click();
  assert.equal(await read.count(), 0, 'closing the section takes its 朗读 row away and stops it');
  assert.equal(await p.locator('.dafu-read--current').count(), 0);
  assert.equal((await p.evaluate(() => window.__speech.calls)).slice(-1)[0], 'cancel');
  await p.evaluate(() => window.__speech.finish());
  await p.waitForTimeout(50);
  assert.equal((await spoken(p)).length, count);
  assert.deepEqual(errors, []);
  await p.close();
});

test('unmounting dafu stops its reading', async () => {
  const { page: p, errors } = await open(HOST);
  await p.waitForSelector('#reply-seed .dafu-read__start');
  errors.length = 0; // The host page's broken reply is a 404 on purpose.
  const result = await p.evaluate(async () => {
    const el = document.createElement('div');
    document.querySelector('main').append(el);
    const handle = window.dafu.mount(el, {});
    await handle.ready;
    for (let i = 0; i < 250 && !el.querySelector('.dafu-read__start'); i += 1) await new Promise((r) => setTimeout(r, 20));
    el.querySelector('.dafu-read__start').click();
    for (let i = 0; i < 50 && !window.__speech.spoken.length; i += 1) await new Promise((r) => setTimeout(r, 20));
    const before = window.__speech.spoken.length;
    handle.unmount();
    const cancelled = window.__speech.calls.slice(-1)[0];
    window.__speech.finish();
    await new Promise((r) => setTimeout(r, 50));
    return [before, cancelled, window.__speech.spoken.length, document.querySelectorAll('.dafu-read--current').length];
  });
  assert.deepEqual(result, [1, 'cancel', 1, 0]);
  assert.deepEqual(errors, []);
  await p.close();
});

test('without speech synthesis, or without a Chinese voice, the control says so', async () => {
  // A Chinese voice that is not on the device would send the reply to a speech server: never used.
  const remote = [{ name: 'English', lang: 'en-US', localService: true }, { name: 'Google 普通话', lang: 'zh-CN', localService: false }];
  for (const [options, message] of [[{ none: true }, '此浏览器不支持朗读'], [{ voices: [{ name: 'English', lang: 'en-US', localService: true }] }, '此浏览器没有中文语音,无法朗读'], [{ voices: remote }, '此浏览器没有中文语音,无法朗读']]) {
    const { page: p, errors } = await open('/', options);
    await p.getByRole('button', { name: '朗读全文' }).click();
    // The reader loads on the first press: its message follows.
    await p.waitForFunction(() => document.querySelector('.dafu-read--all [role="status"]').textContent !== '');
    assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), message);
    assert.equal(await p.getByRole('button', { name: '朗读全文' }).getAttribute('aria-pressed'), 'false');
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('voices the browser lists only after voiceschanged (as Chrome does) are waited for, and the first press reads', async () => {
  const { page: p, errors } = await open('/', { voices: CHINESE, late: true });
  await p.getByRole('button', { name: '朗读全文' }).click();
  await p.waitForFunction(() => window.__speech.spoken.length > 0);
  assert.deepEqual((await spoken(p))[0], { text: '关于政协提案的答复', lang: 'zh-CN', voice: '普通话' });
  assert.deepEqual(errors, []);
  await p.close();
});

test('朗读全文 stops when the reader closes the section it is reading', async () => {
  const { page: p, errors } = await open();
  const start = p.getByRole('button', { name: '朗读全文' });
  await start.click();
  await p.waitForSelector('.dafu-read--current');
  // On to the first sentence inside a section.
  for (let i = 0; i < 60 && !(await p.evaluate(() => !!document.querySelector('.dafu-accordion__panel .dafu-read--current'))); i += 1) await next(p);
  const button = await p.locator('.dafu-accordion__section', { has: p.locator('.dafu-read--current') }).locator('.dafu-accordion__button').elementHandle();
  await button.click();
  await p.waitForFunction(() => document.querySelector('.dafu-read--all .dafu-read__start').getAttribute('aria-pressed') === 'false');
  assert.equal(await p.locator('.dafu-read--all [role="status"]').textContent(), '朗读已停止');
  assert.equal(await button.getAttribute('aria-expanded'), 'false', 'the section stays closed');
  assert.deepEqual(errors, []);
  await p.close();
});
