// Shared by the end-to-end specs: pages that record their errors, and a server and browser per spec
// file (both from tests/server.mjs, which the benchmark uses too).
import { before, after } from 'node:test';
import { serve, launch } from '../server.mjs';

export { serve, launch, chromiumArgs } from '../server.mjs';

/**
 * Opens a page that records console errors and uncaught exceptions, so a spec can assert there were none.
 */
export async function open(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/**
 * Opens `url` and waits until dafu has rendered `selector`; a timeout names the console errors seen.
 * The default waits for the live view: the dev page first shows the seed's snapshot, which has a title too.
 */
export async function openApp(browser, url, selector = '.dafu-header__title:not([data-dafu-snapshot] *), .dafu-error') {
  const opened = await open(browser, url);
  try {
    await opened.page.waitForSelector(selector, { timeout: 15000 });
  } catch (e) {
    const html = await opened.page.evaluate(() => document.body?.innerHTML?.slice(0, 500)).catch(() => '');
    throw new Error(`${e.message}\nconsole errors: ${JSON.stringify(opened.errors)}\nbody: ${html}`);
  }
  return opened;
}

/**
 * Starts a server and a browser before a spec file's tests and stops them after; returns an object
 * whose `server` and `browser` are set once started.
 */
export function setup(options) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
