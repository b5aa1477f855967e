/**
 * The page as an adversary, on the store build (.output/chrome-mv3/, see playwright.config.ts):
 * every attack runs in the page's own world (page.evaluate, addInitScript), as a site's or a blog
 * theme's script would; the user's side is Playwright's trusted mouse and keyboard, and what the
 * user sees is read through the browser's accessibility tree (./support/closed-card.ts).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { cardElementFromPage, cardSeen } from './support/closed-card';
import {
  cardScriptLoaded,
  expect,
  expectHighlights,
  highlightedTexts,
  mentionPoint,
  tabIdOf,
  test,
} from './support/fixtures';

/** Opens the card as the user does, with the pointer; returns what the browser shows. */
async function hoverOpen(page: Page, context: BrowserContext, index = 0) {
  const point = await mentionPoint(page, index);
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => cardSeen(page, context), { timeout: 5_000 }).not.toBeNull();
  const seen = await cardSeen(page, context);
  if (!seen) throw new Error('no card');
  return seen;
}

/** Whether a card is shown, after giving a card every chance to open (past the 500 ms dwell). */
async function cardAfterDwell(page: Page, context: BrowserContext): Promise<boolean> {
  await page.waitForTimeout(900);
  return (await cardSeen(page, context)) !== null;
}

