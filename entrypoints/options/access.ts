/**
 * The sites the user let the extension run on beyond the listed ones: origins granted one by one
 * from this page or the popup, or every site at once from the browser's own site-access controls.
 */
import { t } from '../../content/i18n';
import { userOrigins } from '../../content/site-access';
import { h } from '../../ui/dom';

/** The pattern a grant of every site comes as. */
export const ALL_SITES = '<all_urls>';

export interface SiteAccess {
  /** Every site is granted (`<all_urls>`). */
  all: boolean;
  /** The origins granted beyond the listed sites. */
  origins: string[];
}

export function siteAccess(granted: readonly string[]): SiteAccess {
  const mine = userOrigins(granted);
  return { all: mine.includes(ALL_SITES), origins: mine.filter((origin) => origin !== ALL_SITES) };
}

function accessItem(doc: Document, key: string, name: string, label: string, remove: () => void) {
  return h(
    doc,
    'li',
    { 'data-key': key },
    h(doc, 'span', {}, name),
    h(doc, 'button', { type: 'button', 'aria-label': label, onclick: remove }, t('options_remove')),
  );
}

/** The list of added sites, each with a way to take its access back; "all sites" first. */
export function renderAccess(
  doc: Document,
  access: SiteAccess,
  remove: (origin: string) => void,
): HTMLElement {
  const items = access.origins.map((origin) =>
    accessItem(doc, origin, origin, t('options_remove_label', origin), () => remove(origin)),
  );
  if (access.all)
    items.unshift(
      accessItem(doc, ALL_SITES, t('options_all_sites'), t('options_remove_all_label'), () =>
        remove(ALL_SITES),
      ),
    );
  return h(
    doc,
    'ul',
    { class: 'sites', id: 'added-sites', 'aria-label': t('options_added_sites') },
    ...(items.length === 0 ? [h(doc, 'li', { class: 'help' }, t('options_no_other'))] : items),
  );
}
