/**
 * The card's element on the page. In the store build it is a custom-element name drawn afresh on
 * each page, with a closed shadow root: the page can neither predict the name (to squat it with a
 * definition of its own) nor reach inside. The test build (`wxt build --mode e2e`) uses the fixed
 * `<metoo-context>` with an open root, so that test suites can read the card; the choice is a
 * build-time constant, so the store build carries no trace of the test path.
 */

/** The test build's fixed name (CONTRACT.md). */
export const TEST_CARD_ELEMENT = 'metoo-context';

export interface CardHostPlan {
  /** A fixed name, or null to draw one per page. */
  name: string | null;
  mode: ShadowRootMode;
}

/** What this build does: set by Vite at build time (`import.meta.env.MODE`). */
export const CARD_HOST_PLAN: CardHostPlan =
  import.meta.env.MODE === 'e2e'
    ? { name: TEST_CARD_ELEMENT, mode: 'open' }
    : { name: null, mode: 'closed' };

/** Names the HTML standard reserves, which match the custom-element pattern but can't be used. */
const RESERVED = new Set([
  'annotation-xml',
  'color-profile',
  'font-face',
  'font-face-src',
  'font-face-uri',
  'font-face-format',
  'font-face-name',
  'missing-glyph',
]);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Lower-case letters from the platform's cryptographic source: nothing the page can replay. */
function randomLetters(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let text = '';
  for (const byte of bytes) text += LETTERS[byte % LETTERS.length];
  return text;
}

/** A valid custom-element name of two random words, e.g. `qhzt-wkeoplm` (never the test name). */
export function randomElementName(): string {
  for (;;) {
    const [spread = 0] = crypto.getRandomValues(new Uint8Array(1));
    const name = `${randomLetters(4 + (spread % 4))}-${randomLetters(6)}`;
    if (!RESERVED.has(name) && name !== TEST_CARD_ELEMENT) return name;
  }
}

export interface CardHost {
  host: HTMLElement;
  shadow: ShadowRoot;
}

/** Names this script defined for itself. */
const claimed = new Set<string>();

/**
 * Where this world can define elements (Firefox content scripts may; Chromium's isolated worlds have
 * no registry), the name is taken for ourselves, so the page can't define it later either.
 */
function claim(win: Window, name: string): 'ours' | 'unclaimed' | 'taken' {
  // A name defined once stays defined: one we took is ours for the next card's element too.
  if (claimed.has(name)) return 'ours';
  const registry = (win as { customElements?: CustomElementRegistry | null }).customElements;
  if (!registry || typeof registry.define !== 'function') return 'unclaimed';
  if (registry.get(name)) return 'taken';
  try {
    registry.define(name, class extends HTMLElement {});
    claimed.add(name);
    return 'ours';
  } catch {
    return 'unclaimed'; // this world may not define elements; the check below still applies
  }
}

/**
 * Creates the card's element, not yet in the page. A name the page has defined (its element is
 * `:defined` once created, and may already hold a shadow root) is passed over for another.
 */
export function createCardHost(
  doc: Document,
  plan: CardHostPlan = CARD_HOST_PLAN,
  drawName: () => string = randomElementName,
): CardHost {
  const win = doc.defaultView ?? window;
  for (let attempt = 0; attempt < 32; attempt++) {
    const name = plan.name ?? drawName();
    const claimed = plan.name === null ? claim(win, name) : 'unclaimed';
    if (claimed === 'taken') continue;
    try {
      const host = doc.createElement(name);
      if (plan.name === null && claimed !== 'ours' && host.matches(':defined')) continue;
      const shadow = host.attachShadow({ mode: plan.mode });
      return { host, shadow };
    } catch {
      if (plan.name !== null) throw new Error(`the card's element <${name}> is not usable here`);
    }
  }
  throw new Error('no free element name for the card');
}
