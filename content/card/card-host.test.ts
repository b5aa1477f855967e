import { describe, expect, it } from 'vitest';
import { createCardHost, randomElementName, TEST_CARD_ELEMENT } from './card-host';

const STORE = { name: null, mode: 'closed' } as const;

describe('the card element', () => {
  it('in the store build: a fresh valid name each time, never the test name, with a closed root', () => {
    const names = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { host, shadow } = createCardHost(document, STORE);
      expect(host.localName).toMatch(/^[a-z]{4,7}-[a-z]{6}$/);
      expect(host.localName).not.toBe(TEST_CARD_ELEMENT);
      expect(host.shadowRoot).toBeNull();
      expect(shadow.mode).toBe('closed');
      names.add(host.localName);
    }
    expect(names.size).toBe(50);
  });

  it('passes over a name the page defined first', () => {
    const squatted = randomElementName();
    customElements.define(squatted, class extends HTMLElement {});
    const draws = [squatted, 'free-element'];
    const { host } = createCardHost(document, STORE, () => draws.shift() ?? randomElementName());
    expect(host.localName).toBe('free-element');
  });

  it('passes over a name whose element the page gave a shadow root of its own', () => {
    const squatted = randomElementName();
    customElements.define(
      squatted,
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
      },
    );
    const draws = [squatted, 'other-element'];
    const { host } = createCardHost(document, STORE, () => draws.shift() ?? randomElementName());
    expect(host.localName).toBe('other-element');
  });

  it('takes again a name it defined for itself (each card comes in a new element)', () => {
    const name = randomElementName();
    const draws = [name, name, 'other-element'];
    const draw = () => draws.shift() ?? randomElementName();
    const first = createCardHost(document, STORE, draw);
    const second = createCardHost(document, STORE, draw);
    expect(first.host.localName).toBe(name);
    expect(second.host.localName).toBe(name);
    expect(second.host).not.toBe(first.host);
  });

  it('in the test build: <metoo-context> with an open root', () => {
    const { host, shadow } = createCardHost(document, { name: TEST_CARD_ELEMENT, mode: 'open' });
    expect(host.localName).toBe('metoo-context');
    expect(host.shadowRoot).toBe(shadow);
  });
});
