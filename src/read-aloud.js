/* 朗读 (read aloud): the reader behind the viewer's 朗读全文 / 朗读本节 buttons (src/ui/read_aloud.rs).
 * It takes the sentences from the drawn page in its order (header, 下一步打算, sections, timeline,
 * funding, closing), words numbers the way a person says them (`spoken`), speaks them one at a time
 * with the browser's own Chinese voice (speechSynthesis: nothing is sent anywhere), highlights the
 * sentence being read (CSS Custom Highlight API, `::highlight(dafu-read)`; the element also gets
 * `dafu-read--current`) and keeps it in view, and keeps the controls and the status line current.
 * One reader speaks per page. A section's reader stops when its section closes; the wasm says "stop"
 * when a view unmounts.
 *
 * The function sits under Symbol.for('dafu.read') (no global name, no element can stand in for it);
 * Symbol.for('dafu.reader') is this reader too, for embed/dafu.js, whose own stub loads this file on
 * first use. Loaded by the dev page as dafu-read-aloud.js, inlined in dafu.html. In node, `spoken` and
 * `sentences` are exported for tests/e2e/read-words.test.mjs.
 */
(function (global) {
  'use strict';

  // --- words -------------------------------------------------------------------------------------
  var DIGIT = /[0-9\uFF10-\uFF19]/;
  function isDigit(c) { return c !== undefined && DIGIT.test(c); }
  function ascii(s) {
    return s.replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48); });
  }
  /** The digits at `chars[i]` on, as ASCII. */
  function digitsAt(chars, i) {
    var out = '';
    while (isDigit(chars[i])) out += chars[i++];
    return ascii(out);
  }
  /** `2023.4.5` at `chars[i]` (a year 1900–2100, a month, a day, then no digit or dot): [said, length]. */
  function dottedDate(chars, i) {
    var parts = [];
    var at = i;
    for (var k = 0; k < 3; k += 1) {
      var d = digitsAt(chars, at);
      if (!d) return null;
      at += d.length;
      parts.push(+d);
      if (k < 2) { if (chars[at] !== '.') return null; at += 1; }
    }
    var ok = parts[0] >= 1900 && parts[0] <= 2100 && parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 && parts[2] <= 31;
    if (!ok || isDigit(chars[at]) || chars[at] === '.') return null;
    return [parts[0] + '年' + parts[1] + '月' + parts[2] + '日', at - i];
  }
  var nonAscii = function (c) { return c !== undefined && c.charCodeAt(0) > 127; };

  /** `text` worded for a voice. Numbers a zh-CN voice reads well stay (305.29万元, 十四五, 2023年4月);
   * 3-5年 → 3至5年, 〔2023〕12号 → 2023年第12号, 2023.4.5 → 2023年4月5日, 万元/公里 → 万元每公里,
   * 1,531 → 1531, an ellipsis is left out. */
  function spoken(text) {
    var chars = Array.from(text);
    var out = '';
    for (var i = 0; i < chars.length; i += 1) {
      var c = chars[i], prev = chars[i - 1], next = chars[i + 1];
      if ('-–—~\uFF5E\uFF0D〜'.indexOf(c) >= 0 && isDigit(prev) && isDigit(next)) { out += '至'; continue; }
      if ('〔[【\uFF3B'.indexOf(c) >= 0) {
        var year = digitsAt(chars, i + 1);
        if (year.length === 4 && '〕]】\uFF3D'.indexOf(chars[i + 5] || 'x') >= 0) {
          out += year + '年';
          var number = digitsAt(chars, i + 6);
          if (number && chars[i + 6 + number.length] === '号') out += '第';
          i += 5;
          continue;
        }
        out += c;
        continue;
      }
      if (isDigit(c) && !isDigit(prev) && prev !== '.') {
        var date = dottedDate(chars, i);
        if (date) { out += date[0]; i += date[1] - 1; continue; }
        out += c;
        continue;
      }
      if ((c === '/' || c === '\uFF0F') && (nonAscii(prev) || isDigit(prev))) {
        out += nonAscii(next) || /[0-9]/.test(next || '') ? '每' : c;
        continue;
      }
      if ((c === ',' || c === '\uFF0C') && isDigit(prev) && digitsAt(chars, i + 1).length === 3 && !isDigit(chars[i + 4])) continue;
      if (c === '…' || c === '⋯') continue;
      out += c;
    }
    return out;
  }

  var STOP = /[。!?;\uFF01\uFF1F\uFF1B\n]/;
  /** `text` cut after each sentence end: [start, end) pairs, trimmed, those with nothing to say left out. */
  function cuts(text) {
    var out = [];
    var start = 0;
    function push(end) {
      var s = start, e = end;
      while (s < e && /\s/.test(text[s])) s += 1;
      while (e > s && /\s/.test(text[e - 1])) e -= 1;
      if (/[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push([s, e]);
      start = end;
    }
    for (var i = 0; i < text.length; i += 1) if (STOP.test(text[i])) push(i + 1);
    push(text.length);
    return out;
  }
  function sentences(text) { return cuts(text).map(function (c) { return text.slice(c[0], c[1]); }); }

  if (typeof module === 'object' && module && typeof document === 'undefined') {
    module.exports = { spoken: spoken, sentences: sentences };
    return;
  }
  if (!global || typeof global[Symbol.for('dafu.reader')] === 'function') return;

  // --- the page's sentences ------------------------------------------------------------------------
  /** The text nodes of `el` (those inside `skip` left out), joined: [text, nodes with their start]. */
  function textOf(el, skip) {
    var nodes = [];
    var text = '';
    var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (var n = walk.nextNode(); n; n = walk.nextNode()) {
      if (skip && n.parentElement && n.parentElement.closest(skip)) continue;
      nodes.push([n, text.length]);
      text += n.data;
    }
    return [text, nodes];
  }
  /** A Range over [start, end) of textOf's text. */
  function rangeOf(nodes, start, end) {
    var r = document.createRange();
    var set = function (at, f) {
      for (var k = nodes.length - 1; k >= 0; k -= 1) {
        if (nodes[k][1] <= at) { f(nodes[k][0], Math.min(at - nodes[k][1], nodes[k][0].data.length)); return; }
      }
    };
    set(start, function (n, o) { r.setStart(n, o); });
    set(end, function (n, o) { r.setEnd(n, o); });
    return r;
  }
  /** One sentence per stop in `el`'s text (or `whole`: the element's text as one sentence). */
  function add(list, el, opts) {
    if (!el) return;
    opts = opts || {};
    var t = textOf(el, opts.skip);
    var text = t[0];
    var pieces = opts.whole ? [[0, text.length]] : cuts(text);
    pieces.forEach(function (c) {
      var written = text.slice(c[0], c[1]).trim();
      if (!written) return;
      var said = opts.said ? opts.said(written) : written;
      list.push({ el: el, said: said, written: written, range: rangeOf(t[1], c[0], c[1]), open: opts.open });
    });
  }
  function q(el, s) { return el.querySelector(s); }
  function qa(el, s) { return Array.prototype.slice.call(el.querySelectorAll(s)); }

  /** A section's sentences: its heading, then its paragraphs and initiatives. */
  function section(list, sec) {
    var button = q(sec, '.dafu-accordion__button');
    add(list, button, { whole: true, skip: '.dafu-accordion__icon', open: button, said: function (w) { return w.replace(/\s+/g, ''); } });
    qa(sec, '.dafu-paragraph, .dafu-initiative').forEach(function (b) {
      add(list, b, { skip: '.dafu-initiative__stage', open: button });
    });
  }

  /** The 下一步打算 panel (src/ui/next_steps.rs), where the page shows it (after the key figures,
   *  which are not read, before the sections): its heading, then each item's sentences, the first
   *  said after its kind and place (举措,第二部分第一项,…); the panel is absent when there is nothing. */
  function nextSteps(list, root) {
    var title = q(root, '.dafu-next__title');
    if (!title) return;
    list.push({ el: title, said: title.textContent.trim() + '。', written: title.textContent.trim() });
    qa(root, '.dafu-next__item').forEach(function (li) {
      var where = qa(li, '.dafu-next__kind, .dafu-next__place').map(function (e) { return e.textContent.replace(/\s+/g, ''); });
      var first = where.filter(Boolean).join(',');
      add(list, q(li, '.dafu-next__text'), { said: function (w) {
        var said = first ? first + ',' + w : w;
        first = '';
        return said;
      } });
    });
  }

  /** The whole reply's sentences, in page order; `funding` from the model (see read_aloud.rs). */
  function reply(root, funding) {
    var list = [];
    add(list, q(root, '.dafu-header__title'), { whole: true });
    var title = q(root, '.dafu-header__title');
    var issuer = q(root, '.dafu-header__issuer');
    if (issuer && !(title && title.textContent.indexOf(issuer.textContent.trim()) >= 0)) add(list, issuer);
    add(list, q(root, '.dafu-header__proposal'));
    add(list, q(root, '.dafu-addressee'));
    add(list, q(root, '.dafu-preamble'));
    nextSteps(list, root);
    qa(root, '.dafu-accordion__section').forEach(function (s) { section(list, s); });
    var tl = q(root, '.dafu-timeline__title');
    if (tl) {
      list.push({ el: tl, said: tl.textContent.trim() + '。', written: tl.textContent.trim() });
      qa(root, '.dafu-timeline__link').forEach(function (a) {
        var date = q(a, '.dafu-timeline__date');
        var what = q(a, '.dafu-timeline__what');
        var summary = textOf(what || a, '.dafu-timeline__place')[0].trim().replace(/[…。]+$/, '').replace(/[。!?;\uFF01\uFF1F\uFF1B\n]/g, ',');
        var d = date ? date.textContent.trim() : '';
        list.push({ el: a, said: (d ? d + ',' : '') + summary + '。', written: a.textContent.trim() });
      });
    }
    var ft = q(root, '.dafu-funding__title');
    if (ft) {
      list.push({ el: ft, said: ft.textContent.trim() + '。', written: ft.textContent.trim() });
      var rows = qa(root, '.dafu-chart__row');
      var switcher = q(root, '.dafu-funding__switch');
      var byPurpose = !switcher || switcher.getAttribute('aria-pressed') === 'true';
      var total = funding.length && funding[0].indexOf('合计') === 0;
      funding.forEach(function (f, k) {
        var n = total ? k - 1 : k;
        var el = n >= 0 && byPurpose && rows[n] ? rows[n] : ft;
        list.push({ el: el, said: f, written: f });
      });
    }
    qa(root, '.dafu-closing__text').forEach(function (p) { add(list, p); });
    add(list, q(root, '.dafu-closing__signer'));
    add(list, q(root, '.dafu-closing__date'));
    return list;
  }

  // --- speaking ----------------------------------------------------------------------------------
  var active = null; // the reader speaking: { id, stop }
  var HL = 'dafu-read';

  function synthesis() {
    var s = global.speechSynthesis;
    return s && typeof global.SpeechSynthesisUtterance === 'function' ? s : null;
  }
  /** A Chinese voice on the device (zh-CN first, then any Chinese). A voice that is not a local
   *  service sends the text to a speech server: never used, so the reply never leaves the browser. */
  function voice(synth) {
    var best = null, rank = -1;
    (synth.getVoices() || []).forEach(function (v) {
      var lang = String(v.lang || '').toLowerCase().replace(/_/g, '-');
      var exact = lang === 'zh-cn' || lang === 'cmn-cn' || lang === 'cmn-hans-cn';
      if (!v.localService || (!exact && lang.indexOf('zh') !== 0 && lang.indexOf('cmn') !== 0)) return;
      var r = exact ? 1 : 0;
      if (r > rank) { rank = r; best = v; }
    });
    return best;
  }
  /** Calls `then` once the browser has listed its voices: Chrome lists none until `voiceschanged`
   *  has fired, which may be after the first press (1 s at most). */
  function voices(synth, then) {
    if ((synth.getVoices() || []).length || typeof synth.addEventListener !== 'function') { then(); return; }
    var done = false;
    function once() {
      if (done) return;
      done = true;
      synth.removeEventListener('voiceschanged', once);
      then();
    }
    synth.addEventListener('voiceschanged', once);
    setTimeout(once, 1000);
  }
  function highlights() { return global.CSS && CSS.highlights && typeof global.Highlight === 'function' ? CSS.highlights : null; }

  /** Runs `then` once the reply has drawn every part (its body loses data-dafu-filling; 5 s at most). */
  function wait(root, then) {
    var tries = 0;
    (function check() {
      if (!root.querySelector('[data-dafu-filling]') || tries++ > 200) then(); else setTimeout(check, 25);
    })();
  }

  function start(id, group, s, funding) {
    var status = q(group, '.dafu-read__status');
    var synth = synthesis();
    if (!synth) { status.textContent = s[5]; return; }
    voices(synth, function () { begin(id, group, s, funding, synth); });
  }

  function begin(id, group, s, funding, synth) {
    var status = q(group, '.dafu-read__status');
    var button = q(group, '.dafu-read__start');
    var pause = q(group, '.dafu-read__pause');
    var stopButton = q(group, '.dafu-read__stop');
    var v = voice(synth);
    if (!v) { status.textContent = s[6]; return; }
    if (active) active.rest();
    synth.cancel();
    var root = group.closest('.dafu-reply') || document.body;
    var sec = group.classList.contains('dafu-read--section') ? group.closest('.dafu-accordion__section') : null;
    var panel = sec && group.closest('.dafu-accordion__panel');
    var lines = null, at = -1, lit = null, paused = false, current = null, watch = null;
    var shown = null, shownWatch = null; // the section the whole reply is reading, watched for closing
    var me = { id: id, group: group };
    function unlight() {
      if (lit) lit.classList.remove('dafu-read--current');
      lit = null;
      var h = highlights();
      if (h) h.delete(HL);
    }
    function controls(reading) {
      button.setAttribute('aria-pressed', String(reading));
      pause.hidden = !reading;
      stopButton.hidden = !reading;
      pause.textContent = s[3];
      paused = false;
    }
    me.rest = function () {
      if (current) current.onend = current.onerror = null;
      current = null;
      if (active === me) active = null;
      if (watch) watch.disconnect();
      if (shownWatch) shownWatch.disconnect();
      shown = shownWatch = null;
      pause.onclick = stopButton.onclick = null;
      unlight();
      controls(false);
      status.textContent = '';
    };
    me.stop = function () {
      var was = active === me;
      me.rest();
      if (was) synth.cancel();
      status.textContent = s[2];
    };
    me.toggle = function () { me.stop(); };
    function speak(k) {
      if (active !== me) return;
      var line = lines[k];
      if (!line) { me.stop(); return; }
      at = k;
      var u = new global.SpeechSynthesisUtterance(spoken(line.said));
      u.lang = 'zh-CN';
      u.voice = v;
      u.onend = u.onerror = function () {
        setTimeout(function () { if (active === me && at === k) speak(k + 1); }, 0);
      };
      current = u;
      // The whole reply opens each section as it comes to it, and stops if the reader closes the
      // section it is reading.
      if (line.open && !sec) {
        if (line.open.getAttribute('aria-expanded') === 'false') line.open.click();
        var opened = line.open.closest('.dafu-accordion__section');
        var inside = opened && opened.querySelector('.dafu-accordion__panel');
        if (inside !== shown) {
          if (shownWatch) shownWatch.disconnect();
          shown = inside;
          shownWatch = inside && new MutationObserver(function () { if (inside.hidden) me.stop(); });
          if (shownWatch) shownWatch.observe(inside, { attributes: true, attributeFilter: ['hidden'] });
        }
      }
      unlight();
      if (line.el.isConnected) {
        lit = line.el;
        lit.classList.add('dafu-read--current');
        var h = highlights();
        if (h && line.range) h.set(HL, new global.Highlight(line.range));
        // The sentence is kept in view, not only its element: a long paragraph at the largest text
        // is taller than the screen.
        var box = line.range && line.range.getBoundingClientRect ? line.range.getBoundingClientRect() : null;
        if (box && box.height && (box.top < 0 || box.bottom > global.innerHeight)) {
          global.scrollBy({ top: box.top - global.innerHeight / 3 });
        } else if (!box || !box.height) lit.scrollIntoView({ block: 'nearest' });
      }
      synth.speak(u);
    }
    active = me;
    controls(true);
    status.textContent = s[0];
    pause.onclick = function () {
      if (active !== me) { me.rest(); return; }
      if (paused) { synth.resume(); paused = false; pause.textContent = s[3]; status.textContent = s[0]; }
      else { synth.pause(); paused = true; pause.textContent = s[4]; status.textContent = s[1]; }
    };
    stopButton.onclick = function () { me.stop(); };
    if (panel) {
      watch = new MutationObserver(function () { if (panel.hidden) me.stop(); });
      watch.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    }
    wait(root, function () {
      if (active !== me) return;
      if (sec) { lines = []; section(lines, sec); } else lines = reply(root, funding);
      speak(0);
    });
    return me;
  }

  var hook = function (act, id, group, strings, funding) {
    if (act === 'stop') {
      // ('stop', first, n): readers first … first + n - 1 (a reply's sections are numbered in a row).
      if (active && active.id >= id && active.id < id + (typeof group === 'number' ? group : 1)) active.stop();
      return;
    }
    if (active && active.id === id) { active.stop(); return; }
    if (group instanceof Element) start(id, group, Array.prototype.slice.call(strings || []), Array.prototype.slice.call(funding || []));
  };
  global[Symbol.for('dafu.reader')] = hook;
  if (typeof global[Symbol.for('dafu.read')] !== 'function') global[Symbol.for('dafu.read')] = hook;
})(typeof window === 'object' ? window : this);
