import type { BrowserContext } from '@playwright/test';
import { extensionId, launchWithExtension } from './support/browser';
import { expect, mentionPoint, test } from './support/fixtures';

const LANGUAGES = [
  {
    lang: 'fr',
    popupTitle: 'D’où vient #MeToo',
    cardLabel: 'Origine du mouvement',
    readArticle: 'Lire l’article complet',
    enable: 'Activer MeToo Context',
    inEnglish: 'L’article et ses citations sont en anglais.',
    moiAussi: 'Forme française de #MeToo, employée au Québec',
  },
  {
    lang: 'es',
    popupTitle: 'Dónde empezó #MeToo',
    cardLabel: 'Origen del movimiento',
    readArticle: 'Leer el artículo completo',
    enable: 'Activar MeToo Context',
    inEnglish: 'El artículo y sus citas están en inglés.',
    moiAussi: 'Forma en francés de #MeToo, usada en Quebec',
  },
];

for (const language of LANGUAGES) {
  test.describe(`the interface in ${language.lang}`, () => {
    let context: BrowserContext;
    let id: string;

    test.beforeAll(async ({ fixtureServer }) => {
      context = await launchWithExtension(fixtureServer.port, { lang: language.lang });
      id = await extensionId(context);
    });

    test.afterAll(async () => {
      await context.close();
    });

    test('popup, settings and card speak the language; the article stays in English', async () => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await expect(popup.getByRole('heading', { level: 1 })).toHaveText(language.popupTitle);
      await expect(popup.locator('html')).toHaveAttribute('lang', new RegExp(`^${language.lang}`));
      await popup.goto(`chrome-extension://${id}/options.html`);
      await expect(popup.getByRole('switch', { name: language.enable })).toBeChecked();
      await expect(popup.locator('html')).toHaveAttribute('lang', new RegExp(`^${language.lang}`));

      const page = await context.newPage();
      await page.goto('https://x.com/home');
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.get('metoo-mention')?.size ?? 0))
        .toBe(1);
      const point = await mentionPoint(page);
      await page.mouse.move(point.x, point.y);
      const dialog = page.locator('metoo-context [role="dialog"]');
      await expect(dialog).toBeVisible({ timeout: 3_000 });
      await expect(dialog).toHaveAccessibleName(`#MeToo ${language.cardLabel}`);
      await expect(dialog).toHaveAttribute('lang', new RegExp(`^${language.lang}`));
      await expect(dialog.getByRole('button', { name: language.readArticle })).toBeVisible();
      await expect(dialog).toContainText(language.inEnglish);
      // The story itself is the article's English, marked as such for screen readers.
      await expect(dialog.locator('.lead')).toHaveAttribute('lang', 'en');
      await expect(dialog.locator('.words')).toHaveAttribute('lang', 'en');
      await expect(dialog.locator('.lead')).toContainText(
        'Tarana Burke started the movement 10 years earlier',
      );
      await expect(dialog.locator('blockquote')).toContainText('in danger of being erased');
      // A tag's one line is the interface's, not the article's: translated.
      await page.goto('https://x.com/card/');
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.get('metoo-mention')?.size ?? 0))
        .toBe(4);
      const moiAussi = await mentionPoint(page, 3);
      await page.mouse.move(moiAussi.x, moiAussi.y);
      await expect(dialog).toHaveAccessibleName(/^#MoiAussi /, { timeout: 3_000 });
      await expect(dialog.locator('.family-line')).toHaveText(language.moiAussi);
      await expect(dialog.locator('.family-line')).not.toHaveAttribute('lang', 'en');
      await page.close();
      await popup.close();
    });
  });
}
