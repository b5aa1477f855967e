/**
 * Size: pages far beyond what the sites serve, built by their own scripts (fixtures/pages/x.com/size):
 * one 10 MB text node, 10,000 nested elements, 100,000 mentions.
 *
 * Responsiveness is read from a trace of the page's renderer: the main thread's tasks and the CPU
 * time each took (`tdur`), which the shared two-core machine does not stretch the way it stretches
 * wall time (long-task entries there come and go with the load). The same page under size.test,
 * where the extension does not run, has no task over 50 ms once its own load work is over, so on
 * x.com such a task is ours when script or rendering fill more than 50 ms of it besides the garbage
 * collector. The extension's slices run as yield continuations and microtasks, in tasks Chromium
 * names `RunTask` as often as `ThreadControllerImpl::RunTask`: both are read (with 120 ms slices
 * instead of 8, the 100,000-mention test fails; reading only the latter, it passed).
 *
 * Measured: from the first highlight on, the rest of the first read and the cap's ranking; then a
 * full second read (a settings change). Not measured: scrolling and the card's opening and closing
 * (the pointer's move alone costs Chromium 0.7 s of hover work on the deep page) and the one restyle of
 * the whole page that Chromium runs when the highlight's stylesheet is adopted, before the first
 * highlight (0.3 s on the 100,000-mention page, 1 s on the deep one).
 * The highlight style is `background`: with a text decoration, Chromium recomputes ink overflow over
 * the whole page on each frame the highlight changes (50–130 ms a frame on these pages).
 */
import { basename, join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { MAX_RANGES } from '../content/mentions';
import {
  cardDialog,
  expect,
  expectHighlights,
  mentionPoint,
  resetSettings,
  tabIdOf,
  test,
} from './support/fixtures';

const SIZE_PAGES = resolve(import.meta.dirname, 'fixtures', 'pages', 'x.com', 'size');
/** A task longer than this blocks input noticeably: the Long Tasks API's threshold. */
const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url: string; processId: number }[] } };
}

/** Records the page renderer's main-thread tasks from now until `stop()`. */
class MainThreadTrace {
  private readonly events: TraceEvent[] = [];
  private readonly session: CDPSession;
  private readonly page: Page;

  private constructor(session: CDPSession, page: Page) {
    this.session = session;
    this.page = page;
    session.on('Tracing.dataCollected', ({ value }) => {
      this.events.push(...(value as unknown as TraceEvent[]));
    });
  }

  static async start(context: BrowserContext, page: Page): Promise<MainThreadTrace> {
    const trace = new MainThreadTrace(await context.newCDPSession(page), page);
    await trace.session.send('Tracing.start', {
      categories: 'toplevel,disabled-by-default-devtools.timeline,devtools.timeline,v8',
      transferMode: 'ReportEvents',
    });
    return trace;
  }

  /**
   * Stops, and returns the CPU time of every task over the threshold, in whole milliseconds, by
   * what filled it: over 50 ms of script or rendering besides the collector (what the extension
   * can cause: these fail the test); mostly the garbage collector (a major GC of a page with
   * 400,000 nodes pauses ~100 ms whoever allocated, often inside a microtask of ours); and neither
   * (work the trace does not show, seen now and then under load). The last two are reported, not
   * failed.
   */
  async longTasks(): Promise<{ tasks: number[]; collections: number[]; unattributed: number[] }> {
    const complete = new Promise((resolve) =>
      this.session.once('Tracing.tracingComplete', resolve),
    );
    await this.session.send('Tracing.end');
    await complete;
    await this.session.detach();
    const url = this.page.url();
    const frames = this.events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data
      ?.frames;
    const pid = frames?.find((frame) => frame.url === url)?.processId;
    const main = this.events.find(
      (e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
    );
    if (!main) throw new Error(`no renderer main thread for ${url} in the trace`);
    const onMain = this.events.filter(
      (e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid,
    );
    const within = (outer: TraceEvent, inner: TraceEvent) =>
      inner !== outer && inner.ts >= outer.ts && inner.ts < outer.ts + (outer.dur ?? 0);
    // Tasks show as either event; a scheduler task usually wraps one plain one. Top level only.
    const runs = onMain.filter((e) => TASK_EVENTS.has(e.name));
    const cpuOf = (events: TraceEvent[]) => {
      const top = events.filter((e) => !events.some((other) => within(other, e)));
      return top.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
    };
    const tasks: number[] = [];
    const collections: number[] = [];
    const unattributed: number[] = [];
    for (const task of runs) {
      const cpu = (task.tdur ?? 0) / 1000;
      if (cpu <= LONG_TASK_MS || runs.some((outer) => within(outer, task))) continue;
      // A task that runs a nested loop (a pause of the IPC channel) holds other tasks: not one task.
      if (runs.filter((inner) => within(task, inner)).length > 1) continue;
      const inside = onMain.filter((e) => within(task, e));
      const gc = cpuOf(inside.filter((e) => GC_EVENTS.has(e.name)));
      // Script and rendering, less the collector's pauses that fell inside them.
      const work =
        cpuOf(inside.filter((e) => SCRIPT_EVENTS.has(e.name) || RENDER_EVENTS.has(e.name))) - gc;
      const bucket = work > LONG_TASK_MS ? tasks : gc > cpu / 2 ? collections : unattributed;
      bucket.push(Math.round(cpu));
    }
    return { tasks, collections, unattributed };
  }
}

/** A task on the renderer's main thread. */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
/** Script running: the extension's slices are yield continuations and microtasks; timers, frames, events. */
const SCRIPT_EVENTS = new Set([
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'RunMicrotasks',
  'RunYieldContinuation',
  'v8.callFunction',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'v8.run',
  'v8.compile',
]);
/** Rendering: what a highlight change or a forced layout costs. */
const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'UpdateLayer',
  'IntersectionObserverController::computeIntersections',
]);
/** The garbage collector's top-level trace events. */
const GC_EVENTS = new Set(['MajorGC', 'MinorGC', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC']);

/** Fails on any long task of script or rendering; notes the others in the report. */
async function expectNoLongTask(trace: MainThreadTrace, what: string): Promise<void> {
  const { tasks, collections, unattributed } = await trace.longTasks();
  if (collections.length > 0)
    test.info().annotations.push({
      type: 'gc pauses (ms of CPU)',
      description: `${what}: ${collections.join(', ')}`,
    });
  if (unattributed.length > 0)
    test.info().annotations.push({
      type: 'long tasks with no script or rendering in the trace (ms of CPU)',
      description: `${what}: ${unattributed.join(', ')}`,
    });
  expect(tasks, `long tasks ${what}`).toEqual([]);
}

/** Opens a size page and waits for the end of its own load work: its load event and two frames. */
async function openAfterLoad(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 60_000 });
  await page.waitForFunction(() => 'ownWorkDone' in window, null, { timeout: 60_000 });
}

