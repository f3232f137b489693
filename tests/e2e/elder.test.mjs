// 长辈版 (elder mode): each figure of the 适老化 rules measured in the browser (computed font sizes, line
// heights, target boxes, contrast ratios from the rendered colours), 400% reflow, axe-core, and that it
// never restyles the host page nor changes the default look.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openApp, setup } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const artifacts = 'tests/e2e/artifacts';
mkdirSync(artifacts, { recursive: true });
const HOST = '/examples/host/index.html';
const FUNDING = '/?src=/fixtures/replies/funding.reply.json';

const env = setup();

const open = (path = '/', selector = '.dafu-accordion__button') => openApp(env.browser, env.server.url + path, selector);

/** Switches 长辈版 on with its own button and checks that it says so. */
async function elder(p, root = '.dafu-reply') {
  const button = p.locator(root).getByRole('button', { name: '长辈版' });
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.ok(await p.locator(root).evaluate((e) => e.classList.contains('dafu-reply--elder')));
}

/**
 * Opens every section, the funding table and the document details, so every control and text is on
 * the page, and lays out what is off screen too (sections, years and charts skip layout off screen with
 * `content-visibility: auto`, which would leave placeholder boxes where the test measures).
 */
async function showAll(p) {
  await p.getByRole('button', { name: '全部展开' }).click();
  await p.getByRole('button', { name: '以表格查看' }).click();
  for (const summary of ['.dafu-meta__summary', '.dafu-figures__more']) {
    if (await p.locator(summary).count()) await p.locator(summary).click();
  }
  await p.addStyleTag({ content: '.dafu-reply :is(.dafu-accordion__section, .dafu-timeline__year, .dafu-chart) { content-visibility: visible !important; }' });
}

