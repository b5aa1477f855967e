/** The settings page as a user meets it: its switches, choices, preview, sites and reset. */
import type { BrowserContext, Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new SettingsPage(page);
  }

  get enableSwitch() {
    return this.page.getByRole('switch', { name: /enable/i }).first();
  }

  /** A listed site's switch, by the site's name (e.g. `X`). */
  siteSwitch(name: string) {
    return this.page.getByRole('switch', { name, exact: true });
  }

  /** A radio button of one of the choices, by its label (e.g. `On click`, `Dark`). */
  option(label: string) {
    return this.page.getByRole('radio', { name: label });
  }

  get relatedCampaigns() {
    return this.page.getByRole('checkbox', { name: /related campaigns/i });
  }

  /** The list of sites the user added. */
  get addedSites() {
    return this.page.getByRole('list', { name: /sites you added/i });
  }

  /** Types a site into "Add a site" and submits it. */
  async addSite(typed: string) {
    await this.page.getByRole('textbox', { name: 'Add a site' }).fill(typed);
    await this.page.getByRole('button', { name: 'Add site' }).click();
  }

  get resetButton() {
    return this.page.getByRole('button', { name: 'Reset to defaults' });
  }

  /** The status line, where the page says what it saved or could not. */
  get status() {
    return this.page.locator('p.status');
  }

  text(text: string) {
    return this.page.getByText(text);
  }

  /** The preview's highlight rules, as the page's adopted sheets hold them. */
  previewRules() {
    return this.page.evaluate(() =>
      [...document.adoptedStyleSheets]
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .filter((text) => text.includes('::highlight(metoo-mention)'))
        .join('\n'),
    );
  }

  /** The preview card's background colour; null while there is no card. */
  previewCardBackground() {
    return this.page.evaluate(() => {
      const card = document.querySelector('.card-preview')?.shadowRoot?.querySelector('.card');
      return card ? getComputedStyle(card).backgroundColor : null;
    });
  }

  close() {
    return this.page.close();
  }
}
