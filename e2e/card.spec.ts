import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import {
  cardDialog,
  cardOpenedAfter,
  expect,
  expectHighlights,
  inExtensionWorld,
  openCardFixture,
  mentionPoint,
  test,
  watchCardOpening,
} from './support/fixtures';

/** The card's box and whether the page's own hit-testing finds the card at its middle. */
function cardOnTop(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('metoo-context');
    const card = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!host || !card) return null;
    const box = card.getBoundingClientRect();
    const hit = document.elementFromPoint(
      box.left + box.width / 2,
      box.top + Math.min(box.height / 2, 40),
    );
    return {
      top: box.top,
      left: box.left,
      right: box.right,
      bottom: box.bottom,
      width: box.width,
      onTop: hit === host,
      inViewport:
        box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
    };
  });
}

async function hoverMention(page: Page, index = 0) {
  const point = await mentionPoint(page, index);
  await page.mouse.move(point.x, point.y);
  return point;
}

/**
 * A card's first frames, where its observers report its size for the first time and it is placed
 * again, then a resize event, which makes it measure once more, and three frames after it.
 */
async function firstFramesAndResize(page: Page): Promise<void> {
  const frames = (count: number) =>
    page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) await new Promise((done) => requestAnimationFrame(done));
    }, count);
  await frames(3);
  await page.evaluate(() => dispatchEvent(new Event('resize')));
  await frames(3);
}

