// The one static server and browser launcher of the end-to-end specs and the benchmark: dist/ and the
// repository's fixtures on a free port of 127.0.0.1, with fault routes; Debian's headless Chromium with
// the flags this closed network needs.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const faults = { flaky: 0 };
const made = new Map();
/** Builds a reply body once per server process (the gzip bomb, the dense replies). */
const once = async (key, make) => {
  if (!made.has(key)) made.set(key, await make());
  return made.get(key);
};

/** 48 MiB of spaces, gzipped to about 48 KB: under the size limit on the wire, far over it inflated. */
export const BOMB_BYTES = 48 * 1024 * 1024;

/** Network faults for `?src=/fault/…`: each route misbehaves in one way real servers do. */
async function fault(name, req, res) {
  const small = readFileSync(join(root, 'tests/fixtures/e2e/small.reply.json'));
  switch (name) {
    case '500': res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'); break;
    case 'html': res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>请先登录</body></html>'); break;
    case 'status-text': res.writeHead(404, 'Call 400-123-4567 for your refund', { 'content-type': 'text/plain' }).end('not found'); break;
    case 'html-type': res.writeHead(200, { 'content-type': 'text/html; call=400-123-4567' }).end('<html><body>请拨打400-123-4567</body></html>'); break;
    case 'html-as-json': res.writeHead(200, { 'content-type': 'application/json' }).end('<html><body>维护中</body></html>'); break;
    case 'huge': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(25 * 1024 * 1024) });
      res.end(Buffer.alloc(25 * 1024 * 1024, 32));
      break;
    }
    case 'gzip-bomb': {
      const body = await once('bomb', () => gzipSync(Buffer.alloc(BOMB_BYTES, 32), { level: 9 }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) });
      res.end(body);
      break;
    }
    case 'never': req.on('close', () => res.destroy()); break;
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 300);
      req.on('close', () => clearInterval(timer));
      break;
    }
    case 'flaky': {
      faults.flaky += 1;
      if (faults.flaky % 2 === 1) res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(small);
      break;
    }
    default: res.writeHead(404).end();
  }
}

/** Where a request path is served from: the repository's examples, data and tests, else dist/. */
function baseOf(path) {
  if (path.startsWith('/fixtures/')) return join(root, 'tests');
  if (path.startsWith('/bench/')) return join(root, 'target');
  if (/^\/(examples|data|tests)\//.test(path)) return root;
  return join(root, 'dist');
}

/**
 * Serves dist/ at / (so /embed/ is dist/embed/), tests/fixtures/ at /fixtures/, the benchmark's
 * generated replies (target/bench/) at /bench/, the dense replies of tests/hostile/dense.mjs at
 * /dense/<shape>.reply.json, and the repository's
 * examples/, data/ and tests/ at their own paths, on a free port of 127.0.0.1. `headers` are added to
 * every HTML response (a Content-Security-Policy, say). `/cors/<path>` serves `<path>` with
 * `Access-Control-Allow-Origin: *`; two servers are two origins.
 */
export async function serve({ headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // /cors/<path>: <path>, readable from any origin (a foreign reply, for the origin tests).
    const cors = path.startsWith('/cors/') ? { 'access-control-allow-origin': '*' } : {};
    if (cors['access-control-allow-origin']) path = path.slice(5);
    if (path.startsWith('/fault/')) {
      await fault(path.slice(7), req, res);
      return;
    }
    // /redirect?to=URL: an open redirect, as some sites have (the origin tests).
    if (path === '/redirect') {
      const to = new URL(req.url, 'http://x').searchParams.get('to') ?? '/';
      res.writeHead(302, { location: to, ...cors }).end();
      return;
    }
    const shape = /^\/dense\/(\w+)\.reply\.json$/.exec(path)?.[1];
    if (shape) {
      const { dense } = await import('./hostile/dense.mjs');
      if (!Object.hasOwn(dense, shape)) {
        res.writeHead(404).end();
        return;
      }
      const body = await once(shape, () => Buffer.from(JSON.stringify(dense[shape]())));
      res.writeHead(200, { 'content-type': types['.json'], 'content-length': String(body.length) }).end(body);
      return;
    }
    const base = baseOf(path);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = types[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, ...cors, ...(type.startsWith('text/html') ? headers : {}) }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Flags Chromium needs as root on a machine with a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Debian Chromium; `extra` adds flags (the benchmark exposes `gc`). */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...chromiumArgs, ...extra],
    headless: true,
  });
}

