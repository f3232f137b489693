// Writes the hostile-input corpus to tests/fixtures/hostile/: `node tests/hostile/generate.mjs`.
// Deterministic (seeded), so the committed files are reproducible. Cases too big to commit (a 10 MB
// string, 10,000-deep nesting) are built by the tests themselves.
import { mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

// Shapes whose cost or output once grew with facts × text length. The corpus keeps small ones; the
// sizes the review measured are written by `node tests/hostile/generate.mjs --big DIR`, kept out of
// the repository (up to 4 MB each; the Rust tests build theirs at test time).
const unit = '2023年聘请12名专家'; // A date at 0..5 and a figure at 7..10 of every 50 characters.
const replyOf = (text, facts) => ({ schema: 1, sections: [{ id: 's1', heading: '密集', blocks: [{ kind: 'paragraph', id: 'p1', text }] }], ...facts });
const figure = (i, start, end) => ({ id: `f${i}`, written: '12名', value: '12', unit: '名', at: { block: 'p1', start, end } });
// `count` figures whose anchors each span the whole `chars`-character block and do not match it:
// each problem once quoted the whole block.
const amplifying = (count, chars) => replyOf('x'.repeat(chars), {
  figures: Array.from({ length: count }, (_, i) => figure(i, 0, chars)),
});
// One block of `chars` characters, no full stop in it, with a figure or a date every 50 characters.
const denseText = (chars) => `${unit}${'铸'.repeat(50 - [...unit].length)}`.repeat(chars / 50);
const denseFigures = (count, chars) => replyOf(denseText(chars), {
  figures: Array.from({ length: count }, (_, i) => figure(i, ((i * 50) % chars) + 7, ((i * 50) % chars) + 10)),
});
const denseDates = (count, chars) => replyOf(denseText(chars), {
  dates: Array.from({ length: count }, (_, i) => ({ id: `d${i}`, date: { written: '2023年', on: '2023' }, at: { block: 'p1', start: (i * 50) % chars, end: ((i * 50) % chars) + 5 } })),
});
if (process.argv[2] === '--big') {
  const dir = resolve(process.argv[3] ?? 'hostile-big');
  mkdirSync(dir, { recursive: true });
  const big = {
    'json-amplifying-1m-chars.json': amplifying(300, 1_000_000),
    'json-amplifying-4m-chars.json': amplifying(300, 4_000_000),
    'json-dense-20000-figures.json': denseFigures(20_000, 1_000_000),
    'json-dense-2000-dates.json': denseDates(2_000, 1_000_000),
  };
  for (const [name, r] of Object.entries(big)) writeFileSync(join(dir, name), JSON.stringify(r));
  console.log(`${Object.keys(big).length} big cases written to ${dir}`);
  process.exit(0);
}

const out = join(root, 'tests/fixtures/hostile');
// Every generated case is rewritten; the reviewed expectations (json.expected) stay.
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (/\.(json|txt)$/.test(f)) rmSync(join(out, f));

let seed = 20261126;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const write = (name, content) => writeFileSync(join(out, name), content);

const seedJson = readFileSync(join(root, 'data/seed.reply.json'), 'utf8');
const reply = JSON.parse(seedJson);
const clone = () => JSON.parse(seedJson);

// Every leaf path of the seed reply (trimmed to a representative set per array).
function paths(value, prefix = []) {
  if (Array.isArray(value)) return value.slice(0, 2).flatMap((v, i) => paths(v, [...prefix, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}
const set = (obj, path, v) => { let o = obj; for (const k of path.slice(0, -1)) o = o[k]; o[path.at(-1)] = v; return obj; };
const all = paths(reply);

// 1. Truncated files.
for (let i = 1; i <= 20; i += 1) write(`json-truncated-${String(i).padStart(2, '0')}.json`, seedJson.slice(0, Math.floor((seedJson.length * i) / 21)));
// 2. Wrong types and nulls at fields across the document.
const wrong = [42, null, [], {}, 'x', true, -1.5];
all.filter((_, i) => i % 3 === 0).slice(0, 70).forEach((p, i) => {
  write(`json-wrong-type-${String(i).padStart(2, '0')}.json`, JSON.stringify(set(clone(), p, wrong[i % wrong.length])));
});
// 3. Numbers, money and dates that do not exist.
const bad = {
  'schema-huge': (r) => { r.schema = 99999999999999999999; },
  'schema-float': (r) => { r.schema = 1.5; },
  'schema-negative': (r) => { r.schema = -1; },
  'money-negative': (r) => { r.funding[0].money.amount = '-5'; },
  'money-huge': (r) => { r.funding[0].money.amount = '9'.repeat(60); },
  'money-exponent': (r) => { r.funding[0].money.amount = '1e9'; },
  'money-nan': (r) => { r.funding[0].money.amount = 'NaN'; },
  'money-too-precise': (r) => { r.funding[0].money.amount = '1.123456789'; },
  'date-month-13': (r) => { r.meta.written.on = '2023-13-45'; },
  'date-feb-30': (r) => { r.meta.written.on = '2023-02-30'; },
  'date-year-0': (r) => { r.meta.written.on = '0000-01-01'; },
  'date-time-25h': (r) => { r.meta.published.on = '2024-07-01T25:61:61'; },
  'anchor-outside': (r) => { r.figures[0].at.end = 100000; },
  'anchor-reversed': (r) => { r.figures[0].at.start = 30; r.figures[0].at.end = 2; },
  'anchor-huge': (r) => { r.figures[0].at.start = 18446744073709551615; },
  'duplicate-ids': (r) => { r.figures[1].id = r.figures[0].id; r.sections[1].id = r.sections[0].id; },
  'part-of-itself': (r) => { r.funding[0].part_of = r.funding[0].id; },
  'part-of-cycle': (r) => { r.funding[1].part_of = r.funding[2].id; r.funding[2].part_of = r.funding[1].id; },
  'part-of-chain': (r) => { r.funding[2].part_of = r.funding[1].id; r.funding[1].part_of = r.funding[0].id; },
  'unknown-field-everywhere': (r) => { r.bogus = 1; r.meta.bogus = 1; r.sections[0].bogus = 1; },
  'newer-schema': (r) => { r.schema = 2; },
  'empty-ids': (r) => { r.sections[0].id = ''; r.dates[0].id = ''; },
  'attachments': (r) => {
    r.attachments = [
      { title: '附件一(https)', url: 'https://www.example.gov.cn/a.pdf' },
      { title: '附件二(http)', url: 'http://www.example.gov.cn/b.doc' },
      { title: '脚本', url: 'javascript:alert(1)' },
      { title: '大写脚本', url: ' JavaScript:alert(1)' },
      { title: '数据', url: 'data:text/html,<script>alert(1)</script>' },
      { title: '相对地址', url: '/files/c.pdf' },
      { title: '带空格', url: 'https://example.gov.cn/a b.pdf' },
      { title: '<img src=x onerror=alert(1)>', url: 'vbscript:msgbox(1)' },
    ];
  },
};
for (const [name, f] of Object.entries(bad)) { const r = clone(); f(r); write(`json-${name}.json`, JSON.stringify(r)); }
// 4. Script payloads in every text field and URL-like field (the reply must stay valid where it can).
const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '"><svg onload=alert(1)>', '{{7*7}}${alert(1)}', '\u202e\u200b\u200d零宽与反向'];
const textPaths = all.filter((p) => typeof p.reduce((o, k) => o?.[k], reply) === 'string' && !['id', 'block', 'kind', 'stage', 'unit', 'role', 'amount', 'on', 'as_of', 'from', 'to', 'validity', 'approx', 'multiplier', 'value', 'written', 'part_of', 'upper', 'per'].includes(p.at(-1)));
textPaths.slice(0, 40).forEach((p, i) => {
  const v = p.reduce((o, k) => o?.[k], reply);
  write(`json-payload-${String(i).padStart(2, '0')}.json`, JSON.stringify(set(clone(), p, `${payloads[i % payloads.length]}${v}`)));
});
// Payloads in the written forms too (these break anchors: a clear error, never markup).
['written', 'label'].forEach((k, i) => {
  const r = clone();
  r.figures[0][k] = payloads[i];
  write(`json-payload-fact-${k}.json`, JSON.stringify(r));
});
// 5. Bytes: invalid UTF-8, BOMs, GBK.
write('json-invalid-utf8.json', Buffer.concat([Buffer.from(seedJson.slice(0, 200)), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(seedJson.slice(200))]));
write('json-utf16le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedJson, 'utf16le')]));
write('json-utf8-bom.json', `\ufeff${seedJson}`);
write('json-empty.json', '');
write('json-only-whitespace.json', ' \n\t\r\n ');
write('json-array.json', '[]');
write('json-number.json', '42');
write('json-string.json', '"回复"');
write('json-trailing-comma.json', seedJson.replace(/\n}\s*$/, ',\n}'));
write('json-comment.json', `// 答复\n${seedJson}`);
write('json-amplifying.json', JSON.stringify(amplifying(300, 2_000)));
write('json-dense-figures.json', JSON.stringify(denseFigures(200, 10_000)));
write('json-dense-dates.json', JSON.stringify(denseDates(200, 10_000)));
write('json-deep-100.json', `${'['.repeat(100)}${']'.repeat(100)}`);
write('json-deep-in-extra.json', `{"schema":1,"extra":{"a":${'{"a":'.repeat(300)}1${'}'.repeat(300)}}}`);

// Text cases.
const texts = readdirSync(join(root, 'tests/fixtures/convert')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(root, 'tests/fixtures/convert', f), 'utf8'));
texts.forEach((t, i) => {
  for (let k = 0; k < 4; k += 1) {
    const chars = [...t];
    for (let m = 0; m < 30; m += 1) {
      const at = rand(chars.length + 1);
      const op = rand(4);
      if (op === 0) chars.splice(at, 1);
      else if (op === 1) chars.splice(at, 0, payloads[rand(payloads.length)]);
      else if (op === 2) chars.splice(at, 0, ['\r', '\n', '\r\n', '\u2028', '\u3000', '\u0000', '|', '一是', '万元', '截至', '第'][rand(11)]);
      else chars.splice(at, rand(8));
    }
    write(`text-mutated-${String(i).padStart(2, '0')}-${k}.txt`, chars.join(''));
  }
});
write('text-payload-everywhere.txt', texts[0].replace(/。/g, `。${payloads[0]}`).replace(/,/g, `,${payloads[1]}`));
write('text-mixed-newlines.txt', texts[0].split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''));
write('text-gbk.txt', Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xd5, 0xfe, 0xd0, 0xad, 0xcc, 0xe1, 0xb0, 0xb8, 0xb5, 0xc4, 0xb4, 0xf0, 0xb8, 0xb4]));
write('text-utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texts[0], 'utf16le')]));
write('text-invalid-utf8.txt', Buffer.from([0xe4, 0xb8, 0x80, 0xe6, 0x98, 0xaf, 0xff, 0xfe, 0xfd, 0x0a]));
write('text-only-numbers.txt', '1.2.3.4.5.6.7.8.9.10.一、二、三、(一)(二)1、2、3、一是二是三是');
write('text-rtl-zero-width.txt', `\u202e${texts[0]}\u200b\u200c\u200d\ufeff`);
write('text-empty.txt', '');
write('text-garbled-dates.txt', '某委员:\n您的提案收悉,现答复如下:\n一、\n2017821 20171321 2017229 2016229 99999999 0年0月0日 2023年13月45日 13月45日');
write('text-huge-numbers.txt', `某委员:\n您的提案收悉,现答复如下:\n一、\n投入${'9'.repeat(80)}万元,${'1'.repeat(40)}.${'2'.repeat(40)}亿元,近-5万元,5-3万元。`);
console.log(`${readdirSync(out).length} cases written to ${out}`);
