// Dense replies: valid, under the 20 MB size limit, and as wide as a reply can get in one direction
// (sections, funding items, header fields with closing lines and attachments). The end-to-end specs
// serve them (tests/server.mjs, `/dense/<shape>.reply.json`) to check that the first screen shows at
// once and the rest is drawn in slices. Built on demand: too big to commit.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const seedPath = resolve(import.meta.dirname, '../../data/seed.reply.json');
const base = () => {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
  return { ...seed, sections: [], closing: [], figures: [], funding: [], dates: [] };
};

/** `n` sections of one short paragraph each (100,000 is about 11 MB). */
export function denseSections(n = 100_000) {
  const reply = base();
  for (let i = 0; i < n; i += 1) {
    reply.sections.push({
      id: `s${i}`,
      numeral: `${i + 1}.`,
      heading: `关于第${i + 1}项建议的办理情况`,
      blocks: [{ kind: 'paragraph', id: `s${i}-p`, text: `第${i + 1}项建议已经办理。` }],
    });
  }
  return reply;
}

const roles = ['allocated', 'allocated', 'requested', 'refused', 'loan'];

/**
 * `n` funding items, ten to a paragraph and ten paragraphs to a section, in every role and in twenty
 * different years, so the chart has its by-year and share views too (50,000 is about 13 MB).
 */
export function denseFunding(n = 50_000) {
  const reply = base();
  const perBlock = 10;
  const perSection = 10;
  let section = null;
  for (let b = 0; b * perBlock < n; b += 1) {
    if (b % perSection === 0) {
      section = { id: `s${b / perSection}`, numeral: '', heading: `第${b / perSection + 1}批资金`, blocks: [] };
      reply.sections.push(section);
    }
    const id = `s${section.id.slice(1)}-p${b % perSection}`;
    let text = '';
    for (let k = 0; k < perBlock && b * perBlock + k < n; k += 1) {
      const i = b * perBlock + k;
      const written = `${(i % 997) + 1}万元`;
      const before = `项目${i + 1}安排`;
      const start = text.length + before.length;
      text += `${before}${written};`;
      const year = String(2001 + (i % 20));
      reply.funding.push({
        id: `m${i}`,
        written,
        money: { amount: String((i % 997) + 1), unit: '万元' },
        role: roles[i % roles.length],
        purpose: `项目${i + 1}`,
        period: { written: `${year}年`, on: year },
        at: { block: id, start, end: start + written.length },
      });
    }
    section.blocks.push({ kind: 'paragraph', id, text });
  }
  return reply;
}

/** `n` header fields, closing lines, contact lines and attachments each (50,000 is about 9 MB). */
export function denseLists(n = 50_000) {
  const reply = base();
  reply.sections = [{ id: 's1', numeral: '一、', heading: '关于办理情况', blocks: [{ kind: 'paragraph', id: 's1-p1', text: '已经办理。' }] }];
  reply.meta = { ...reply.meta, fields: [] };
  reply.attachments = [];
  reply.signature = { signer: '某某委员会', contact: [] };
  for (let i = 0; i < n; i += 1) {
    reply.meta.fields.push({ key: `字段${i + 1}`, value: `值${i + 1}` });
    reply.closing.push(`第${i + 1}行结束语。`);
    reply.signature.contact.push(`联系人${i + 1}`);
    reply.attachments.push({ title: `附件${i + 1}`, url: `https://www.example.gov.cn/files/${i + 1}.pdf` });
  }
  return reply;
}

/** The dense replies by the name `/dense/<name>.reply.json` serves them under. */
export const dense = { sections: denseSections, funding: denseFunding, lists: denseLists };