/** The page under size.test, where the extension does not run, has no long task after its load. */
async function expectQuietWithoutExtension(context: BrowserContext, file: string): Promise<void> {
  const page = await context.newPage();
  await page.route('https://size.test/size/**', (route) =>
    route.fulfill({ path: join(SIZE_PAGES, basename(new URL(route.request().url()).pathname)) }),
  );
  await openAfterLoad(page, `https://size.test/size/${file}`);
  const trace = await MainThreadTrace.start(context, page);
  await page.waitForTimeout(2_000);
  const quiet = await trace.longTasks();
  expect(
    { tasks: quiet.tasks, collections: quiet.collections },
    'the page’s own long tasks after its load',
  ).toEqual({ tasks: [], collections: [] });
  expect(await highlightCount(page)).toBe(0);
  await page.close();
}

/** Opens a size page on x.com and waits for its first highlighted mention. */
async function openAndStart(page: Page, url: string): Promise<void> {
  await openAfterLoad(page, url);
  await expect.poll(() => highlightCount(page), { timeout: 60_000 }).toBeGreaterThan(0);
}

function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('metoo-mention')?.size ?? 0);
}

/**
 * How many highlighted ranges start in the viewport. Measured by the text positions at its top and
 * bottom: a range's own boxes in a 10 MB text node cost a walk over all its lines each.
 */
function highlightedInViewport(page: Page): Promise<number> {
  return page.evaluate(() => {
    const top = document.caretPositionFromPoint(innerWidth / 2, 2);
    const bottom = document.caretPositionFromPoint(innerWidth / 2, innerHeight - 2);
    if (!top || !bottom) return 0;
    const view = new Range();
    view.setStart(top.offsetNode, top.offset);
    view.setEnd(bottom.offsetNode, bottom.offset);
    let count = 0;
    for (const range of CSS.highlights.get('metoo-mention') ?? []) {
      if (view.isPointInRange(range.startContainer, range.startOffset)) count += 1;
    }
    return count;
  });
}

/** Opens the card on a highlighted mention in the viewport. */
async function openCardInViewport(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const top = document.caretPositionFromPoint(innerWidth / 2, innerHeight / 4);
    const bottom = document.caretPositionFromPoint(innerWidth / 2, (innerHeight * 3) / 4);
    if (!top || !bottom) throw new Error('no text in the viewport');
    const view = new Range();
    view.setStart(top.offsetNode, top.offset);
    view.setEnd(bottom.offsetNode, bottom.offset);
    for (const range of CSS.highlights.get('metoo-mention') ?? []) {
      if (!view.isPointInRange(range.startContainer, range.startOffset)) continue;
      const box = (range as Range).getClientRects()[0];
      if (box) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error('no highlighted mention in the viewport');
  });
  await page.mouse.move(point.x, point.y);
  await expect(cardDialog(page)).toBeVisible({ timeout: 10_000 });
  await expect(cardDialog(page)).toContainText('Tarana Burke');
}

