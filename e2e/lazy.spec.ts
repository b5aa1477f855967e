/**
 * What only a page with mentions needs (the card, its hover handling, the cap) comes in a second
 * script, run by the background at the page's first mention: a timeline without one never loads it.
 */
import {
  cardDialog,
  cardScriptLoaded,
  expect,
  expectHighlights,
  mentionPoint,
  test,
} from './support/fixtures';

test('a page without mentions never loads the card; its first mention brings it, and the card opens', async ({
  page,
  extensionContext,
  consoleErrors,
}) => {
  await page.goto('https://x.com/quiet/');
  // The content script runs here (it reads the page), and finds nothing.
  await expect.poll(() => cardScriptLoaded(page, extensionContext).catch(() => null)).toBe(false);
  await page.waitForTimeout(1_000);
  await expectHighlights(page, []);
  expect(await cardScriptLoaded(page, extensionContext)).toBe(false);

  await page.evaluate(() => {
    const post = document.createElement('article');
    post.textContent = 'A new post about #MeToo';
    document.getElementById('timeline')?.prepend(post);
  });
  await expectHighlights(page, ['#MeToo']);
  await expect.poll(() => cardScriptLoaded(page, extensionContext)).toBe(true);
  const point = await mentionPoint(page);
  await page.mouse.move(point.x, point.y);
  await expect(cardDialog(page)).toBeVisible();
  await expect(cardDialog(page)).toContainText('Tarana Burke');
  expect(consoleErrors).toEqual([]);
});
