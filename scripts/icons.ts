/**
 * `npm run icons`: every icon the stores and toolbars use, rendered from the one source
 * assets/icon.svg with Debian's Chromium (no browser download):
 * - public/icon/{16,32,48,96,128}.png: the manifest's icons (WXT lists public/icon/*.png itself);
 * - store/icon-128.png: the Chrome Web Store icon, 96×96 artwork in 16 px of transparent padding;
 * - store/promo-440x280.png: the store's small promo tile.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../e2e/support/browser.ts';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });

/** Renders `body` (HTML) into a width×height PNG with a transparent background. */
async function render(html: string, width: number, height: number, path: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}</style></head><body>${html}</body></html>`,
  );
  await page
    .locator('img')
    .evaluateAll((images) =>
      Promise.all(images.map((image) => (image as HTMLImageElement).decode())),
    );
  await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width, height } });
  console.log(`${path.slice(root.length + 1)} ${width}×${height}`);
}

const iconDir = join(root, 'public', 'icon');
const storeDir = join(root, 'store');
mkdirSync(iconDir, { recursive: true });
mkdirSync(storeDir, { recursive: true });

for (const size of ICON_SIZES) {
  await render(
    `<img src="${dataUrl}" width="${size}" height="${size}" style="display:block">`,
    size,
    size,
    join(iconDir, `${size}.png`),
  );
}

await render(
  `<img src="${dataUrl}" width="96" height="96" style="display:block;margin:16px">`,
  128,
  128,
  join(storeDir, 'icon-128.png'),
);

await render(
  `<div style="width:440px;height:280px;box-sizing:border-box;padding:0 36px;display:flex;align-items:center;gap:28px;
      background:linear-gradient(135deg,#f6f0fd 0%,#e7dafa 100%);font-family:'DejaVu Sans',system-ui,sans-serif;color:#2b1148">
    <img src="${dataUrl}" width="132" height="132" style="flex:none">
    <div>
      <div style="font-size:34px;font-weight:700;line-height:1.1">MeToo Context</div>
      <div style="font-size:17px;line-height:1.35;margin-top:12px;color:#4a2a6e">Where #MeToo began, in Tarana Burke’s words, wherever you meet it.</div>
    </div>
  </div>`,
  440,
  280,
  join(storeDir, 'promo-440x280.png'),
);

await browser.close();
