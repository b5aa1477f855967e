/**
 * The extension never writes into the page. A MutationObserver installed in the page's own world when
 * the document is created (before any content script) records every change to the DOM, shadow trees
 * included; after the page has loaded, the only changes that are not the page's own must be the card's
 * `<metoo-context>` element coming and going.
 */
import type { Page } from '@playwright/test';
import {
  cardDialog,
  expect,
  expectHighlights,
  frameHighlights,
  hoverFirstMentionIn,
  test,
} from './support/fixtures';
import { SITE_CASES, pointOnMention } from './scan/site-cases';

interface MutationLog {
  /** Changes made while the parser was still building the page: the page's own. */
  parsing: string[];
  /** Changes made after DOMContentLoaded, when a content script may run. */
  loaded: string[];
}

/** Runs in the page's world at document creation. */
function recordMutations(): void {
  const log: MutationLog = { parsing: [], loaded: [] };
  Object.defineProperty(window, '__mutationLog', { value: log });
  let phase: keyof MutationLog = 'parsing';
  const names = (nodes: NodeList) => Array.from(nodes, (node) => node.nodeName);
  const describe = (record: MutationRecord) => {
    const target = record.target.nodeName;
    if (record.type === 'attributes') return `attributes ${target} ${record.attributeName}`;
    if (record.type === 'characterData') return `characterData ${target}`;
    const added = names(record.addedNodes).map((name) => ` +${name}`);
    const removed = names(record.removedNodes).map((name) => ` -${name}`);
    return `childList ${target}${added.join('')}${removed.join('')}`;
  };
  const keep = (records: MutationRecord[]) => {
    for (const record of records) log[phase].push(describe(record));
  };
  const observer = new MutationObserver(keep);
  const options: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  };
  observer.observe(document, options);
  // Shadow trees the page attaches are watched too (the extension's own card is made in its world).
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      keep(observer.takeRecords());
      phase = 'loaded';
    },
    { capture: true, once: true },
  );
}

function mutationLog(page: Page): Promise<MutationLog> {
  return page.evaluate(() => (window as unknown as { __mutationLog: MutationLog }).__mutationLog);
}

const CARD_CAME = 'childList BODY +METOO-CONTEXT';
const CARD_WENT = 'childList BODY -METOO-CONTEXT';

for (const { site, url, highlights, pageMutations = [] } of SITE_CASES) {
  test(`${site}: the only change to the page is the card coming and going`, async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(recordMutations);
    await page.goto(url);
    await expectHighlights(page, highlights);
    // Let the page's own scripts finish what they do after loading.
    await expect
      .poll(async () => (await mutationLog(page)).loaded)
      .toEqual(expect.arrayContaining(pageMutations));

    const point = await pointOnMention(page);
    await page.mouse.move(point.x, point.y);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // Records are delivered in a microtask; a frame later every change has been logged.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    // Stay a while: a late write (a timer, an idle callback) is a write too.
    await page.waitForTimeout(1_000);

    const { loaded } = await mutationLog(page);
    expect(loaded.toSorted()).toEqual([CARD_CAME, CARD_WENT, ...pageMutations].toSorted());
    expect(consoleErrors).toEqual([]);
  });
}

test('a same-origin frame is left alone too: only its own card comes and goes', async ({
  page,
  consoleErrors,
}) => {
  // Init scripts run in every frame: each document records its own changes.
  await page.addInitScript(recordMutations);
  await page.goto('https://x.com/frames/');
  await expectHighlights(page, ['#MeToo', '#MeToo']);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no frame');
  await expect.poll(() => frameHighlights(frame)).toHaveLength(3);
  await hoverFirstMentionIn(page, frame);
  const dialog = frame.locator('metoo-context').locator('[role="dialog"]');
  await expect(dialog).toBeVisible({ timeout: 5_000 });
  // The pointer leaves the frame: the card goes after its grace period.
  await page.mouse.move(5, 5, { steps: 3 });
  await expect(dialog).toHaveCount(0, { timeout: 3_000 });
  await page.waitForTimeout(1_000);

  const frameLog = await frame.evaluate(
    () => (window as unknown as { __mutationLog: MutationLog }).__mutationLog,
  );
  expect(frameLog.loaded.toSorted()).toEqual([CARD_CAME, CARD_WENT].toSorted());
  expect((await mutationLog(page)).loaded).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the recorder sees a write into the page (it would catch a wrapping element)', async ({
  page,
}) => {
  await page.addInitScript(recordMutations);
  await page.goto('https://www.linkedin.com/feed');
  await page.evaluate(() => {
    const mark = document.createElement('mark');
    document.querySelector('a')?.before(mark);
    document.body.setAttribute('data-touched', '');
  });
  await expect
    .poll(async () => (await mutationLog(page)).loaded)
    .toEqual(['childList SPAN +MARK', 'attributes BODY data-touched']);
});
