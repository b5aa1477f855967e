/**
 * The content script's side of the mention layer (./card-module.ts): loads it once the page has a
 * mention, or when asked to open the card. While it loads, the last pointer move, press and focus
 * are remembered and handed to it, so a reader who reached, tapped or clicked a mention in those few
 * milliseconds gets the card as if the layer had been there (what happened before the page had a
 * mention is not).
 */
import type { MentionSummary } from '../messages';
import type { CardModule, MentionChoice, MentionUi } from './card-module';

/**
 * The events the layer needs to see again if they came before it: a press is a tap, and stands for
 * the click that follows it (one name less in the budget of a script that every page runs).
 */
const REMEMBERED = ['pointermove', 'pointerdown', 'focusin'] as const;
/** After a failed load, the wait before the next try, doubled each time up to a minute: a scan batch asks again every few ms. */
export const RETRY_FIRST_MS = 1000;
export const RETRY_MAX_MS = 60_000;

export class MentionUiLoader {
  #ui: MentionUi | null = null;
  #loading: Promise<MentionUi | null> | null = null;
  #signal: AbortSignal | null = null;
  #memory: AbortController | null = null;
  #failures = 0;
  #retryAt = 0;
  readonly #seen = new Map<string, Event>();
  readonly #doc: Document;
  readonly #load: () => Promise<CardModule | undefined>;
  readonly #create: (module: CardModule) => MentionUi;

  constructor(
    doc: Document,
    load: () => Promise<CardModule | undefined>,
    create: (module: CardModule) => MentionUi,
  ) {
    this.#doc = doc;
    this.#load = load;
    this.#create = create;
  }

  /** Follows the page until the signal aborts, through the layer once it is there. */
  listen(signal: AbortSignal): void {
    this.#signal = signal;
    this.#forget();
    signal.addEventListener('abort', () => this.#forget(), { once: true });
    this.#ui?.listen(signal);
  }

  /** Loads the layer if it is not there yet; null when it can't be (the extension went away). */
  ensure(): Promise<MentionUi | null> {
    if (this.#ui) return Promise.resolve(this.#ui);
    if (!this.#loading && Date.now() < this.#retryAt) return Promise.resolve(null);
    this.#remember();
    this.#loading ??= this.#load()
      .then((module) => {
        if (!module) {
          this.#loading = null;
          this.#forget();
          return null;
        }
        this.#ui = this.#create(module);
        const events = [...this.#seen.values()].sort((a, b) => a.timeStamp - b.timeStamp);
        this.#forget();
        if (this.#signal && !this.#signal.aborted) {
          this.#ui.listen(this.#signal);
          this.#ui.replay(events);
        }
        return this.#ui;
      })
      .catch(() => {
        this.#loading = null; // tried again on a later mention or request, after a wait
        this.#retryAt = Date.now() + Math.min(RETRY_FIRST_MS * 2 ** this.#failures++, RETRY_MAX_MS);
        this.#forget();
        return null;
      });
    return this.#loading;
  }

  async open(choice: MentionChoice): Promise<void> {
    const ui = await this.ensure();
    if (ui && this.#signal && !this.#signal.aborted) ui.open(choice);
  }

  /** The popup's list; a page with no mention lists none without loading the layer. */
  async list(hasMentions: boolean): Promise<{ mentions: MentionSummary[]; total: number }> {
    const ui = hasMentions ? await this.ensure() : null;
    return ui ? ui.list() : { mentions: [], total: 0 };
  }

  close(): void {
    this.#ui?.close();
  }

  /** As Escape does; nothing to do before the layer is there (no card was ever open). */
  dismiss(): void {
    this.#ui?.dismiss();
  }

  /** Notes the reader's last event of each kind until the layer is there or the page is let go. */
  #remember(): void {
    if (this.#memory || !this.#signal || this.#signal.aborted) return;
    const memory = new AbortController();
    this.#memory = memory;
    for (const type of REMEMBERED) {
      // What the page synthesised is not the reader's: it must not open a card once the layer is here.
      const note = (event: Event) => {
        if (event.isTrusted) this.#seen.set(type, event);
      };
      this.#doc.addEventListener(type, note, {
        capture: true,
        passive: true,
        signal: memory.signal,
      });
    }
  }

  #forget(): void {
    this.#memory?.abort();
    this.#memory = null;
    this.#seen.clear();
  }
}
