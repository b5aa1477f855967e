/** What the bench's measures share: paths, statistics, the generated pages and page helpers. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import * as probes from '../../test/probes.ts';
import type { PostNode, Timeline } from './timeline.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const OUT = join(ROOT, '.output', 'bench');
export const PAGES = join(OUT, 'pages');
export const RESULTS = join(ROOT, 'bench-results.json');
export const POSTS = 5000;
export const APPEND = 50;
export const RUNS = 7;

const PAGE_BUILDER = 'timeline-page.js';

export type Figures = Record<string, number>;
export type Results = Record<string, Figures>;

/** What every page measure receives: the browser with the extension and the generated pages. */
export interface Bench {
  context: BrowserContext;
  /** The scanner's full read, bundled for a page (scan-entry.ts). */
  scanBundle: string;
  /** mark.js's browser build, the reference scanner. */
  markjs: string;
  timeline: Timeline;
  /** The posts appended onto the timeline. */
  extra: Timeline;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/**
 * A page holding `posts`, built by the page's own script, as single-page apps do; then the scripts
 * named in `after` (files beside this one) run.
 */
export function timelinePage(posts: PostNode[], after: string[] = []): string {
  const data = JSON.stringify(posts).replace(/</g, '\\u003c');
  const builder = [PAGE_BUILDER, ...after]
    .map((name) => readFileSync(join(import.meta.dirname, name), 'utf8'))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timeline</title>
<style>body{font:15px/1.4 sans-serif;margin:0}main{max-width:600px;margin:0 auto}
article,.status,.update-components-text,[slot]{border-bottom:1px solid #ddd;padding:8px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
img.emoji{width:1em;height:1em}</style></head>
<body><main id="timeline"></main><script type="application/json" id="posts">${data}</script>
<script>${builder}</script></body></html>`;
}

export function writePage(host: string, name: string, html: string): void {
  mkdirSync(join(PAGES, host), { recursive: true });
  writeFileSync(join(PAGES, host, name), html);
}

export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(probes.highlightCount);
}

/** The highlight's size once it has stopped changing for half a second. */
export async function settledCount(page: Page, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = await highlightCount(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= 500) {
      return now;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('the highlight never settled');
}

/**
 * Appends posts and measures, in the page, the time until their mentions are highlighted. Each
 * append starts just after a frame: otherwise, whether the page's own next frame (~20 ms to render
 * 5,000 posts, ~5 ms for none) falls inside the measure is a coin toss, and the figure measures the
 * page instead of the extension.
 */
export function appendAndTime(page: Page, posts: PostNode[], expected: number): Promise<number> {
  return page.evaluate(
    async ({ posts, expected }) => {
      await new Promise((afterFrame) => {
        requestAnimationFrame(() => setTimeout(afterFrame, 0));
        setTimeout(afterFrame, 100); // a hidden tab draws no frame
      });
      return new Promise<number>((resolveTime) => {
        const size = () => CSS.highlights.get('metoo-mention')?.size ?? 0;
        const target = size() + expected;
        const start = performance.now();
        const holder = document.createElement('div');
        holder.className = 'appended';
        (window as unknown as { buildPosts(p: unknown[], parent: Element): void }).buildPosts(
          posts,
          holder,
        );
        document.getElementById('timeline')?.appendChild(holder);
        const check = () => {
          if (size() >= target) resolveTime(performance.now() - start);
          else setTimeout(check, 0);
        };
        check();
      });
    },
    { posts, expected },
  );
}

/**
 * Removes the posts `appendAndTime` appended and waits until their highlights have gone, so that the
 * next append counts from the page's own mentions: a page that keeps changing has its changes read
 * in batches up to 100 ms apart (`BATCH_GAP_MS`), more in a hidden tab.
 */
export async function removeAppended(page: Page, highlighted: number): Promise<void> {
  await page.evaluate(() => document.querySelector('.appended')?.remove());
  await page.waitForFunction(
    (count) => (CSS.highlights.get('metoo-mention')?.size ?? 0) <= count,
    highlighted,
    { timeout: 10_000 },
  );
}

/** The extension's service worker, which the bench uses to change settings and send messages. */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [worker] = context.serviceWorkers();
  return worker ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

/** Stores settings as the settings page does (defaults for what is left out). */
export function useSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  return worker.evaluate(
    (values) => chrome.storage.sync.set({ settings: { version: 1, ...values } }),
    settings,
  );
}
