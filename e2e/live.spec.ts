/**
 * Live pages: the highlight follows the page as it changes, through one MutationObserver per root,
 * reading only what changed. Posts appended while scrolling, posts removed and re-created (React),
 * text edited in place, open shadow roots attached at any time, single-page navigation.
 */
import type { Page } from '@playwright/test';
import { cardDialog, expect, expectHighlights, test } from './support/fixtures';
import { highlightIsStatic } from '../test/probes';
import { pointOnMention } from './scan/site-cases';

const times = (count: number, text: string) => Array.from({ length: count }, () => text);

/**
 * Whether the highlight holds exactly the live mentions: a range left on removed text shows as
 * disconnected (the extension's ranges are static: they keep the nodes they were made on), or as
 * collapsed.
 */
function rangesOnLiveText(page: Page): Promise<{ size: number; stale: number }> {
  return page.evaluate(() => {
    let size = 0;
    let stale = 0;
    for (const range of CSS.highlights.get('metoo-mention') ?? []) {
      size += 1;
      const gone = !range.startContainer.isConnected || !range.endContainer.isConnected;
      if (range.collapsed || gone) stale += 1;
    }
    return { size, stale };
  });
}

test('an infinite timeline: posts appended while scrolling are highlighted', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://x.com/live/timeline.html');
  await expectHighlights(page, times(5, '#MeToo'));
  for (let pages = 2; pages <= 4; pages++) {
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => page.locator('article').count()).toBeGreaterThanOrEqual(pages * 10);
  }
  const posts = await page.locator('article').count();
  await expectHighlights(page, times(Math.ceil(posts / 2), '#MeToo'));
  expect(consoleErrors).toEqual([]);
});

// Whether that reading leaves the main thread free is measured by `npm run bench` (long tasks in a
// quiet browser), and the slicing itself by the scanner's unit tests: a long-task count here would
// measure the test machine's load as much as the extension.
test('a 5,000-post timeline is read whole, and keeps its ranges through single-page navigation', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://x.com/live/timeline.html');
  await expectHighlights(page, times(5, '#MeToo'));
  // The page builds 5,000 posts in one task of its own, then we read them.
  await page.evaluate(() => {
    const load = (window as unknown as { loadPage: () => number }).loadPage;
    while (load() < 5000);
  });
  await expect
    .poll(async () => (await rangesOnLiveText(page)).size, { timeout: 15_000 })
    .toBe(2500);
  // A full rescan (single-page navigation) of the same page.
  await page.evaluate(() => history.pushState({}, '', '/live/timeline.html?page=2'));
  await page.waitForTimeout(1_000);
  expect(await rangesOnLiveText(page)).toEqual({ size: 2500, stale: 0 });
  expect(consoleErrors).toEqual([]);
});

test('React-style re-rendering: removed posts lose their ranges, re-created ones are highlighted', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://x.com/live/recycle.html');
  const showWindow = (start: number) =>
    page.evaluate(
      (s) => (window as unknown as { showWindow(s: number): void }).showWindow(s),
      start,
    );

  // Posts 0–9: #MeToo on 0, 3, 6, 9.
  await expectHighlights(page, times(4, '#MeToo'));
  // Posts 20–29: all of 0–9 removed; #MeToo on 21, 24, 27.
  await showWindow(20);
  await expectHighlights(page, times(3, '#MeToo'));
  expect(await rangesOnLiveText(page)).toEqual({ size: 3, stale: 0 });
  // Posts 5–14, created anew: #MeToo on 6, 9, 12.
  await showWindow(5);
  await expectHighlights(page, times(3, '#MeToo'));
  expect(await rangesOnLiveText(page)).toEqual({ size: 3, stale: 0 });
  // Away and back within one task: one batch removes and re-creates the same posts.
  await page.evaluate(() => {
    const list = window as unknown as { showWindow(s: number): void };
    list.showWindow(40);
    list.showWindow(5);
  });
  await expectHighlights(page, times(3, '#MeToo'));
  expect(await rangesOnLiveText(page)).toEqual({ size: 3, stale: 0 });
  // A post taken out, its hashtag edited away while it is out (the extension hears nothing of
  // that), and put back: it shows no clue now, but held a mention, so it is read and the mention goes.
  await page.evaluate(async () => {
    const cell = document.querySelector('[data-index="6"]') as HTMLElement;
    const next = cell.nextSibling;
    const timeline = cell.parentNode as HTMLElement;
    cell.remove();
    await Promise.resolve(); // the removal's record goes out first
    cell.querySelector('a')?.remove();
    timeline.insertBefore(cell, next);
  });
  await expectHighlights(page, times(2, '#MeToo'));
  expect(await rangesOnLiveText(page)).toEqual({ size: 2, stale: 0 });
  expect(consoleErrors).toEqual([]);
});