/** Every element in `root` that shows text of its own (a non-blank text node child), visible. */
function textElements(root) {
  return [...document.querySelectorAll(`${root} *`)].filter((e) => {
    if (!e.getClientRects().length) return false;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden' || style.clipPath === 'inset(50%)') return false;
    return [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  });
}

test('长辈版 is one toggle with aria-pressed; text is at least 18 px at the default size, 30 px at the largest step, headings larger', async () => {
  const { page: p } = await open();
  await showAll(p);
  const before = await p.locator('.dafu-preamble').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.equal(before, 17, 'the standard view is unchanged: 17 px at the default 16 px');
  await elder(p);
  const sizes = async () => p.evaluate(({ src }) => {
    const all = eval(src)('.dafu-reply').map((e) => [e.className.baseVal ?? e.className, parseFloat(getComputedStyle(e).fontSize)]);
    const of = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
    return {
      smallest: all.reduce((m, x) => (x[1] < m[1] ? x : m), ['', Infinity]),
      body: of('.dafu-paragraph'),
      preamble: of('.dafu-preamble'),
      h1: of('.dafu-header__title'),
      h2: [...document.querySelectorAll('.dafu-reply h2')].map((h) => parseFloat(getComputedStyle(h).fontSize)),
    };
  }, { src: `(${textElements})` });
  const standard = await sizes();
  assert.ok(standard.body >= 18 && standard.preamble >= 18, `body text ${standard.body} px >= 18`);
  assert.ok(standard.smallest[1] >= 18, `every text >= 18 px, smallest ${standard.smallest}`);
  assert.ok(standard.h1 > standard.body && standard.h2.every((h) => h > standard.body), `headings larger: ${standard.h1} ${standard.h2}`);
  await p.getByRole('button', { name: '特大', exact: true }).click();
  const largest = await sizes();
  assert.ok(largest.body >= 30, `largest step ${largest.body} px >= 30`);
  assert.ok(largest.smallest[1] >= 18 * 1.75, `every text grows with the steps, smallest ${largest.smallest}`);
  assert.ok(await p.locator('.dafu-reply').evaluate((e) => e.classList.contains('dafu-reply--size-3') && e.classList.contains('dafu-reply--elder')), 'both settings on');
  console.log(`elder font sizes: body ${standard.body} px (smallest text ${standard.smallest[1]} px), h1 ${standard.h1} px, h2 ${standard.h2[0]} px; largest step ${largest.body} px`);
  await p.getByRole('button', { name: '长辈版' }).click();
  assert.equal(await p.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed'), 'false');
  await p.close();
});

test('in 长辈版 line height is at least 1.5 and paragraphs are at least 1.3 line heights apart', async () => {
  const { page: p } = await open();
  await showAll(p);
  await elder(p);
  const measures = await p.evaluate(() => {
    const blocks = [...document.querySelectorAll('.dafu-preamble, .dafu-paragraph, .dafu-initiative__text, .dafu-closing__text')];
    const ratios = blocks.map((b) => { const s = getComputedStyle(b); return parseFloat(s.lineHeight) / parseFloat(s.fontSize); });
    const gaps = [];
    for (let i = 1; i < blocks.length; i += 1) {
      const [a, b] = [blocks[i - 1], blocks[i]];
      const sameParent = a.closest('.dafu-accordion__panel') === b.closest('.dafu-accordion__panel');
      if (!sameParent || !a.closest('.dafu-accordion__panel')) continue;
      const gap = b.getBoundingClientRect().top - a.getBoundingClientRect().bottom;
      gaps.push(gap / parseFloat(getComputedStyle(a).lineHeight));
    }
    return { ratios, gaps };
  });
  assert.ok(measures.ratios.length > 10 && measures.gaps.length > 5);
  assert.ok(Math.min(...measures.ratios) >= 1.5, `line height ${Math.min(...measures.ratios)}`);
  assert.ok(Math.min(...measures.gaps) >= 1.3, `paragraph spacing ${Math.min(...measures.gaps)} line heights`);
  console.log(`elder line height ${Math.min(...measures.ratios).toFixed(2)}, paragraph spacing ${Math.min(...measures.gaps).toFixed(2)} x line height`);
  await p.close();
});

/** Every control in dafu: its box, its class and its text. */
const controls = (p) => p.locator('.dafu-reply :is(button, a[href], summary, input, select, textarea)').evaluateAll((els) => els
  .filter((e) => e.checkVisibility({ visibilityProperty: true }))
  .map((e) => { const r = e.getBoundingClientRect(); return { what: `${e.className} "${e.textContent.trim().slice(0, 10)}"`, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height }; }));

test('in 长辈版 every control is at least 60 x 60 px and no two targets overlap', async () => {
  for (const path of ['/', FUNDING]) {
    const { page: p } = await open(path);
    await showAll(p);
    await elder(p);
    for (const size of ['标准', '特大']) {
      await p.getByRole('button', { name: size, exact: true }).click();
      await p.getByRole('button', { name: '朗读本节' }).count();
      const boxes = await controls(p);
      assert.ok(boxes.length > 20, `${path}: ${boxes.length} controls`);
      const small = boxes.filter((b) => b.w < 60 || b.h < 60).map((b) => `${b.what} ${Math.round(b.w)}x${Math.round(b.h)}`);
      assert.deepEqual(small, [], `${path} ${size}: controls under 60 x 60`);
      const overlaps = [];
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const [a, b] = [boxes[i], boxes[j]];
          const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
          const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          if (w > 0.5 && h > 0.5) overlaps.push(`${a.what} / ${b.what}`);
        }
      }
      assert.deepEqual(overlaps, [], `${path} ${size}: overlapping targets`);
      console.log(`${path} ${size}: ${boxes.length} controls, smallest ${Math.round(Math.min(...boxes.map((b) => b.w)))} x ${Math.round(Math.min(...boxes.map((b) => b.h)))} px, none overlap`);
    }
    await p.close();
  }
});

/** WCAG contrast of every text in `root`, from its rendered colour and the background behind it. */
function contrasts(root) {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const channel = (v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const over = (top, bottom) => { const a = top[3] ?? 1; return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)); };
  const background = (e) => {
    const layers = [];
    for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c[3] ?? 1) > 0) { layers.push(c); if ((c[3] ?? 1) >= 1) break; }
    }
    return layers.reduceRight((acc, c) => over(c, acc), [255, 255, 255]);
  };
  const ratio = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (l1 + 0.05) / (l2 + 0.05); };
  return eval(root.textElements)(root.sel).map((e) => {
    const s = getComputedStyle(e);
    const svg = e instanceof SVGElement;
    const bg = background(svg ? e.closest('svg').parentElement : e);
    // SVG text is painted with `fill`; a halo (`paint-order: stroke`) is what lies behind it.
    const ink = rgb(svg ? s.fill : s.color);
    const behind = svg && s.stroke !== 'none' && s.paintOrder.startsWith('stroke') ? rgb(s.stroke) : bg;
    const body = !!e.closest('.dafu-paragraph, .dafu-initiative__text, .dafu-preamble, .dafu-closing__text');
    return { what: `${e.className.baseVal ?? e.className} "${e.textContent.trim().slice(0, 8)}"`, ratio: ratio(over(ink, behind), behind), body };
  });
}

