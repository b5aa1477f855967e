/** The toolbar popup as a user meets it: what it lists and the switches and buttons it offers. */
import type { BrowserContext, Page } from '@playwright/test';

export class PopupPage {
  constructor(readonly page: Page) {}

  /** Opens the popup for a tab, as a toolbar click on it would (`?tab=` names the tab). */
  static async open(context: BrowserContext, extensionId: string, tabId: number) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    return new PopupPage(page);
  }

  /** The section about the page, headed "On this page…". */
  get onPage() {
    return this.page.getByRole('region', { name: /On this page/ });
  }

  heading(name: string) {
    return this.page.getByRole('heading', { name });
  }

  get mentions() {
    return this.onPage.getByRole('listitem');
  }

  /** The listed mention whose line holds `text`. */
  mention(text: string) {
    return this.mentions.filter({ hasText: text });
  }

  get siteSwitch() {
    return this.page.getByRole('switch', { name: /On this site/ });
  }

  get everywhereSwitch() {
    return this.page.getByRole('switch', { name: /everywhere/i });
  }

  get scanButton() {
    return this.page.getByRole('button', { name: 'Scan this page' });
  }

  get alwaysButton() {
    return this.page.getByRole('button', { name: 'Always run on this site' });
  }

  /** The status line, where the popup says what it did. */
  get status() {
    return this.page.locator('p.status');
  }

  text(text: string) {
    return this.page.getByText(text);
  }

  close() {
    return this.page.close();
  }
}