test.describe('the store build against its page', () => {
  test('the build is the store build: the card is not <metoo-context>, and its root is closed', async ({
    page,
    extensionContext,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const seen = await hoverOpen(page, extensionContext);
    expect(seen.text).toContain('Tarana Burke');
    const element = await cardElementFromPage(page);
    expect(element?.name).toMatch(/^[a-z][a-z0-9]*-[a-z0-9-]+$/);
    expect(element?.name).not.toBe('metoo-context');
    expect(element?.shadowRoot).toBe(false);
    expect(await page.locator('metoo-context').count()).toBe(0);
    // Another page, another name.
    await page.goto('https://x.com/card/');
    await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement', '#MoiAussi']);
    await page.mouse.move(5, 5);
    await hoverOpen(page, extensionContext);
    const next = await cardElementFromPage(page);
    expect(next?.name).not.toBe(element?.name);
  });

  test('a page without a mention sees no highlight and no style sheet; one with a mention does', async ({
    page,
  }) => {
    await page.goto('https://x.com/quiet/');
    await page.waitForTimeout(1_000);
    const traces = () =>
      page.evaluate(() => ({
        highlights: CSS.highlights.size,
        sheets: document.adoptedStyleSheets.length,
      }));
    expect(await traces()).toEqual({ highlights: 0, sheets: 0 });
    await page.evaluate(() => {
      const post = document.createElement('article');
      post.textContent = 'Now a post about #MeToo';
      document.querySelector('main')?.append(post);
    });
    await expectHighlights(page, ['#MeToo']);
    expect(await traces()).toEqual({ highlights: 1, sheets: 1 });
  });

  test('rewriting the card from a MutationObserver, attachShadow and ElementInternals: nothing reaches it', async ({
    page,
    extensionContext,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { attack: Record<string, unknown> };
      w.attack = {};
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof HTMLElement) || !node.hasAttribute('popover')) continue;
            w.attack.shadowRoot = node.shadowRoot;
            try {
              node.attachShadow({ mode: 'open' });
              w.attack.attachShadow = 'attached';
            } catch (error) {
              w.attack.attachShadow = String(error);
            }
            try {
              // Define the element's name now: the upgrade runs our constructor on it.
              customElements.define(
                node.localName,
                class extends HTMLElement {
                  constructor() {
                    super();
                    try {
                      w.attack.internalsRoot = this.attachInternals().shadowRoot;
                    } catch (error) {
                      w.attack.internalsRoot = String(error);
                    }
                  }
                },
              );
            } catch (error) {
              w.attack.define = String(error);
            }
            // Light children: nothing shows them, the card's root has no slot.
            const fake = document.createElement('p');
            fake.textContent = 'FABRICATED CLAIM';
            node.append(fake);
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const seen = await hoverOpen(page, extensionContext);
    const attack = await page.evaluate(
      () => (window as unknown as { attack: Record<string, unknown> }).attack,
    );
    expect(attack.shadowRoot).toBeNull();
    expect(String(attack.attachShadow)).toMatch(/NotSupportedError|already/i);
    expect(attack.internalsRoot ?? null).not.toBe('[object ShadowRoot]');
    expect(typeof attack.internalsRoot === 'object' ? attack.internalsRoot : null).toBeNull();
    expect(seen.text).toContain('Tarana Burke');
    expect(seen.text).not.toContain('FABRICATED');
    // Each card comes in a new element: the page has defined the first one's name by now, so the
    // next card comes under another name, its root as closed, its text as untouched.
    const first = await cardElementFromPage(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardSeen(page, extensionContext)).toBeNull();
    await page.mouse.move(5, 5);
    const again = await hoverOpen(page, extensionContext);
    const second = await cardElementFromPage(page);
    expect(second?.name).not.toBe(first?.name);
    expect(second?.shadowRoot).toBe(false);
    expect(again.text).toContain('Tarana Burke');
    expect(again.text).not.toContain('FABRICATED');
  });

  test('.click() and synthetic clicks on the card’s buttons do nothing; the user’s click does', async ({
    page,
    extensionContext,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const seen = await hoverOpen(page, extensionContext);
    const read = seen.controls.get('Read the full article');
    if (!read) throw new Error('the card has no "Read the full article"');
    const pages = extensionContext.pages().length;
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y);
      if (!(target instanceof HTMLElement)) throw new Error('nothing at the button');
      // Were the root open, its buttons would be one query away.
      const inside = [...(target.shadowRoot?.querySelectorAll('button') ?? [])];
      for (let i = 0; i < 5; i++) {
        target.click();
        for (const button of inside) button.click();
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          const init = { bubbles: true, composed: true, clientX: x, clientY: y };
          target.dispatchEvent(
            type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init),
          );
        }
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
        );
      }
    }, read);
    await page.waitForTimeout(1_000);
    expect(extensionContext.pages().length).toBe(pages);
    expect(await cardSeen(page, extensionContext)).not.toBeNull();
    // The user's own click opens the article: the check above could have failed.
    const opened = extensionContext.waitForEvent('page');
    await page.mouse.move(read.x, read.y, { steps: 4 });
    await page.mouse.click(read.x, read.y);
    await (await opened).close();
  });

  test('names defined before the extension runs, <metoo-context> among them, leave the card working', async ({
    page,
    extensionContext,
  }) => {
    await page.addInitScript(() => {
      class Squatter extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).textContent = 'squatted';
        }
      }
      customElements.define('metoo-context', class extends Squatter {});
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      const pick = (n: number) =>
        Array.from({ length: n }, () => letters[Math.floor(Math.random() * 26)]).join('');
      for (let i = 0; i < 2_000; i++) {
        try {
          customElements.define(`${pick(4 + (i % 4))}-${pick(6)}`, class extends Squatter {});
        } catch {
          // drew a name twice
        }
      }
    });
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const seen = await hoverOpen(page, extensionContext);
    expect(seen.text).toContain('Tarana Burke');
    expect((await cardElementFromPage(page))?.name).not.toBe('metoo-context');
    await expect(page.locator(':popover-open')).toHaveCount(1);
    expect(await page.screenshot()).toBeTruthy();
  });

  test('a forged WXT "content script started" event leaves highlights, badge and card working', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const tabId = await tabIdOf(serviceWorker, page.url());
    const badge = () =>
      serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe('1');
    await page.evaluate((id) => {
      for (const name of [
        `${id}:content:wxt:content-script-started`,
        'wxt:content-script-started',
        `${id}:content:wxt:locationchange`,
      ]) {
        const detail = { contentScriptName: 'content', messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
        window.postMessage({ event: name, ...detail }, '*');
      }
    }, extensionId);
    await page.waitForTimeout(1_000);
    expect(await highlightedTexts(page)).toEqual(['#MeToo']);
    expect(await badge()).toBe('1');
    // Still reading the page: a new post is marked and counted.
    await page.evaluate(() => {
      const post = document.createElement('article');
      post.textContent = 'Another post about #MeToo';
      document.querySelector('main')?.append(post);
    });
    await expectHighlights(page, ['#MeToo', '#MeToo']);
    await expect.poll(badge).toBe('2');
    const seen = await hoverOpen(page, extensionContext);
    expect(seen.text).toContain('Tarana Burke');
  });

  test('synthetic pointer, mouse, focus and key events on a mention open nothing', async ({
    page,
    extensionContext,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    // The card's layer is there and listening: what it ignores, it ignores on purpose.
    await expect.poll(() => cardScriptLoaded(page, extensionContext)).toBe(true);
    const point = await mentionPoint(page);
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const init = { bubbles: true, composed: true, clientX: x, clientY: y };
      for (const type of ['pointerover', 'pointerenter', 'pointermove'])
        target.dispatchEvent(new PointerEvent(type, { ...init, pointerType: 'mouse' }));
      for (const type of ['mouseover', 'mouseenter', 'mousemove'])
        target.dispatchEvent(new MouseEvent(type, init));
      target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'M', altKey: true, shiftKey: true, bubbles: true }),
      );
      // Keep the pointer "resting" there with fresh synthetic moves through the dwell.
      let moves = 0;
      const timer = setInterval(() => {
        target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
        if (++moves === 12) clearInterval(timer);
      }, 50);
    }, point);
    expect(await cardAfterDwell(page, extensionContext)).toBe(false);
    // The user's own pointer does open it: the check above could have failed.
    await hoverOpen(page, extensionContext);
  });

  test('a synthetic Escape does not close the card; the user’s does', async ({
    page,
    extensionContext,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    await hoverOpen(page, extensionContext);
    await page.evaluate(() => {
      const escape = () =>
        new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true });
      for (const target of [document, window, document.body, document.activeElement])
        target?.dispatchEvent(escape());
      document.querySelector(':popover-open')?.dispatchEvent(escape());
    });
    await page.waitForTimeout(500);
    expect(await cardSeen(page, extensionContext)).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => cardSeen(page, extensionContext)).toBeNull();
  });

  test('the page never hears the extension’s id (postMessage, events under WXT’s names)', async ({
    page,
    extensionContext,
    extensionId,
  }) => {
    await page.addInitScript((id) => {
      const w = window as unknown as { heard: string[] };
      w.heard = [];
      window.addEventListener('message', (event) => {
        let text: string;
        try {
          text = JSON.stringify(event.data) ?? String(event.data);
        } catch {
          text = String(event.data);
        }
        w.heard.push(text);
      });
      for (const name of ['content-script-started', 'locationchange']) {
        for (const target of [document, window])
          target.addEventListener(`${id}:content:wxt:${name}`, () => w.heard.push(name));
      }
    }, extensionId);
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    await hoverOpen(page, extensionContext);
    await page.evaluate(() => history.pushState({}, '', '/home?next'));
    await page.waitForTimeout(1_200);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((text) => text.includes(extensionId) || /wxt/i.test(text))).toEqual([]);
    expect(heard).toEqual([]);
  });
});
