// The generator of big replies, shared by the benchmark and the end-to-end specs.

/**
 * The `seed` reply `times` over: every section, block and fact copied with fresh ids. Each section
 * carries its blocks four times over and each funding item seven times, so 100x reaches ~500 sections,
 * ~5,000 initiatives and ~2,000 funding rows.
 */
export function scaled(seed, times) {
  const out = { ...seed, sections: [], figures: [], funding: [], dates: [] };
  // Facts outside the blocks (the header's dates, the signature's) stand once, where they are.
  const blocks = new Set(seed.sections.flatMap((s) => s.blocks.map((b) => b.id)));
  const outside = (f) => !blocks.has(f.at.block);
  for (const key of ['figures', 'funding', 'dates']) out[key].push(...seed[key].filter(outside));
  for (let k = 0; k < times; k += 1) {
    const id = (x) => `${x}-x${k}`;
    for (const s of seed.sections) {
      const blocks = [];
      for (let r = 0; r < 4; r += 1) for (const b of s.blocks) blocks.push({ ...b, id: `${id(b.id)}-r${r}` });
      out.sections.push({ ...s, id: id(s.id), blocks });
    }
    const at = (a) => ({ ...a, block: `${id(a.block)}-r0` });
    for (const f of seed.figures.filter((x) => !outside(x))) out.figures.push({ ...f, id: id(f.id), at: at(f.at) });
    for (let r = 0; r < 7; r += 1) {
      for (const f of seed.funding.filter((x) => !outside(x))) out.funding.push({ ...f, id: `${id(f.id)}-${r}`, at: { ...f.at, block: `${id(f.at.block)}-r${r % 4}` } });
    }
    for (const d of seed.dates.filter((x) => !outside(x))) out.dates.push({ ...d, id: id(d.id), at: at(d.at) });
  }
  return out;
}
