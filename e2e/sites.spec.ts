/**
 * Every site of ../shared/SITES.md, on a fixture page under its real host name: exactly the page's
 * mentions are highlighted, each range covering the visible mention only, and nothing reaches the console.
 */
import { expect, expectHighlights, highlightedTexts, test } from './support/fixtures';
import { SITE_CASES } from './scan/site-cases';

for (const { site, url, highlights } of SITE_CASES) {
  test(`${site}: highlights exactly the page's mentions`, async ({ page, consoleErrors }) => {
    await page.goto(url);
    await expectHighlights(page, highlights);
    expect(consoleErrors).toEqual([]);
  });
}

test('Facebook: text shown by "See more" is read when it arrives', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://www.facebook.com/groups/survivors');
  await expectHighlights(page, ['#MeToo']);
  await page.getByRole('button', { name: 'See more' }).click();
  await expectHighlights(page, ['#MeToo', '#MoiAussi']);
  expect(consoleErrors).toEqual([]);
});

test('YouTube: lazily loaded comments are read', async ({ page, consoleErrors }) => {
  await page.goto('https://www.youtube.com/watch?v=abc123');
  await expectHighlights(page, ['#MeToo', 'Me Too movement', '#MeToo']);
  await page.mouse.wheel(0, 600);
  await expectHighlights(page, ['#MeToo', 'Me Too movement', '#MeToo', '#MoiAussi']);
  expect(consoleErrors).toEqual([]);
});

test('an embedded post swapped for its frame loses its highlight', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('https://metoo-history.tumblr.com/post/1/me-too-movement');
  await expect(page.locator('iframe')).toHaveCount(1, { timeout: 5_000 });
  await expectHighlights(page, ['Me Too movement', 'Me Too movement', '#MeToo', '#MoiAussi']);
  expect(await highlightedTexts(page)).toHaveLength(4);
  expect(consoleErrors).toEqual([]);
});
