/** The toolbar badge: how many mentions the tab's page holds. */
import { browser } from 'wxt/browser';
import { t } from '../../content/i18n';

export const BADGE_COLOUR = '#6f2dbd';

export function badgeFor(count: number): { text: string; title: string } {
  if (count <= 0) return { text: '', title: t('badge_title_none') };
  const text = count > 999 ? '999+' : String(count);
  const title = count === 1 ? t('badge_title_one') : t('badge_title_many', count);
  return { text, title };
}

export async function showCount(tabId: number, count: number): Promise<void> {
  const { text, title } = badgeFor(count);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
