/**
 * Installing while the sites are open: the tabs already open are read at once, with no reload, and a
 * tab that loads after the install works beside them. (That the background leaves alone a tab whose
 * script already answers is registration.test.ts's: the race it guards against can't be set up here.)
 */
import { existsSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { groupRunning, launchBeforeInstall } from './support/browser';
import {
  cardDialog,
  expect,
  expectHighlights,
  highlightedTexts,
  mentionPoint,
  test,
} from './support/fixtures';

test('installed with a social tab open: that tab is read without a reload, and the next one too', async ({
  fixtureServer,
}) => {
  const chromium = await launchBeforeInstall(fixtureServer.port);
  try {
    const { context } = chromium;
    const errors: string[] = [];
    const before = await context.newPage();
    before.on('pageerror', (error) => errors.push(String(error)));
    await before.goto('https://x.com/home');
    await before.waitForTimeout(500);
    expect(await highlightedTexts(before)).toEqual([]);

    await chromium.install();
    await expectHighlights(before, ['#MeToo']);
    const point = await mentionPoint(before);
    await before.mouse.move(point.x, point.y);
    await expect(cardDialog(before)).toBeVisible();
    await expect(cardDialog(before)).toContainText('Tarana Burke');

    const after = await context.newPage();
    after.on('pageerror', (error) => errors.push(String(error)));
    await after.goto('https://x.com/home');
    await expectHighlights(after, ['#MeToo']);
    const again = await mentionPoint(after);
    await after.mouse.move(again.x, again.y);
    await expect(cardDialog(after)).toBeVisible();
    // The card still open in the first tab: nothing restarted it.
    await expect(cardDialog(before)).toBeVisible();
    await expect(before.locator('metoo-context')).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    await chromium.close();
  }
});

test('the harness: a browser started before the install leaves no process and no folder behind once closed', async ({
  fixtureServer,
}) => {
  // Its helpers outlive the browser's own process for a moment and write into its profile; a
  // process that removed its profiles meanwhile failed once in ten CI runs and left them behind.
  const chromium = await launchBeforeInstall(fixtureServer.port);
  const page = await chromium.context.newPage();
  await page.goto('https://x.com/home');
  // Chromium's singleton socket lives in a folder of its own in the system's temporary folder,
  // linked from the profile; ended by a signal, it left that folder behind, run after run.
  const socket = readlinkSync(join(chromium.userDataDir, 'SingletonSocket'));
  expect(existsSync(socket)).toBe(true);
  await chromium.close();
  expect(groupRunning(chromium.processGroup)).toBe(false);
  expect(existsSync(dirname(socket))).toBe(false);
});