test('in 长辈版 text contrast is at least 7:1 for body text and 4.5:1 everywhere, computed from the rendered colours', async () => {
  for (const path of ['/', FUNDING]) {
    const { page: p } = await open(path);
    await showAll(p);
    await elder(p);
    const results = await p.evaluate(`(${contrasts})({ sel: '.dafu-reply', textElements: ${JSON.stringify(`(${textElements})`)} })`);
    assert.ok(results.length > 50);
    const low = results.filter((r) => r.ratio < 4.5).map((r) => `${r.what} ${r.ratio.toFixed(2)}`);
    assert.deepEqual(low, [], `${path}: texts under 4.5:1`);
    const bodyLow = results.filter((r) => r.body && r.ratio < 7).map((r) => `${r.what} ${r.ratio.toFixed(2)}`);
    assert.deepEqual(bodyLow, [], `${path}: body text under 7:1`);
    const min = Math.min(...results.map((r) => r.ratio));
    const bodyMin = Math.min(...results.filter((r) => r.body).map((r) => r.ratio));
    console.log(`${path}: ${results.length} texts, lowest contrast ${min.toFixed(2)}:1, body text lowest ${bodyMin.toFixed(2)}:1`);
    await p.close();
  }
});

test('in 长辈版 nothing moves, the timeline is one column and chart labels are on lines of their own', async () => {
  const { page: p } = await open(FUNDING);
  await showAll(p);
  await elder(p);
  const moving = await p.locator('.dafu-reply *').evaluateAll((els) => els
    .map((e) => [e.className.baseVal ?? e.className, getComputedStyle(e)])
    .filter(([, s]) => s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0))
    .map(([c]) => c));
  assert.deepEqual(moving, [], 'no animation or transition');
  const timeline = await p.locator('.dafu-timeline__link').evaluateAll((links) => links.map((l) => {
    const parts = [...l.children].map((c) => c.getBoundingClientRect());
    return parts.every((r, i) => i === 0 || r.top >= parts[i - 1].bottom - 0.5) && parts.every((r) => Math.abs(r.left - parts[0].left) < 1);
  }));
  assert.ok(timeline.length > 0 && timeline.every(Boolean), 'date, stage and text of each entry on lines of their own');
  const lefts = await p.locator('.dafu-timeline__year').evaluateAll((ys) => ys.map((y) => Math.round(y.getBoundingClientRect().left)));
  assert.equal(new Set(lefts).size, 1, 'the years in one column');
  const chart = await p.locator('.dafu-chart__row').evaluateAll((rows) => rows.map((r) => {
    const label = r.querySelector('.dafu-chart__label').getBoundingClientRect();
    const bars = [...r.querySelectorAll('.dafu-chart__bar')].map((b) => b.getBoundingClientRect());
    return bars.every((b) => b.top >= label.bottom - 0.5);
  }));
  assert.ok(chart.length > 0 && chart.every(Boolean), 'each chart label sits on a line above its bar');
  await p.close();
});

