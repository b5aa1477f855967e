import { cardDialog, expect, expectHighlights, mentionPoint, test } from './support/fixtures';

test.describe('walking skeleton on an X-like page', () => {
  test('highlights the hashtag, opens the card on hover, closes it with Escape', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('https://x.com/home');
    // The composer's draft and the URL fragment are not mentions; #MeToo2018 is another tag.
    await expectHighlights(page, ['#MeToo']);

    const point = await mentionPoint(page);
    await page.mouse.move(point.x, point.y);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    await expect(dialog).toContainText('Tarana Burke');
    await expect(dialog).toContainText('10 years earlier');
    await expect(dialog).toHaveAccessibleName(/#MeToo/);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
