/**
 * `npm run demo`: serves the demo timeline and opens Chromium with the built extension, resting the
 * pointer on the first mention so the card opens. `-- --screenshot FILE` runs headless and saves a
 * PNG of the open card instead (also what happens on a machine without a display).
 */
import { launchWithExtension, STORE_EXTENSION_DIR } from '../e2e/support/browser.ts';
import { startFixtureServer } from '../e2e/support/server.ts';
import { mentionPoint } from '../test/probes.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--screenshot');
const dark = args.includes('--dark');
let screenshot = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !screenshot) {
  console.error('usage: npm run demo -- [--screenshot FILE] [--dark]');
  process.exit(2);
}
const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!screenshot && !display) {
  screenshot = 'demo.png';
  console.log('No display here: running headless and saving a screenshot to demo.png instead.');
}

const { server, port } = await startFixtureServer();
const context = await launchWithExtension(port, {
  headless: Boolean(screenshot),
  colorScheme: dark ? 'dark' : 'light',
  // What users install: the card's element has a name drawn for the page and a closed root.
  extensionDir: STORE_EXTENSION_DIR,
});
const page = context.pages()[0] ?? (await context.newPage());
await page.setViewportSize({ width: 960, height: 900 });
await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
await page.goto('https://x.com/demo/');
await page.waitForFunction(() => (CSS.highlights.get('metoo-mention')?.size ?? 0) >= 4);
const box = await page.evaluate(mentionPoint, 0);
await page.mouse.move(box.x, box.y);
// The card is the page's one open popover (its name and insides are hidden from the page).
await page.locator(':popover-open').waitFor({ state: 'attached', timeout: 5_000 });
await page.waitForTimeout(300); // let the fade-in finish

if (screenshot) {
  await page.screenshot({ path: screenshot });
  console.log(`Saved ${screenshot}: the demo timeline with the card open.`);
  await context.close();
  server.close();
} else {
  console.log('Chromium is open on the demo timeline with the extension loaded. Close it to stop.');
  context.on('close', () => server.close());
}
