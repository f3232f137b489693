// trunk post_build hook: from trunk's staged build, writes
//   dafu.html  one self-contained page (CSS, wasm as base64, glue inline) that opens from file://
//   embed/     dafu.js (stable loader), dafu-core.js (glue), dafu.wasm, dafu.css, for host pages,
//              and the converter module dafu-convert.js + dafu-convert.wasm (loaded on first use);
//   dafu-convert.js, dafu-convert.wasm  the converter for the dev page; dafu-hooks.js  the dev page's
//              hooks (converter, renderer, 朗读) that load the modules on first use;
//   dafu-convert-worker.js (root and embed/)  the converter in a worker, for long texts.
// The converter (crate dafu-convert) is built here: a wasm of its own, so that the viewer's wasm,
// which every reader downloads, does not carry it.
// Runs with node; trunk sets TRUNK_STAGING_DIR (a path may be given instead, for a manual run).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, rmSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';

// Our own scripts (loader, hooks, frame page, reader, worker) are minified as trunk minifies the
// glue: every reader downloads the loader, and the comments are for the sources in src/, not the wire
// (only a comment marked /*! would be kept).
const minified = async (code, module = false) => {
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } });
  if (typeof out.code !== 'string') throw new Error('package.mjs: terser returned no code');
  return out.code;
};
const script = (path, module = false) => minified(readFileSync(join(repo, path), 'utf8'), module);

const stage = resolve(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist');
const repo = resolve(import.meta.dirname, '..');
const files = readdirSync(stage);
const one = (test, what) => {
  const hits = files.filter(test);
  if (hits.length !== 1) throw new Error(`package.mjs: expected one ${what} in ${stage}, found ${hits.length}`);
  return join(stage, hits[0]);
};
const glue = readFileSync(one((f) => /^dafu-app-.*\.js$/.test(f), 'wasm-bindgen glue'), 'utf8');
const wasm = readFileSync(one((f) => f.endsWith('_bg.wasm'), 'wasm file'));
const index = readFileSync(join(stage, 'index.html'), 'utf8');

// The converter module: built as the app is (release profile, wasm32, the pinned wasm-bindgen, the
// npm wasm-opt), with stable names.
const target = resolve(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
run('cargo', ['build', '--release', '--offline', '--target', 'wasm32-unknown-unknown', '-p', 'dafu-convert']);
const pkg = join(target, 'dafu-convert-pkg');
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg, '--out-name', 'dafu-convert',
  join(target, 'wasm32-unknown-unknown/release/dafu_convert.wasm')]);
const npmWasmOpt = join(repo, 'node_modules/.bin/wasm-opt');
run(existsSync(npmWasmOpt) ? npmWasmOpt : 'wasm-opt', ['-Oz', join(pkg, 'dafu-convert_bg.wasm'), '-o', join(pkg, 'dafu-convert.wasm')]);
const convertGlue = readFileSync(join(pkg, 'dafu-convert.js'), 'utf8');
const convertWasm = readFileSync(join(pkg, 'dafu-convert.wasm'));
writeFileSync(join(stage, 'dafu-convert.js'), convertGlue);
writeFileSync(join(stage, 'dafu-convert.wasm'), convertWasm);
const convertHook = await script('src/convert-hook.js');

const convertWorker = await script('src/convert-worker.js', true);
writeFileSync(join(stage, 'dafu-convert-worker.js'), convertWorker);
// 朗读's reader (src/read-aloud.js), loaded on the first press of a 朗读 button by its hook
// (src/read-hook.js: in the dev page's dafu-hooks.js, frame.html's dafu-read-hook.js, the head of
// embed/dafu.js).
const readAloud = await script('src/read-aloud.js');
const readHook = await script('src/read-hook.js');
const renderHook = await script('src/render-hook.js');
// The dev page's bar and hooks (converter, renderer, 朗读, collection) in one file: one request, and gzip sees them
// together (1.6 -> 1.1 KiB). Each finds the folder it loads from through its <script src>.
const collectionHook = await script('src/collection-hook.js');
// The dev page's bar (src/page.js): an editor's tool, so not in the app's wasm; first, so that it waits
// for the app whichever starts first.
const pageBar = await script('src/page.js');
writeFileSync(join(stage, 'dafu-hooks.js'), [pageBar, convertHook, renderHook, readHook, collectionHook].join('\n'));
// The dev page's note when opened from disk (src/from-disk.js), last in its hooks: dafu.html is the
// page for that.
writeFileSync(join(stage, 'dafu-hooks.js'), readFileSync(join(stage, 'dafu-hooks.js'), 'utf8') + '\n' + await script('src/from-disk.js'));
writeFileSync(join(stage, 'dafu-read-aloud.js'), readAloud);

