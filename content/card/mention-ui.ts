/**
 * The mention layer, built in the card script once a page has a mention: the card view, the
 * controller that drives it from pointer, focus and keys, and the cap that keeps the highlight on
 * the mentions nearest the viewport on pages past its limit.
 */
import type { PageContext } from '../page-context';
import type { ArticleModel } from '../article';
import type { MentionRecord } from '../mentions';
import {
  listMentions,
  mentionInSelection,
  mentionsInOrder,
  nearestMention,
} from '../mention-summary';
import { liveRange } from '../live-range';
import { ViewportCap } from '../scan/cap';
import { siteKey, updateSettings } from '../settings';
import { bringIntoView } from './bring-into-view';
import { CardController } from './card-controller';
import type { MentionChoice, MentionUi, MentionUiDeps } from './card-module';
import { CardView } from './card-view';
import type { SiteSwitch } from './render';

/**
 * The card's "turn off on this site": written when the card closes, so the card can offer an undo
 * until then. None on a page with no host.
 */
function siteSwitchFor(host: string): { site: SiteSwitch | undefined; closed(): void } {
  let offOnClose = false;
  return {
    site: host
      ? {
          host,
          setOff: (off) => {
            offOnClose = off;
          },
        }
      : undefined,
    closed() {
      if (!offOnClose) return;
      offOnClose = false;
      // A write storage refuses leaves the site on, as the highlights still show.
      void updateSettings((s) => ({ ...s, sites: { ...s.sites, [siteKey(host)]: false } })).catch(
        () => {},
      );
    },
  };
}

export function createMentionUi(
  ctx: PageContext,
  article: ArticleModel,
  deps: MentionUiDeps,
): MentionUi {
  const { doc, win, store } = deps;
  const siteSwitch = siteSwitchFor(doc.location?.hostname ?? '');
  const view = new CardView(
    ctx,
    article,
    {
      readArticle: deps.readArticle,
      openSettings: deps.openSettings,
      close: () => controller.dispatch({ type: 'escape' }),
      site: siteSwitch.site,
    },
    {
      pointerEnter: () => controller.dispatch({ type: 'pointerEnterCard' }),
      pointerLeave: () => controller.dispatch({ type: 'pointerLeaveCard' }),
      closed: siteSwitch.closed,
    },
  );
  const controller = new CardController(doc, store, view, {
    machine: () => {
      const { dwellMs, trigger } = deps.settings();
      return { dwellMs, trigger };
    },
    theme: () => deps.settings().theme,
    shadowRoots: deps.shadowRoots,
  });
  const cap = new ViewportCap(store, win);
  // The card's element is built ahead of need, so the first card opens as fast as later ones.
  void view.prepare().catch(() => {});

  /** What the popup listed last: its indexes name these. */
  let listed: MentionRecord[] = [];
  const pick = (choice: MentionChoice): MentionRecord | null | undefined => {
    switch (choice.kind) {
      case 'index':
        return listed[choice.index];
      case 'nearest':
        return nearestMention(store, doc, win);
      case 'selection':
        return mentionInSelection(mentionsInOrder(store), doc.getSelection());
    }
  };

  return {
    listen(signal) {
      controller.listen(signal);
      cap.listen(signal);
    },
    replay(events) {
      for (const event of events) controller.replay(event);
    },
    open(choice) {
      const record = pick(choice);
      if (!record) return;
      bringIntoView(liveRange(record.range), win);
      controller.openFor(record);
    },
    async list() {
      const { records, summaries, total } = await listMentions(store, doc, win);
      listed = records;
      return { mentions: summaries, total };
    },
    close() {
      controller.close();
    },
    dismiss() {
      controller.dispatch({ type: 'escape' });
    },
  };
}
