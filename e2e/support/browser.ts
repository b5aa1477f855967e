/**
 * Debian's Chromium with the built extension loaded, one browser per worker (a launch costs ~2 s).
 * Every host name resolves to the fixture server, so the content script's real matches apply.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: install Debian's (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export async function launchWithExtension(
  port: number,
  options: {
    extension?: boolean;
    colorScheme?: 'light' | 'dark';
    headless?: boolean;
    /** The browser's interface language, e.g. `fr`. */
    lang?: string;
  } = {},
): Promise<BrowserContext> {
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'metoo-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } }
      : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(withExtension
        ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
        : []),
    ],
  });
}

/** The extension's id: the host of its service worker's URL. */
export async function extensionId(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  return new URL(worker.url()).host;
}