// --- The snapshot renderer and the seed's pre-rendered snapshot (issue 13) ----------------------------
// The renderer (crate dafu-render: the components rendered to HTML, leptos' ssr) is a wasm of its own,
// loaded by the dev page the first time "下载网页" or "复制HTML片段" is used; never by readers.
// The dev page and dafu.html carry the seed's snapshot, made by the CLI (`dafu render --fragment`), in
// their [data-dafu-page] element, so the seed shows as fast as a static page and the app mounts over it.
// Cost: a native release build of dafu-cli (a few minutes the first time, seconds after).
function buildRenderer() {
  run('cargo', ['build', '--release', '--offline', '--target', 'wasm32-unknown-unknown', '-p', 'dafu-render']);
  const out = join(target, 'dafu-render-pkg');
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'dafu-render',
    join(target, 'wasm32-unknown-unknown/release/dafu_render.wasm')]);
  run(existsSync(npmWasmOpt) ? npmWasmOpt : 'wasm-opt', ['-Oz', join(out, 'dafu-render_bg.wasm'), '-o', join(out, 'dafu-render.wasm')]);
  const built = { glue: readFileSync(join(out, 'dafu-render.js'), 'utf8'), wasm: readFileSync(join(out, 'dafu-render.wasm')) };
  writeFileSync(join(stage, 'dafu-render.js'), built.glue);
  writeFileSync(join(stage, 'dafu-render.wasm'), built.wasm);

  return built;
}
/** `page` with the seed's snapshot in place of the fallback marked data-dafu-seed-snapshot. */
function withSeedSnapshot(page) {
  run('cargo', ['build', '--release', '--offline', '-p', 'dafu-cli']);
  const fragment = execFileSync(join(target, 'release/dafu'), ['render', join(repo, 'data/seed.reply.json'), '--fragment'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const marker = /<p\b[^>]*\bdata-dafu-seed-snapshot\b[^>]*>[\s\S]*?<\/p>/;
  if (!marker.test(page)) throw new Error('package.mjs: index.html has no fallback marked data-dafu-seed-snapshot');
  return page.replace(marker, () => fragment.trim());
}
/** dafu.html's renderer: inline (file:// allows no fetch), compiled on first use. */
function inlineRenderer({ glue, wasm }) {
  return `<script type="module">\n${glue}\n` +
    `const renderB64 = ${JSON.stringify(wasm.toString('base64'))};\n` +
    `let renderReady = false;\n` +
    `globalThis[Symbol.for('dafu.render')] = async (json, o) => {\n` +
    `  if (!renderReady) { initSync({ module: Uint8Array.from(atob(renderB64), (c) => c.charCodeAt(0)) }); renderReady = true; }\n` +
    `  o = o || {};\n` +
    // A fetched reply is fetched again from its address, as in src/render-hook.js.
    `  if (typeof o.src === 'string') { const r = await fetch(new URL(o.src, document.baseURI).href, { credentials: 'same-origin' }); if (!r.ok) throw new Error('HTTP ' + r.status); json = await r.text(); }\n` +
    `  return render(String(json), !!o.fragment, String(o.lang || 'zh'), !!o.redact);\n};\n</script>\n`;
}
const renderer = buildRenderer();
const seeded = withSeedSnapshot(index);
writeFileSync(join(stage, 'index.html'), seeded);
// --- end of the snapshot renderer's part -------------------------------------------------------------

// --- The collection view (issue 16) -------------------------------------------------------------------
// A wasm of its own (crate dafu-collection: the list, filters, search, totals, and the app's reply view
// for a reply opened from it), loaded by src/collection-hook.js when a page asks for a collection, with
// its stylesheet; never by readers of one reply. Then the demo, dist/collection/: the repository's real
// replies (the seed, the five examples, the corpus) converted by the CLI, the live view's page
// (index.html) and the static index with every reply's snapshot (static.html, replies/ID.html).
// The module as the app's wasm is shrunk (index.html's data-wasm-opt-params: -Oz, then --flatten
// --rereloop -Oz -Oz, 339 -> 335 KiB gz) and its glue minified (62 -> 28 KB): a collection's first show
// waits for both.
async function buildCollection() {
  run('cargo', ['build', '--release', '--offline', '--target', 'wasm32-unknown-unknown', '-p', 'dafu-collection']);
  const out = join(target, 'dafu-collection-pkg');
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'dafu-collection',
    join(target, 'wasm32-unknown-unknown/release/dafu_collection.wasm')]);
  const wasmOpt = existsSync(npmWasmOpt) ? npmWasmOpt : 'wasm-opt';
  run(wasmOpt, ['-Oz', join(out, 'dafu-collection_bg.wasm'), '-o', join(out, 'dafu-collection-oz.wasm')]);
  run(wasmOpt, ['--flatten', '--rereloop', '-Oz', '-Oz', join(out, 'dafu-collection-oz.wasm'), '-o', join(out, 'dafu-collection.wasm')]);
  const files = {
    'dafu-collection.js': await minified(readFileSync(join(out, 'dafu-collection.js'), 'utf8'), true),
    'dafu-collection.wasm': readFileSync(join(out, 'dafu-collection.wasm')),
    'dafu-collection.css': readFileSync(join(repo, 'style/collection.css')),
  };
  mkdirSync(join(stage, 'embed'), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(stage, name), bytes);
    writeFileSync(join(stage, 'embed', name), bytes);
  }
}
function buildCollectionDemo() {
  const input = join(target, 'demo-collection-input');
  rmSync(input, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  cpSync(join(repo, 'data/seed.reply.json'), join(input, 'seed.reply.json'));
  const pick = (dir, test) => readdirSync(join(repo, dir)).filter(test).forEach((f) => cpSync(join(repo, dir, f), join(input, f)));
  pick('tests/fixtures/convert', (f) => /^example_\d+\.txt$/.test(f));
  pick('tests/fixtures/corpus', (f) => /^c\d+\.txt$/.test(f));
  const out = join(stage, 'collection');
  rmSync(out, { recursive: true, force: true });
  const dafu = join(target, 'release/dafu');
  // Exit 1 only means some reply had diagnostics or failed; the report lists them.
  try { execFileSync(dafu, ['convert', input, '--out', out], { cwd: repo, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 }); } catch (e) { if (e.status !== 1) throw e; }
  try { execFileSync(dafu, ['render', '--collection', join(out, 'collection.json'), '--pages', '-o', join(out, 'static.html')], { cwd: repo, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 }); } catch (e) { if (e.status !== 1) throw e; }
  writeFileSync(join(out, 'index.html'), readFileSync(join(repo, 'src/collection.html')));
}
await buildCollection();
buildCollectionDemo();
// dafu.html's stand-in (src/collection-offline.js): no module there, and from file:// no file could be
// read anyway; `?collection=` gets a panel saying so in plain words.
const collectionOffline = await script('src/collection-offline.js');
// --- end of the collection view's part ----------------------------------------------------------------

// The component styles are inline in index.html (trunk `rel="inline"`, minified with the page in
// release builds), in order; the dev page's own page.css is the one linked stylesheet. Release builds
// minify index.html, so attributes may come in any order, quoted or not.
const attr = (tag, name) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
const componentCss = [...index.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
if (!componentCss.includes('.dafu-reply')) throw new Error('package.mjs: index.html has no inline component styles');
const links = [...index.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
const sheets = links.filter((t) => attr(t, 'rel') === 'stylesheet').map((t) => attr(t, 'href').replace(/^\//, ''));
const css = (names) => names.map((n) => readFileSync(join(stage, n), 'utf8')).join('\n');

// embed/: stable names; the loader resolves the others relative to its own URL.
mkdirSync(join(stage, 'embed'), { recursive: true });
// dafu.js: the converter hook, then the loader (one classic script, so both see the same <script>).
writeFileSync(join(stage, 'embed/dafu.js'), convertHook + '\n' + readHook + '\n' + collectionHook + '\n' + await script('src/embed.js'));
writeFileSync(join(stage, 'embed/dafu-core.js'), glue);
writeFileSync(join(stage, 'embed/dafu.wasm'), wasm);
writeFileSync(join(stage, 'embed/dafu.css'), componentCss);
writeFileSync(join(stage, 'embed/dafu-convert.js'), convertGlue);
writeFileSync(join(stage, 'embed/dafu-convert.wasm'), convertWasm);
writeFileSync(join(stage, 'embed/dafu-convert-worker.js'), convertWorker);
writeFileSync(join(stage, 'embed/dafu-read-aloud.js'), readAloud);
writeFileSync(join(stage, 'embed/dafu-read-hook.js'), readHook);

// dafu.html: index.html with every external file inlined. Module scripts and fetch() of files are
// blocked on file://, inline module scripts are not; the glue's exports are harmless there.
const body = seeded
  .replace(/<link\b[^>]*>/g, (t) => (['stylesheet', 'modulepreload', 'preload'].includes(attr(t, 'rel')) ? '' : t))
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
const inline = `<style>\n${css(sheets)}\n</style>\n` +
  // The bar, a classic script: it runs before the module below starts the app.
  `<script>\n${pageBar.replace(/<\/script/gi, '<\\/script')}\n</script>\n<script>\n${collectionOffline.replace(/<\/script/gi, '<\\/script')}\n</script>\n<script type="module">\n${glue}\n` +
  `const b64 = ${JSON.stringify(wasm.toString('base64'))};\n` +
  `const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n` +
  `initSync({ module: bytes });\n</script>\n` +
  // The converter, inline too, compiled on first use (file:// allows neither fetch nor workers).
  `<script type="module">\n${convertGlue}\n` +
  `const convertB64 = ${JSON.stringify(convertWasm.toString('base64'))};\n` +
  `let convertReady = false;\n` +
  `globalThis[Symbol.for('dafu.convert')] = async (text, options) => {\n` +
  `  if (!convertReady) { initSync({ module: Uint8Array.from(atob(convertB64), (c) => c.charCodeAt(0)) }); convertReady = true; }\n` +
  // A string, or a text file's bytes decoded by the module; options as src/convert-hook.js passes them.
  `  return convert(text instanceof Uint8Array || text instanceof ArrayBuffer ? text : String(text), options || {});\n};\n</script>\n` +
  inlineRenderer(renderer) +
  // 朗读's reader, a classic script.
  `<script>\n${readAloud.replace(/<\/script/gi, '<\\/script')}\n</script>\n`;
// Minified HTML drops the optional </head>; the inline assets then go right after the title.
const at = body.includes('</head>') ? '</head>' : '</title>';
if (!body.includes(at)) throw new Error('package.mjs: index.html has neither </head> nor </title>');
writeFileSync(join(stage, 'dafu.html'), body.replace(at, at === '</head>' ? `${inline}</head>` : `</title>${inline}`));

// ---- embed/frame.html: one reply for an <iframe data-dafu-frame>, with no inline script or style
// (src/frame.html, src/frame.js, style/frame.css); it uses embed/'s dafu.css, dafu-core.js, dafu.wasm.
async function writeFrame() {
  writeFileSync(join(stage, 'embed/frame.html'), readFileSync(join(repo, 'src/frame.html')));
  writeFileSync(join(stage, 'embed/frame.js'), await script('src/frame.js', true));
  writeFileSync(join(stage, 'embed/frame.css'), readFileSync(join(repo, 'style/frame.css')));
}

await writeFrame();
// The build-time allow-list (tools/allowed-origins.mjs): DAFU_ALLOWED_ORIGINS="https://a.example …".
const { writeAllowedOrigins } = await import('./allowed-origins.mjs');
writeAllowedOrigins(stage, process.env.DAFU_ALLOWED_ORIGINS ?? '');
