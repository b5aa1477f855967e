/**
 * Firefox for the end-to-end tests: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, headless, with the unpacked Firefox build installed as a temporary add-on. One browser and one
 * fixture server for the whole run (a Firefox launch costs seconds).
 *
 * Firefox has no host-resolver rules: the pref `network.dns.localDomains` resolves the listed host
 * names to 127.0.0.1, but the port stays the URL's, so the fixture server listens on 443 (we run as
 * root, here and in CI).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PAGES_DIR, startFixtureServer, type SeenRequest } from '../e2e/support/server.ts';
import * as probes from '../test/probes.ts';

const OUTPUT = resolve(import.meta.dirname, '..', '.output');
/** Pages of sites that are not among the extension's social sites (a site a user adds). */
export const OWN_PAGES_DIR = resolve(import.meta.dirname, 'fixtures');
export const EXTENSION_ID = '{854d93e2-0571-4eec-9dbe-5e72bf1a0520}';
/** The extension's moz-extension:// host, fixed through a pref so that tests can open its pages. */
export const EXTENSION_UUID = '6f2dbd00-0000-4000-8000-00000000e2e0';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * The Firefox build: $FIREFOX_EXTENSION_DIR, else the test build (what `npm run build:e2e:firefox`
 * makes: the card is `<metoo-context>` with an open root, so tests can read it).
 */
export function firefoxBuildDir(): string {
  if (process.env.FIREFOX_EXTENSION_DIR) return resolve(process.env.FIREFOX_EXTENSION_DIR);
  const dir = join(OUTPUT, 'firefox-mv3-e2e');
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  throw new Error(`No Firefox test build in ${OUTPUT}: run "npm run build:e2e:firefox" first.`);
}

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}: install Debian's (apt-get install -y --no-install-recommends firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

/** Every host name with a fixture folder, bare and with www., all resolved to the fixture server. */
export function fixtureHosts(): string[] {
  const hosts = [PAGES_DIR, OWN_PAGES_DIR].flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );
  return [...new Set(hosts.flatMap((host) => [host, `www.${host}`]))].sort();
}

export interface Firefox {
  browser: Browser;
  server: Server;
  requests: SeenRequest[];
  extensionId: string;
}

let shared: Promise<Firefox> | undefined;

/** The one browser of this process, launched on first use. */
export function firefox(): Promise<Firefox> {
  shared ??= launch();
  return shared;
}

async function launch(): Promise<Firefox> {
  const extensionDir = firefoxBuildDir();
  const { server, requests } = await startFixtureServer(443).catch((error: unknown) => {
    throw new Error(
      `The fixture server could not listen on port 443 (Firefox maps host names, not ports): ${String(error)}`,
    );
  });
  serveOwnPages(server);
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 900 },
      // WebDriver BiDi navigates to http(s), file, blob and about:blank only; the extension's own
      // pages (moz-extension://) need this flag (Firefox's isWebdriverSafeNavigationURL).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.localDomains': fixtureHosts().join(','),
        'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
        // Nothing of Firefox's own should wander off to the network during a test run.
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        'browser.safebrowsing.update.enabled': false,
        'ui.prefersReducedMotion': 0,
        // permissions.request() grants optional permissions without its doorhanger (automation only).
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    const extensionId = await browser.installExtension(extensionDir);
    return { browser, server, requests, extensionId };
  } catch (error) {
    server.close();
    throw error;
  }
}

/** Serves e2e-firefox/fixtures/<host>/ before the shared fixture server's own pages. */
function serveOwnPages(server: Server): void {
  const [fixtures] = server.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  if (!fixtures) throw new Error('the fixture server has no request handler');
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(request.url ?? '/', 'https://fixture').pathname;
    const file = join(OWN_PAGES_DIR, host, path.endsWith('/') ? `${path}index.html` : path);
    if (host && file.startsWith(OWN_PAGES_DIR) && existsSync(file)) {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(readFileSync(file));
      return;
    }
    fixtures(request, response);
  });
}

/** Closes the shared browser and server, if this process started them. */
export async function closeFirefox(): Promise<void> {
  const started = shared;
  shared = undefined;
  if (!started) return;
  const { browser, server } = await started;
  await browser.close();
  server.close();
}

/**
 * A new tab (or, with `window`, a tab in a window of its own, so that the tab it would cover stays
 * visible) with console errors and uncaught page errors collected.
 */
export async function newPage(
  options: { window?: boolean } = {},
): Promise<{ page: Page; consoleErrors: string[] }> {
  const { browser } = await firefox();
  const page = await browser.newPage(options.window ? { type: 'window' } : undefined);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { page, consoleErrors };
}

/**
 * Opens one of the extension's pages (`/options.html`) in a tab. The page loads, but Firefox's
 * WebDriver BiDi reports no navigation events for moz-extension:// documents (they live in the
 * extension process), so `page.goto` would wait for its timeout: ask, then watch the document.
 */
export async function gotoExtensionPage(page: Page, path: string): Promise<void> {
  const url = `${EXTENSION_ORIGIN}${path}`;
  void page.goto(url).catch(() => {});
  const ready = await poll(
    () =>
      page
        .evaluate(() => `${document.readyState} ${location.href}`)
        .catch((error: unknown) => String(error)),
    (state) => state === `complete ${url}`,
    10_000,
  );
  if (ready !== `complete ${url}`) throw new Error(`${url} did not load: ${ready}`);
}

/** The text of every range in the `metoo-mention` highlight, in the page's own world. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(probes.highlightedTexts);
}

const sorted = (texts: readonly string[]) => [...texts].sort();

/** Waits until the highlight holds exactly these texts (order-insensitive); returns what it held. */
export async function waitForHighlights(
  page: Page,
  expected: readonly string[],
  timeout = 5_000,
): Promise<string[]> {
  const want = JSON.stringify(sorted(expected));
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = sorted(await highlightedTexts(page));
    if (JSON.stringify(seen) === want || Date.now() > deadline) return seen;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Where a page stands, for failure messages: its URL, load state and visibility. */
export function pageState(page: Page): Promise<string> {
  return page
    .evaluate(() => `${location.href} ${document.readyState} ${document.visibilityState}`)
    .catch((error: unknown) => `unknown (${String(error)})`);
}

/** The centre of the first box of the n-th highlighted range, in document order. */
export function mentionPoint(page: Page, index = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(probes.mentionPoint, index);
}

/** The card's dialog as the page shows it: null while no card is shown. */
export function openCard(page: Page): Promise<{ name: string; text: string } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('metoo-context');
    const dialog = host?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog || dialog.hidden || !dialog.checkVisibility({ visibilityProperty: true })) {
      return null;
    }
    const box = dialog.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    const labelledBy = dialog.getAttribute('aria-labelledby') ?? '';
    const name =
      dialog.getAttribute('aria-label') ??
      labelledBy
        .split(/\s+/)
        .map((id) => host?.shadowRoot?.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    return { name, text: dialog.textContent ?? '' };
  });
}

/** Polls `probe` until `done` holds or the time is up; returns the last value seen. */
export async function poll<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/**
 * Requests the extension made itself: a moz-extension:// origin or referrer (its own pages and
 * background), or a script's request (fetch, XHR, beacon: `Sec-Fetch-Dest: empty`), which no fixture
 * page makes, so a content script's would be one (those carry the page as referrer).
 */
export function extensionRequests(requests: readonly SeenRequest[]): SeenRequest[] {
  return requests.filter(
    (request) =>
      [request.origin, request.referer].some((value) => value.startsWith('moz-extension://')) ||
      request.dest === 'empty',
  );
}