test('in 长辈版 at 320 px wide (400% zoom) with the largest text nothing overflows sideways', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const p = await ctx.newPage();
  for (const [name, path] of [['seed', '/'], ['funding', FUNDING]]) {
    await p.goto(env.server.url + path);
    await p.waitForSelector('.dafu-accordion__button');
    await elder(p);
    await p.getByRole('button', { name: '特大', exact: true }).click();
    await showAll(p);
    for (const view of ['按用途', '按年份', '占比']) {
      if (await p.getByRole('button', { name: view }).count()) await p.getByRole('button', { name: view }).click();
      const [scroll, client] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${name} ${view}: ${scroll} > ${client}`);
      const wide = await p.locator('.dafu-reply :is(p, li, h1, h2, h3, button, dt, dd)').evaluateAll((els) => els
        .filter((e) => e.getClientRects().length && !e.closest('.dafu-funding__table-wrap'))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => e.className));
      assert.deepEqual(wide, [], `${name} ${view}: elements past the right edge`);
    }
    await p.screenshot({ path: `${artifacts}/elder-320-largest-${name}.png`, fullPage: true });
  }
  await ctx.close();
});

test('axe-core finds nothing in 长辈版, alone and with high contrast and the largest text', async () => {
  const { page: p } = await open(FUNDING);
  await showAll(p);
  await elder(p);
  const axe = async () => {
    await p.addScriptTag({ path: axePath });
    return p.evaluate(async () => (await window.axe.run({ include: [...document.querySelectorAll('.dafu-reply')] }, { resultTypes: ['violations'] }))
      .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  };
  assert.deepEqual(await axe(), []);
  await p.getByRole('button', { name: '高对比度' }).click();
  await p.getByRole('button', { name: '特大', exact: true }).click();
  assert.deepEqual(await axe(), []);
  assert.equal(await p.locator('.dafu-paragraph').first().evaluate((e) => getComputedStyle(e).color), 'rgb(0, 0, 0)', 'high contrast colours win in 长辈版');
  await p.screenshot({ path: `${artifacts}/elder-contrast-largest.png` });
  await p.close();
});

test('switching 长辈版 on and off gives back exactly the default look', async () => {
  const { page: p } = await open();
  await showAll(p);
  const look = () => p.locator('.dafu-reply *').evaluateAll((els) => els.slice(0, 400).map((e) => {
    const s = getComputedStyle(e);
    return [s.fontSize, s.lineHeight, s.color, s.backgroundColor, s.minHeight, s.marginBottom, s.flexDirection].join(' ');
  }).join('\n'));
  const before = await look();
  await elder(p);
  assert.notEqual(await look(), before);
  await p.getByRole('button', { name: '长辈版' }).click();
  assert.equal(await look(), before);
  await p.close();
});

test('长辈版 stays inside dafu on a host page, follows its font toolbar, and starts from data-dafu-mode or mount({ mode })', async () => {
  const { page: p } = await openApp(env.browser, env.server.url + HOST, '#reply-funding .dafu-accordion__button');
  await p.waitForSelector('#reply-seed .dafu-accordion__button');
  const hostLook = () => p.evaluate(() => [...document.querySelectorAll('body, body > *:not(main), main > :not([data-dafu-src]):not([data-dafu]), .toolbar-button')]
    .map((e) => { const s = getComputedStyle(e); return [e.tagName, s.fontSize, s.lineHeight, s.color, s.backgroundColor].join(' '); }).join('\n'));
  const before = await hostLook();
  await elder(p, '#reply-seed .dafu-reply');
  assert.equal(await hostLook(), before, 'the host page is not restyled');
  assert.equal(await p.locator('#reply-funding .dafu-reply--elder').count(), 0, 'the other instance is not in 长辈版');
  const size = () => p.locator('#reply-seed .dafu-preamble, #reply-seed .dafu-paragraph').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const small = await size();
  assert.ok(small >= 18, `elder text on a 12 px host page: ${small}`);
  for (let i = 0; i < 4; i += 1) await p.click('#font-up');
  const large = await size();
  assert.ok(large >= small * 1.3, `the host toolbar enlarges elder text: ${small} -> ${large}`);
  const started = await p.evaluate(async () => {
    const byAttribute = document.createElement('div');
    byAttribute.setAttribute('data-dafu', '');
    byAttribute.setAttribute('data-dafu-mode', 'elder');
    const byOption = document.createElement('div');
    const plain = document.createElement('div');
    document.querySelector('main').append(byAttribute, byOption, plain);
    window.dafu.scan(document.querySelector('main'));
    await window.dafu.mount(byOption, { mode: 'elder' }).ready;
    await window.dafu.mount(plain, {}).ready;
    const wait = async (el) => { for (let i = 0; i < 250 && !el.querySelector('.dafu-settings__elder'); i += 1) await new Promise((r) => setTimeout(r, 20)); };
    await Promise.all([wait(byAttribute), wait(byOption), wait(plain)]);
    return [byAttribute, byOption, plain].map((el) => [
      el.querySelector('.dafu-reply').classList.contains('dafu-reply--elder'),
      el.querySelector('.dafu-settings__elder').getAttribute('aria-pressed'),
    ]);
  });
  assert.deepEqual(started, [[true, 'true'], [true, 'true'], [false, 'false']]);
  await p.close();
});
