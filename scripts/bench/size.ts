/**
 * size.longTasks and size.longestTaskMs: the main thread while the extension reads the size pages
 * of e2e/size.spec.ts (100,000 mentions; one 10 MB text node), from the first highlight until the
 * read and the cap's ranking are over, then through a full second read (a settings change). From a
 * trace of the page's renderer (trace.ts): a task counts when script or rendering fill more than
 * 50 ms of its CPU time besides the garbage collector. The same pages under bench.test, where the
 * extension does not run, have none after their load (checked once per page, printed).
 *
 * These were assertions in the end-to-end suite; there the trace of a busy two-core machine now and
 * then showed one ~100 ms task inside a single DOM call of ours (a TreeWalker's creation, with no
 * event beneath it in the trace): a cost of the page's heap that lands on whoever allocates. A
 * figure with its spread says that honestly; a test that fails one run in three does not.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import {
  type Bench,
  type Figures,
  highlightCount,
  round,
  serviceWorker,
  useSettings,
} from './common.ts';
import { fmt, spread, withSpread } from './stats.ts';
import { MainThreadTrace } from './trace.ts';

const SAMPLES = 3;
/** Each page, and the mentions it holds before and after the related tags are turned on. */
const PAGES = {
  Many: { file: 'many.html', count: 100_000 },
  TextNode: { file: 'text-10mb.html', count: 10_000 },
} as const;

/** Waits until the badge's title gives this count: the whole page has been read. */
async function waitForCount(worker: Worker, url: string, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const title = await worker.evaluate(async (wanted) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === wanted);
      return tab?.id === undefined ? '' : chrome.action.getTitle({ tabId: tab.id });
    }, url);
    if (title.includes(`${count} mentions`)) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`${url}: the badge never said ${count} mentions`);
}

/**
 * The page's own change, timed in its world: an element added to the body and taken out again, ten
 * at a time (the page's clock ticks in 0.1 ms), the median of five batches, in ms a change. Chromium
 * looks at every live Range of a document on each removal from it: the store's ranges are static so
 * that the page does not pay for the extension's mentions here (content/mentions.ts).
 */
function pageChangeMs(): number {
  const batches: number[] = [];
  for (let batch = 0; batch < 5; batch++) {
    const start = performance.now();
    for (let i = 0; i < 10; i++) {
      const probe = document.createElement('div');
      document.body.append(probe);
      probe.remove();
    }
    batches.push((performance.now() - start) / 10);
  }
  batches.sort((a, b) => a - b);
  return batches[2] ?? Number.NaN;
}

async function openAfterLoad(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => 'ownWorkDone' in window, null, { timeout: 120_000 });
}

/** The script or rendering long tasks (CPU ms) while `work` runs and for `settleMs` after it. */
async function tracedTasks(
  context: BrowserContext,
  page: Page,
  work: () => Promise<unknown>,
  settleMs: number,
): Promise<number[]> {
  const trace = await MainThreadTrace.start(context, page);
  await work();
  await page.waitForTimeout(settleMs);
  return (await trace.longTasks()).tasks;
}

/** One sample: the first read from its first highlight, then a second read. */
async function sample(
  bench: Bench,
  worker: Worker,
  { file, count }: { file: string; count: number },
): Promise<{ tasks: number[]; changeMs: number }> {
  await useSettings(worker, { highlightStyle: 'background' });
  const page = await bench.context.newPage();
  const url = `https://x.com/size/${file}`;
  try {
    await openAfterLoad(page, url);
    await page.waitForFunction(() => (CSS.highlights.get('metoo-mention')?.size ?? 0) > 0, null, {
      timeout: 120_000,
      polling: 50,
    });
    const first = await tracedTasks(
      bench.context,
      page,
      () => waitForCount(worker, url, count),
      1_000,
    );
    const before = await highlightCount(page);
    const changeMs = await page.evaluate(pageChangeMs);
    const again = await tracedTasks(
      bench.context,
      page,
      async () => {
        await useSettings(worker, { highlightStyle: 'background', related: true });
        await waitForCount(worker, url, count + 1);
      },
      1_500,
    );
    if (before === 0) throw new Error(`${file}: nothing highlighted`);
    return { tasks: [...first, ...again], changeMs };
  } finally {
    await page.close();
    await useSettings(worker, {});
  }
}

/** The page alone (bench.test: the extension does not run there) has no long task after its load. */
async function pageAlone(
  bench: Bench,
  file: string,
): Promise<{ tasks: number[]; changeMs: number }> {
  const page = await bench.context.newPage();
  try {
    await openAfterLoad(page, `https://bench.test/size/${file}`);
    const tasks = await tracedTasks(bench.context, page, async () => {}, 2_000);
    return { tasks, changeMs: await page.evaluate(pageChangeMs) };
  } finally {
    await page.close();
  }
}

export async function measureSize(bench: Bench): Promise<Figures> {
  console.log('• size: the main thread on 100,000 mentions and one 10 MB text node');
  const worker = await serviceWorker(bench.context);
  const counts: number[] = [];
  const longest: number[] = [];
  const figures: Figures = {};
  for (const [name, page] of Object.entries(PAGES)) {
    const file = page.file;
    const alone = await pageAlone(bench, file);
    const samples: { tasks: number[]; changeMs: number }[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await sample(bench, worker, page));
    const pageCounts = samples.map(({ tasks }) => tasks.length);
    const pageLongest = samples.map(({ tasks }) => Math.max(0, ...tasks));
    const changeMs = spread(samples.map((s) => s.changeMs));
    counts.push(...pageCounts);
    longest.push(...pageLongest);
    figures[`longTasks${name}`] = Math.max(...pageCounts);
    figures[`pageAloneLongTasks${name}`] = alone.tasks.length;
    Object.assign(figures, withSpread(`pageChangeMs${name}`, changeMs, 3));
    figures[`pageAloneChangeMs${name}`] = round(alone.changeMs, 3);
    console.log(
      `  ${file}: long tasks per sample ${pageCounts.join(', ')}; longest ${fmt(spread(pageLongest), 0)} ms; page alone ${alone.tasks.length}`,
    );
    console.log(
      `  ${file}: the page's own change (add and remove an element) ${fmt(changeMs, 3)} ms; page alone ${round(alone.changeMs, 3)} ms`,
    );
  }
  return {
    ...withSpread('longTasks', spread(counts), 0),
    ...withSpread('longestTaskMs', spread(longest), 0),
    ...figures,
  };
}
