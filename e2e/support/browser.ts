/**
 * Debian's Chromium with the built extension loaded, one browser per worker (a launch costs ~2 s).
 * Every host name resolves to the fixture server, so the content script's real matches apply.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

const OUTPUT = resolve(import.meta.dirname, '..', '..', '.output');
/** The test build (`npm run build:e2e`): the card is `<metoo-context>` with an open root, readable. */
export const EXTENSION_DIR = join(OUTPUT, 'chrome-mv3-e2e');
/** The store build (`npm run build`): what the attack suite (e2e/attack.spec.ts) attacks. */
export const STORE_EXTENSION_DIR = join(OUTPUT, 'chrome-mv3');

function buildCommand(dir: string): string {
  return dir === STORE_EXTENSION_DIR ? 'npm run build' : 'npm run build:e2e';
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: install Debian's (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** Flags for a quiet test browser whose every host name resolves to the fixture server. */
function quietFlags(port: number): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
  ];
}

export async function launchWithExtension(
  port: number,
  options: {
    extension?: boolean;
    colorScheme?: 'light' | 'dark';
    headless?: boolean;
    /** The browser's interface language, e.g. `fr`. */
    lang?: string;
    /** Which build: the test build unless told. */
    extensionDir?: string;
  } = {},
): Promise<BrowserContext> {
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run "${buildCommand(extensionDir)}" first.`);
  }
  const userDataDir = newProfileDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } }
      : {}),
    args: [
      ...quietFlags(port),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
    ],
  });
  if (withExtension) await closeWelcome(context);
  return context;
}

/** This process's browser profiles: one temporary folder, removed as the process ends. */
let profilesDir: string | null = null;

/**
 * A new browser profile. Each is a few megabytes, which left behind would fill the temporary
 * folder run after run; they go together when the process ends, once every browser has closed and
 * written its last files (Chromium still writes for a moment after its close resolves).
 */
function newProfileDir(): string {
  if (profilesDir === null) {
    const dir = mkdtempSync(join(tmpdir(), 'metoo-browsers-'));
    process.once('exit', () => {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      } catch (error) {
        console.warn(`Could not remove the browser profiles in ${dir}: ${String(error)}`);
      }
    });
    profilesDir = dir;
  }
  return mkdtempSync(join(profilesDir, 'profile-'));
}

/**
 * A fresh profile is a fresh install, and the install opens the welcome tab in front. A page a test
 * opens while it is still opening can end up behind it, where Chromium draws a frame a second
 * (Playwright's focus emulation still reports the page visible): hover dwells and grace periods then
 * take seconds. The welcome page has its own suite (e2e/welcome.spec.ts); here it is closed first.
 */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      return;
    }
    if (Date.now() > deadline) throw new Error('the fresh install opened no welcome page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The extension's id: the host of its service worker's URL. */
export async function extensionId(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  return new URL(worker.url()).host;
}

/** A Chromium running without the extension, which a test installs while pages are open. */
export interface BrowserBeforeInstall {
  context: BrowserContext;
  /** The process group of the browser and its helpers. */
  processGroup: number;
  /** The browser's profile folder. */
  userDataDir: string;
  /** Installs the built extension, as a user would from the store; returns its id. */
  install(): Promise<string>;
  /**
   * Clicks the extension's toolbar button on the tab at `url`, as a reader would: the browser opens
   * the popup and grants the extension activeTab on that tab (DevTools' `Extensions.triggerAction`).
   */
  clickToolbarButton(extensionId: string, url: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with no extension and a DevTools port, and connects to its default profile; the
 * extension is installed later through the DevTools protocol (`Extensions.loadUnpacked`), the one
 * way to install into a running browser without its interface.
 */
export async function launchBeforeInstall(port: number): Promise<BrowserBeforeInstall> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run "${buildCommand(EXTENSION_DIR)}" first.`);
  }
  const userDataDir = newProfileDir();
  const child = spawn(
    chromiumPath(),
    [
      '--headless',
      ...quietFlags(port),
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
      '--window-size=1280,900',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    // Its own process group, so that its helpers can be waited for (endBrowser).
    { stdio: 'ignore', detached: true },
  );
  const closed = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const portFile = join(userDataDir, 'DevToolsActivePort');
    const deadline = Date.now() + 20_000;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error('Chromium did not open its DevTools port');
      await new Promise((wait) => setTimeout(wait, 100));
    }
    const devtoolsPort = readFileSync(portFile, 'utf8').split('\n')[0];
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${devtoolsPort}`);
    const [context] = browser.contexts();
    if (!context) throw new Error('Chromium has no default profile to connect to');
    return {
      context,
      processGroup: child.pid as number,
      userDataDir,
      async install() {
        const session = await browser.newBrowserCDPSession();
        const { id } = (await session.send(
          'Extensions.loadUnpacked' as never,
          {
            path: EXTENSION_DIR,
          } as never,
        )) as { id: string };
        await session.detach();
        return id;
      },
      async clickToolbarButton(extensionId, url) {
        const session = await browser.newBrowserCDPSession();
        try {
          // The action takes a tab target, which only an unfiltered listing shows.
          const { targetInfos } = (await session.send(
            'Target.getTargets' as never,
            {
              filter: [{}],
            } as never,
          )) as { targetInfos: { type: string; url: string; targetId: string }[] };
          const tab = targetInfos.find((target) => target.type === 'tab' && target.url === url);
          if (!tab) throw new Error(`No tab at ${url}`);
          await session.send(
            'Extensions.triggerAction' as never,
            {
              id: extensionId,
              targetId: tab.targetId,
            } as never,
          );
        } finally {
          await session.detach();
        }
      },
      async close() {
        // Asked to close, Chromium takes away the folder it keeps in the system's temporary folder
        // (its singleton socket's, org.chromium.Chromium.*); ended by a signal, it leaves it there.
        await browser
          .newBrowserCDPSession()
          .then((session) => session.send('Browser.close'))
          .catch(() => {});
        await Promise.race([closed, new Promise((wait) => setTimeout(wait, 5_000))]);
        await browser.close().catch(() => {});
        await endBrowser(child, closed);
      },
    };
  } catch (error) {
    await endBrowser(child, closed);
    throw error;
  }
}

/**
 * Ends a Chromium spawned in its own process group, and waits for the whole group: its helpers (the
 * network and storage services) outlive the browser's own process for a moment and still write into
 * the profile. Once in ten CI runs with a busy core, they still wrote when the process's profiles
 * were removed at its exit, which then failed (ENOTEMPTY) and left the folder behind.
 */
async function endBrowser(child: ChildProcess, closed: Promise<void>): Promise<void> {
  child.kill();
  await closed;
  const group = child.pid;
  if (group === undefined) return;
  const deadline = Date.now() + 10_000;
  while (groupRunning(group)) {
    if (Date.now() > deadline) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // the group ended meanwhile
      }
      break;
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/** Whether a process of the group still runs (Linux's /proc; an exited process not yet reaped does not). */
export function groupRunning(group: number): boolean {
  if (!existsSync('/proc')) return false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (name) state ppid pgrp …": the name may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') return true;
  }
  return false;
}