/** The text of the card's dialog while it is shown, read without a locator. */
function cardText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('metoo-context');
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    return dialog?.checkVisibility() ? (dialog.textContent ?? '') : '';
  });
}

function useSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  return worker.evaluate(
    (values) => chrome.storage.sync.set({ settings: { version: 1, ...values } }),
    settings,
  );
}

/** Waits for the badge's title to give this count: the whole page has been read. */
async function expectCount(worker: Worker, page: Page, count: number): Promise<void> {
  const tabId = await tabIdOf(worker, page.url());
  await expect
    .poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), {
      timeout: 90_000,
    })
    .toContain(`${count} mentions`);
}

/** A full second read (the related tags turned on) runs with no long task. */
async function rereadWithoutLongTasks(
  context: BrowserContext,
  page: Page,
  worker: Worker,
  count: number,
): Promise<void> {
  const trace = await MainThreadTrace.start(context, page);
  await useSettings(worker, { highlightStyle: 'background', related: true });
  await expectCount(worker, page, count);
  // The read's last slices, and the frames that draw what it found.
  await page.waitForTimeout(1_500);
  await expectNoLongTask(trace, 'while the page is read again');
}

test.describe('size', () => {
  // One retry: on the shared two-core machine an unrelated stall shows now and then. (Reading every
  // task, the check once found one slice of ours at 55–70 ms on this page's full second read: the
  // candidate search's one `querySelectorAll('a[href]')` over 400,000 nodes. The sliced element walk
  // now gathers the links; 16 runs in a row passed without a retry since.)
  test.describe.configure({ timeout: 240_000, retries: 1 });
  test.beforeEach(async ({ serviceWorker }) => {
    await useSettings(serviceWorker, { highlightStyle: 'background' });
  });
  test.afterEach(async ({ serviceWorker }) => {
    await resetSettings(serviceWorker);
  });

  test('100,000 mentions: the 5,000 nearest the viewport highlighted, following the scroll', async ({
    page,
    extensionContext,
    serviceWorker,
  }) => {
    await expectQuietWithoutExtension(extensionContext, 'many.html');
    await openAndStart(page, 'https://x.com/size/many.html');
    const trace = await MainThreadTrace.start(extensionContext, page);
    await expectCount(serviceWorker, page, 100_000);
    await expect.poll(() => highlightCount(page), { timeout: 30_000 }).toBe(MAX_RANGES);
    expect(await highlightedInViewport(page)).toBeGreaterThan(10);
    await page.waitForTimeout(1_000);
    await expectNoLongTask(trace, 'while read and ranked');
    // Far down the page, the highlight moves to the mentions now in view. (Not timed: painting
    // the newly scrolled part of a page this size is Chromium's own long task.)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(() => highlightedInViewport(page), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await highlightCount(page)).toBe(MAX_RANGES);
    await openCardInViewport(page);
    // Closed before the second read, which would close it: that is the card's work, not the read's.
    await page.keyboard.press('Escape');
    await expect(cardDialog(page)).toBeHidden();

    await rereadWithoutLongTasks(extensionContext, page, serviceWorker, 100_001);
    expect(await highlightCount(page)).toBe(MAX_RANGES);
  });

  test('10,000 elements deep: every mention found, the card opens on the deepest', async ({
    page,
    extensionContext,
    serviceWorker,
  }) => {
    await expectQuietWithoutExtension(extensionContext, 'deep.html');
    await openAndStart(page, 'https://x.com/size/deep.html');
    const found = Array.from({ length: 10 }, () => '#MeToo');
    await expectHighlights(page, found);
    await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('metoo-mention') ?? [])] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const box = ranges.at(-1)?.getBoundingClientRect();
      if (box) window.scrollBy(0, box.top - innerHeight / 2);
    });
    const deepest = await mentionPoint(page, found.length - 1);
    await page.mouse.move(deepest.x, deepest.y);
    // Playwright's own locators recurse through the page and overflow on this one: ask the page.
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Tarana Burke');

    await rereadWithoutLongTasks(extensionContext, page, serviceWorker, 11);
    await expectHighlights(page, [...found, '#TimesUp']);
  });

  test('one 10 MB text node: read whole, its mentions capped, the card opens in it', async ({
    page,
    extensionContext,
    serviceWorker,
  }) => {
    await expectQuietWithoutExtension(extensionContext, 'text-10mb.html');
    await openAndStart(page, 'https://x.com/size/text-10mb.html');
    const trace = await MainThreadTrace.start(extensionContext, page);
    await expectCount(serviceWorker, page, 10_000);
    await expect.poll(() => highlightCount(page), { timeout: 30_000 }).toBe(MAX_RANGES);
    expect(await highlightedInViewport(page)).toBeGreaterThan(3);
    await page.waitForTimeout(1_000);
    await expectNoLongTask(trace, 'while read and ranked');
    await openCardInViewport(page);
    await page.keyboard.press('Escape');
    await expect(cardDialog(page)).toBeHidden();

    await rereadWithoutLongTasks(extensionContext, page, serviceWorker, 10_001);
  });
});