test('text edited in place (characterData) is read again', async ({ page, consoleErrors }) => {
  await page.goto('https://x.com/live/recycle.html');
  const editPost = (index: number, value: string) =>
    page.evaluate(
      ([i, v]) => (window as unknown as { editPost(i: number, v: string): void }).editPost(i, v),
      [index, value] as const,
    );
  await expectHighlights(page, times(4, '#MeToo'));
  await editPost(7, ' now with #MoiAussi');
  await expectHighlights(page, [...times(4, '#MeToo'), '#MoiAussi']);
  // Half a hashtag is no hashtag; completing it makes one.
  await editPost(7, ' now with #Moi');
  await expectHighlights(page, times(4, '#MeToo'));
  await editPost(7, ' the Me Too movement');
  await expectHighlights(page, [...times(4, '#MeToo'), 'Me Too movement']);
  expect(await rangesOnLiveText(page)).toEqual({ size: 5, stale: 0 });
  // An empty text node beside a mention (frameworks keep them as placeholders), filled, then
  // emptied: no reader keeps an empty node, so its first text is still judged with its block.
  await editPost(7, ' with #MeToo');
  await expectHighlights(page, times(5, '#MeToo'));
  const setBlank = (value: string) =>
    page.evaluate((v) => {
      const w = window as unknown as { blank?: Text };
      if (!w.blank) {
        w.blank = document.createTextNode('');
        document.querySelector('[data-index="7"] .edited')?.append(w.blank);
      }
      w.blank.data = v;
    }, value);
  await setBlank('');
  await page.waitForTimeout(500); // the block, touched, is read again, the empty node passed over
  await setBlank('x');
  await expectHighlights(page, times(4, '#MeToo'));
  await setBlank('');
  await expectHighlights(page, times(5, '#MeToo'));
  expect(consoleErrors).toEqual([]);
});

// The store keeps static ranges, which the browser never updates (a live range is looked at on
// every removal and text edit in the page: content/mentions.ts). A mention's place is made anew
// when the page changes its text: a highlight left at the old offsets would show other letters.
test('the highlight holds static ranges, and follows a mention whose own text node is edited', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://x.com/live/recycle.html');
  const editPost = (index: number, value: string) =>
    page.evaluate(
      ([i, v]) => (window as unknown as { editPost(i: number, v: string): void }).editPost(i, v),
      [index, value] as const,
    );
  await editPost(7, ' with #MeToo');
  await expectHighlights(page, times(5, '#MeToo'));
  expect(await page.evaluate(highlightIsStatic)).toBe(true);
  // The mention moves within its node; then the text before it shrinks under its old offsets.
  await editPost(7, ' now, some minutes later, with #MeToo');
  await expectHighlights(page, times(5, '#MeToo'));
  await editPost(7, '#MeToo');
  await expectHighlights(page, times(5, '#MeToo'));
  expect(await rangesOnLiveText(page)).toEqual({ size: 5, stale: 0 });
  expect(await page.evaluate(highlightIsStatic)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('the page’s structure changing: a block splits a mention, its going joins it; a link’s new address; an editor opened on a post; posts moved and changed at once', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://x.com/live/recycle.html');
  await expectHighlights(page, times(4, '#MeToo'));
  // A post built in pieces, with a block between the halves of its hashtag: two runs, no mention.
  await page.evaluate(() => {
    const piece = (name: string, text: string) =>
      Object.assign(document.createElement(name), { textContent: text });
    const post = document.createElement('div');
    post.id = 'pieces';
    post.append(piece('span', '#Me'), piece('div', '·'), piece('span', 'Too'));
    document.body.append(post);
  });
  await page.evaluate(() => document.querySelector('#pieces > div')?.remove());
  await expectHighlights(page, times(5, '#MeToo'));
  await page.evaluate(() => {
    document.querySelector('#pieces > span:last-child')?.before(document.createElement('div'));
  });
  await expectHighlights(page, times(4, '#MeToo'));
  // A link whose address the page changes to X's page for the tag: its text is a mention.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), {
      id: 'retagged',
      textContent: 'MeToo',
    });
    link.href = '/about';
    document.body.append(Object.assign(document.createElement('div'), { id: 'links' }));
    document.querySelector('#links')?.append(link);
  });
  await page.evaluate(() =>
    document.querySelector('#retagged')?.setAttribute('href', '/hashtag/MeToo'),
  );
  await expectHighlights(page, [...times(4, '#MeToo'), 'MeToo']);
  expect(await rangesOnLiveText(page)).toEqual({ size: 5, stale: 0 });
  // A post the page makes editable (an editor opened on it) is left, as a field is; and read again.
  await page.evaluate(() => document.querySelector('#links')?.setAttribute('contenteditable', ''));
  await expectHighlights(page, times(4, '#MeToo'));
  await page.evaluate(() => document.querySelector('#links')?.setAttribute('role', 'textbox'));
  await page.evaluate(() => document.querySelector('#links')?.removeAttribute('contenteditable'));
  await expectHighlights(page, times(4, '#MeToo'));
  await page.evaluate(() => document.querySelector('#links')?.removeAttribute('role'));
  await expectHighlights(page, [...times(4, '#MeToo'), 'MeToo']);
  // Posts moved and changed in one go, as a framework re-parenting them does: one emptied, one
  // whose hashtag becomes a text field. Neither leaves its mention behind.
  await page.evaluate(() => {
    const post = (id: string) => Object.assign(document.createElement('div'), { id });
    const emptied = post('emptied');
    emptied.textContent = '#MeToo';
    const fielded = post('fielded');
    fielded.append(Object.assign(document.createElement('span'), { textContent: '#MeToo' }));
    fielded.append(document.createElement('br'));
    document.body.append(emptied, fielded);
  });
  await expectHighlights(page, [...times(6, '#MeToo'), 'MeToo']);
  await page.evaluate(() => {
    const emptied = document.querySelector('#emptied');
    const fielded = document.querySelector('#fielded');
    if (!emptied || !fielded) return;
    const column = document.createElement('div');
    document.body.append(column);
    column.append(emptied);
    emptied.firstChild?.remove();
    fielded.querySelector('span')?.setAttribute('role', 'textbox');
    const wrapper = document.createElement('span');
    fielded.replaceWith(wrapper);
    wrapper.append(fielded);
  });
  await expectHighlights(page, [...times(4, '#MeToo'), 'MeToo']);
  expect(await rangesOnLiveText(page)).toEqual({ size: 5, stale: 0 });
  expect(consoleErrors).toEqual([]);
});