test.describe('the card', () => {
  test('waits for the dwell before opening, and shows the history and Burke’s words', async ({
    page,
  }) => {
    await openCardFixture(page);
    await watchCardOpening(page);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    // Passing over a mention does not open anything straight away: the dwell is 500 ms.
    const openedAfter = await cardOpenedAfter(page);
    expect(openedAfter).toBeGreaterThanOrEqual(450);
    await expect(dialog).toHaveAccessibleName('#MeToo Origin of the movement');
    await expect(dialog).toHaveAccessibleDescription(
      'Tarana Burke started the movement 10 years earlier than Alyssa Milano’s tweet, which made #metoo go viral.',
    );
    await expect(dialog.locator('blockquote')).toContainText(
      'found out about @MeTooMVMT and reached out to me.',
    );
    await expect(dialog.locator('blockquote')).toContainText(
      'I was definitely in danger of being erased',
    );
    await expect(dialog).toContainText('— Tarana Burke (@TaranaBurke), on the anniversary');
    // The speech-video quote, with its missing word, is the article page's (see below).
    await expect(dialog.locator('blockquote')).not.toContainText('a speech about');
    await expect(dialog).toContainText(
      'Source: News & Guts, “Alyssa Milano Shares A Personal Message About The #MeToo Moment”, 15 October 2018 (inferred). Why this date?',
    );
    await expect(
      dialog.getByRole('link', {
        name: 'Alyssa Milano Shares A Personal Message About The #MeToo Moment',
      }),
    ).toHaveAttribute(
      'href',
      'https://www.newsandguts.com/alyssa-milano-shares-personal-message-metoo-moment/',
    );
  });

  test('sits next to its mention, inside the viewport', async ({ page }) => {
    await openCardFixture(page);
    const point = await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    const box = await cardOnTop(page);
    expect(box?.inViewport).toBe(true);
    expect(box?.width).toBeLessThanOrEqual(362);
    expect(Math.abs((box?.top ?? 0) - point.y)).toBeLessThan(40);
    // Under the mention across, too: it starts at or before the mention and reaches past it.
    expect(box?.left).toBeLessThanOrEqual(point.x);
    expect(box?.right).toBeGreaterThanOrEqual(point.x);
  });

  test('once placed, writes nothing more to its element while nothing moves', async ({ page }) => {
    // Any write to the page's DOM, even of a value already there, makes Chromium rebuild every
    // highlight's marker before the next frame (about 15 ms with the underline on a long timeline).
    await openCardFixture(page);
    await page.evaluate(() => {
      const w = window as unknown as { laterWrites: string[] };
      w.laterWrites = [];
      new MutationObserver((records, self) => {
        const host = records
          .flatMap((r) => [...r.addedNodes])
          .find((n): n is HTMLElement => n.nodeName === 'METOO-CONTEXT');
        if (!host?.shadowRoot) return;
        self.disconnect();
        // The card is placed in the task that adds it; what follows that task is a later write.
        let later = false;
        setTimeout(() => (later = true), 0);
        new MutationObserver((writes) => {
          if (!later) return;
          for (const write of writes) {
            const target = write.target as Element;
            w.laterWrites.push(
              `${target.className || target.nodeName} ${write.attributeName}: ${write.oldValue} → ${target.getAttribute(write.attributeName ?? '')}`,
            );
          }
        }).observe(host.shadowRoot, { attributes: true, attributeOldValue: true, subtree: true });
      }).observe(document.body, { childList: true });
    });
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    // Its first frames and a resize, which make it measure again: nothing has moved, so nothing
    // is written.
    await firstFramesAndResize(page);
    expect(
      await page.evaluate(() => (window as unknown as { laterWrites: string[] }).laterWrites),
    ).toEqual([]);
    // Floating UI measures the arrow before its side is set: a box that changed with the side
    // would move the arrow by half a pixel on the next measure, one more write.
    const arrowSizes = await page.evaluate(() => {
      const arrow = document.querySelector('metoo-context')?.shadowRoot?.querySelector('.arrow');
      if (!(arrow instanceof HTMLElement)) return [];
      return [null, 'top', 'bottom'].map((side) => {
        if (side) arrow.dataset.side = side;
        else delete arrow.dataset.side;
        return `${arrow.offsetWidth}×${arrow.offsetHeight}`;
      });
    });
    expect(arrowSizes).toEqual(['11×11', '11×11', '11×11']);
  });

  test('places itself from its mention’s line boxes, never asking the range for its box', async ({
    page,
    extensionContext,
  }) => {
    // In a text node of megabytes each measure of a range costs Chromium milliseconds: a placement
    // reads the mention's line boxes once and takes the box around them from those
    // (content/card/anchor-reference.ts). Counted in the extension's own world, where it runs.
    await openCardFixture(page);
    await inExtensionWorld(
      page,
      extensionContext,
      `(() => {
        const measures = { box: 0, lines: 0 };
        const box = Range.prototype.getBoundingClientRect;
        const lines = Range.prototype.getClientRects;
        Range.prototype.getBoundingClientRect = function () { measures.box += 1; return box.call(this); };
        Range.prototype.getClientRects = function () { measures.lines += 1; return lines.call(this); };
        globalThis.rangeMeasures = measures;
      })()`,
    );
    const point = await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    await firstFramesAndResize(page);
    const measures = (await inExtensionWorld(
      page,
      extensionContext,
      'globalThis.rangeMeasures',
    )) as {
      box: number;
      lines: number;
    };
    expect(measures.box).toBe(0);
    expect(measures.lines).toBeGreaterThanOrEqual(2); // two placements at least
    // And it stands where it did: just below its mention, from its start.
    const card = await cardOnTop(page);
    expect(card?.top).toBeGreaterThan(point.y);
    expect((card?.top ?? 0) - point.y).toBeLessThan(40);
    expect(card?.left).toBeLessThanOrEqual(point.x);
  });

  test('stays open while the pointer crosses to the card, and closes after it leaves both', async ({
    page,
  }) => {
    await openCardFixture(page);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    const box = await cardOnTop(page);
    if (!box) throw new Error('no card');
    // Off both, beside the card, then straight across the gap onto it: the grace period (300 ms)
    // covers the crossing. No sleep in between, so a loaded machine cannot stretch the crossing
    // past the grace period; the two moves are still separate events with the pointer off both.
    await page.mouse.move(box.right + 20, box.top + 30);
    await page.mouse.move(box.left + 30, box.top + 30);
    // Rest on the card well past the grace period: it stays.
    await page.waitForTimeout(700);
    await expect(dialog).toBeVisible();
    // Far away from both: the card goes once the grace period is over.
    await page.mouse.move(5, 600, { steps: 2 });
    await expect(dialog).toHaveCount(0, { timeout: 2_000 });
  });

  test('moves between adjacent mentions without closing', async ({ page }) => {
    await openCardFixture(page);
    await hoverMention(page, 1);
    const dialog = cardDialog(page);
    await expect(dialog).toHaveAccessibleName(/^#MeToo /, { timeout: 3_000 });
    // Look at every frame the page draws while the pointer moves to the next tag: the card is in all
    // of them (swapped within a task, never closed and opened again after a new dwell).
    await page.evaluate(() => {
      const w = window as unknown as { framesWithoutCard: number; watching: boolean };
      w.framesWithoutCard = 0;
      w.watching = true;
      const look = () => {
        if (!w.watching) return;
        const dialog = document
          .querySelector('metoo-context')
          ?.shadowRoot?.querySelector('[role="dialog"]');
        if (!dialog) w.framesWithoutCard += 1;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await hoverMention(page, 2);
    await expect(dialog).toHaveAccessibleName(/^#MeTooMovement /);
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { framesWithoutCard: number; watching: boolean };
      w.watching = false;
      return w.framesWithoutCard;
    });
    expect(gaps).toBe(0);
  });

  test('for a translation, says what the tag is first', async ({ page }) => {
    await openCardFixture(page);
    await hoverMention(page, 3);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    await expect(dialog.locator('.family-line')).toHaveText(
      'French-language form of #MeToo, used in Québec',
    );
  });

  test('opens on keyboard focus of a hashtag link; Tab walks in, Escape closes and returns focus', async ({
    page,
  }) => {
    await openCardFixture(page);
    await page.locator('#tag-link').focus();
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('status')).toContainText('Tab to read it', { timeout: 2_000 });
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('#tag-link')).toBeFocused();
  });

  test('Tab past the card’s last control goes on from the link; Shift+Tab from its first goes back to it', async ({
    page,
  }) => {
    await openCardFixture(page);
    await page.locator('#tag-link').focus();
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    const close = dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    // The card sits at the end of the page; going back from it stops at the link, the card still open.
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#tag-link')).toBeFocused();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    const controls = await dialog.locator('button, a[href]').count();
    for (let i = 1; i < controls; i++) await page.keyboard.press('Tab');
    await expect(dialog.locator('button, a[href]').last()).toBeFocused();
    // On from the last control: what follows the link in the page, not the browser's own controls.
    await page.keyboard.press('Tab');
    await expect(page.locator('#after')).toBeFocused();
    await expect(dialog).toHaveCount(0);
  });

  test('closes when keyboard focus moves on past the card', async ({ page }) => {
    await openCardFixture(page);
    await page.locator('#tag-link').focus();
    await expect(cardDialog(page)).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await expect(cardDialog(page)).toHaveCount(0);
  });

  test('“Read the full article” opens the reading page', async ({ page, extensionContext }) => {
    await openCardFixture(page);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    const opened = extensionContext.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Read the full article' }).click();
    const article = await opened;
    await article.waitForLoadState();
    expect(article.url()).toMatch(/^chrome-extension:\/\/.+\/article\.html$/);
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(
      'Alyssa Milano Shares A Personal Message About The #MeToo Moment',
    );
    await expect(article.locator('mark').first()).toBeVisible();
    // The timeline and the speech-video quote, one step from the card; the gap stays marked.
    await expect(article.getByRole('heading', { name: 'How it began' })).toBeVisible();
    await expect(article.locator('.timeline').getByRole('listitem')).toHaveCount(4);
    await expect(article.locator('.timeline')).toContainText(
      'It was a movement that was started 10 years earlier by Tarana Burke',
    );
    await expect(article.locator('.timeline')).toContainText('15 October 2017 (inferred)');
    await expect(article.locator('main')).toContainText('a speech about […] from 2014');
    await expect(article.locator('.editorial', { hasText: '[…]' }).last()).toHaveAttribute(
      'title',
      'A word is missing here in the source',
    );
    await expect(article.locator('.source p').first()).toHaveText(
      'Source: News & Guts, “Alyssa Milano Shares A Personal Message About The #MeToo Moment”, 15 October 2018 (inferred). Why this date?',
    );
    await article.close();
  });

  test('“Read the full article” again focuses the reading page already open', async ({
    page,
    extensionContext,
    serviceWorker,
  }) => {
    /** The URL of the tab the browser shows: the tabs API says, where a headless page stays "visible". */
    const activeUrl = () =>
      serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.url ?? '';
      });
    await openCardFixture(page);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    const opened = extensionContext.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Read the full article' }).click();
    const article = await opened;
    await article.waitForLoadState();
    await page.bringToFront();
    await expect.poll(activeUrl).toBe(page.url());
    await page.mouse.move(1, 1);
    await expect(dialog).toHaveCount(0);
    await hoverMention(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    await dialog.getByRole('button', { name: 'Read the full article' }).click();
    await expect.poll(activeUrl).toBe(article.url());
    const articles = extensionContext.pages().filter((p) => p.url().endsWith('/article.html'));
    expect(articles).toHaveLength(1);
    await article.close();
  });

  test('follows dark mode', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openCardFixture(page);
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    const background = await cardDialog(page).evaluate(
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(background).toBe('rgb(28, 31, 36)');
    // And back: a light system gets the light card.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await cardDialog(page).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
      'rgb(28, 31, 36)',
    );
  });

  test('keeps motion still under prefers-reduced-motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openCardFixture(page);
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    expect(await cardDialog(page).evaluate((el) => getComputedStyle(el).animationName)).toBe(
      'none',
    );
  });

  test('axe-core finds no violations on the open card', async ({ page }) => {
    await openCardFixture(page);
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    await page.waitForTimeout(200); // past the fade-in, so contrast is measured at full opacity
    expect(await axeViolations(page, 'metoo-context')).toEqual([]);
  });

  test('axe-core finds no violations on the card in dark mode', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openCardFixture(page);
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    await page.waitForTimeout(200);
    expect(await axeViolations(page, 'metoo-context')).toEqual([]);
  });

  for (const [name, path] of [
    ['article.html', 'article.html'],
    ['popup.html', 'popup.html'],
    ['options.html', 'options.html'],
  ] as const) {
    test(`axe-core finds no violations on ${name}`, async ({ extensionContext, extensionId }) => {
      const extensionPage = await extensionContext.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/${path}`);
      await extensionPage.waitForLoadState('networkidle');
      await expect(extensionPage.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await axeViolations(extensionPage)).toEqual([]);
      await extensionPage.close();
    });
  }

  test('on a right-to-left page, finds Arabic and Latin tags and opens the card', async ({
    page,
  }) => {
    await page.goto('https://x.com/card/rtl.html');
    await expectHighlights(page, ['#أنا_كمان', '#MeToo']);
    await hoverMention(page, 0);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    expect((await cardOnTop(page))?.inViewport).toBe(true);
  });
});

test.describe('the card on hostile pages', () => {
  test('rises above `* { z-index: 0 !important }` and a sticky header at the highest z-index', async ({
    page,
  }) => {
    await page.goto('https://x.com/hostile/zindex.html');
    await expectHighlights(page, ['#MeToo']);
    await page.evaluate(() => window.scrollTo(0, 60));
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    const box = await cardOnTop(page);
    expect(box?.onTop).toBe(true);
  });

  test('is not clipped by an ancestor with overflow: hidden and a transform', async ({ page }) => {
    await page.goto('https://x.com/hostile/clip.html');
    await expectHighlights(page, ['#MeToo']);
    await hoverMention(page);
    await expect(cardDialog(page)).toBeVisible({ timeout: 3_000 });
    const box = await cardOnTop(page);
    expect(box?.onTop).toBe(true);
    expect(box?.bottom ?? 0).toBeGreaterThan(140); // it reaches well below the 60 px frame
  });

  test("is styled under `Content-Security-Policy: style-src 'none'`, with no violation caused", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        w.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
      });
    });
    await page.goto('https://x.com/hostile/csp.html');
    await expectHighlights(page, ['#MeToo']);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    const style = await dialog.evaluate((el) => {
      const s = getComputedStyle(el);
      return { radius: s.borderTopLeftRadius, position: s.position, font: s.fontSize };
    });
    expect(style).toEqual({ radius: '10px', position: 'fixed', font: '14px' });
    // Styled by constructed sheets only: Chromium lets an extension's own <style> through a page's
    // style-src, so the policy alone would not show a <style> element here (Firefox would block it).
    const sheets = await page.evaluate(() => {
      const shadow = document.querySelector('metoo-context')?.shadowRoot;
      return {
        styleElements: shadow?.querySelectorAll('style, link[rel="stylesheet"]').length ?? -1,
        adopted: shadow?.adoptedStyleSheets.length ?? 0,
      };
    });
    expect(sheets.styleElements).toBe(0);
    expect(sheets.adopted).toBeGreaterThan(0);
    const decoration = await page.evaluate(() => {
      // The highlight's own style applies too: our constructed sheet is not blocked.
      return [...document.adoptedStyleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('metoo-mention')),
      );
    });
    expect(decoration).toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
  });
});

test.describe('the card in other viewing conditions', () => {
  test('keeps its borders and text in forced-colours mode', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openCardFixture(page);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    const border = await dialog.evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(border).toBe('solid');
    // The main button takes the system's highlight colour (the browser alone would leave it plain).
    const colours = await dialog.evaluate((el) => {
      const probe = document.createElement('span');
      probe.style.background = 'Highlight';
      el.append(probe);
      const highlight = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const button = el.querySelector('button.primary');
      return { button: button ? getComputedStyle(button).backgroundColor : null, highlight };
    });
    expect(colours.button).toBe(colours.highlight);
  });

  test('stays inside a small viewport (200% zoom of a laptop screen) and scrolls inside', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 640, height: 450 });
    await openCardFixture(page);
    await hoverMention(page);
    const dialog = cardDialog(page);
    await expect(dialog).toBeVisible({ timeout: 3_000 });
    const fits = await dialog.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const body = el.querySelector('.body') as HTMLElement;
      return {
        inside: box.top >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
        scrolls: body.scrollHeight > body.clientHeight,
      };
    });
    expect(fits).toEqual({ inside: true, scrolls: true });
  });
});