test('open shadow roots are read, including ones attached later', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://www.reddit.com/live/shadow.html');
  await expectHighlights(page, ['#MeToo']);
  type ShadowPage = {
    addShadowPost(label: string): HTMLElement;
    upgradeCard(): void;
    addNested(): void;
    editShadowPost(post: HTMLElement, value: string): void;
  };

  // A host added with its shadow tree already attached.
  await page.evaluate(() => {
    const post = (window as unknown as ShadowPage).addShadowPost('a');
    post.id = 'shadow-a';
  });
  await expectHighlights(page, ['#MeToo', '#MeToo']);
  // A shadow tree attached to an element already on the page, which then marks itself hydrated.
  await page.evaluate(() => (window as unknown as ShadowPage).upgradeCard());
  await expectHighlights(page, ['#MeToo', '#MeToo', '#MoiAussi']);
  // A shadow tree inside a shadow tree, filled after it was attached.
  await page.evaluate(() => (window as unknown as ShadowPage).addNested());
  await expectHighlights(page, ['#MeToo', '#MeToo', '#MoiAussi', '#MeToo', '#MeTooMovement']);
  // Text edited inside a shadow tree.
  await page.evaluate(() => {
    const post = document.getElementById('shadow-a');
    if (post) (window as unknown as ShadowPage).editShadowPost(post, 'Shadow post, edited');
  });
  await expectHighlights(page, ['#MeToo', '#MoiAussi', '#MeToo', '#MeTooMovement']);
  // A host removed with its shadow tree.
  await page.evaluate(() => document.getElementById('card')?.remove());
  await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement']);
  expect(await rangesOnLiveText(page)).toEqual({ size: 3, stale: 0 });
  expect(consoleErrors).toEqual([]);
});

test('single-page navigation: the card closes, the new page is read, the old one pruned', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://www.youtube.com/live/spa.html');
  await expectHighlights(page, ['#MeToo']);
  const point = await pointOnMention(page);
  await page.mouse.move(point.x, point.y);
  await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });

  await page.evaluate(() =>
    (window as unknown as { navigateTo(id: string): void }).navigateTo('second'),
  );
  await expect(page).toHaveURL(/\/watch\?v=second$/);
  // The pinned note, shown by a stylesheet change no observer sees, is found by the read that
  // follows the navigation.
  await expectHighlights(page, ['#MoiAussi', '#MeTooMovement']);
  await expect(cardDialog(page)).toHaveCount(0);

  await page.goBack();
  await expectHighlights(page, ['#MeToo', '#MeTooMovement']);
  expect(await rangesOnLiveText(page)).toEqual({ size: 2, stale: 0 });
  expect(consoleErrors).toEqual([]);
});

test('hidden text shown later (a class change, an opened <details>) is highlighted', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://x.com/explore/');
  const shown = ['#MeToo', '#미투', '#MoiAussi', '#YoTambién', 'Me Too movement'];
  await expectHighlights(page, shown);
  await page.evaluate(() => document.querySelector('.r-hidden')?.classList.remove('r-hidden'));
  await expectHighlights(page, [...shown, '#MeToo']);
  await page.evaluate(() => {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Show more';
    details.append(summary, '#MoiAussi behind a disclosure');
    document.querySelector('#lookalikes')?.append(details);
  });
  await page.waitForTimeout(300);
  await expectHighlights(page, [...shown, '#MeToo']);
  await page.getByText('Show more').click();
  await expectHighlights(page, [...shown, '#MeToo', '#MoiAussi']);
  expect(consoleErrors).toEqual([]);
});
