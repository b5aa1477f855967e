import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { polyfillAsModule, polyfillModule } from './polyfill-as-module';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('webextension-polyfill'), 'utf8');
const scope = globalThis as { chrome?: unknown; browser?: unknown };

afterEach(() => {
  delete scope.chrome;
  delete scope.browser;
});

let loads = 0;

/** Evaluates the transformed polyfill as a new ES module and returns its default export. */
async function load(): Promise<unknown> {
  // A comment of its own per load: a data: URL is one module, evaluated once, per address.
  const code = `${polyfillModule(source)}// load ${(loads += 1)}\n`;
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  // eslint-disable-next-line no-unsanitized/method -- test only: the polyfill's own file, from node_modules
  return ((await import(/* @vite-ignore */ url)) as { default: unknown }).default;
}

describe('the polyfill as an ES module', () => {
  it("exports the browser's own `browser` where there is one, not a copy", async () => {
    const own = { runtime: { id: 'abc' } };
    scope.chrome = { runtime: { id: 'abc' } };
    scope.browser = own;
    expect(await load()).toBe(own);
  });

  it('exports the promise-returning wrapper of `chrome` where there is no `browser`', async () => {
    const sent: unknown[] = [];
    scope.chrome = {
      runtime: {
        id: 'abc',
        lastError: undefined,
        sendMessage: (message: unknown, reply: (answer: unknown) => void) => {
          sent.push(message);
          reply('ok');
        },
      },
    };
    const browser = (await load()) as { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    await expect(browser.runtime.sendMessage({ type: 'x' })).resolves.toBe('ok');
    expect(sent).toEqual([{ type: 'x' }]);
  });

  it('is applied to the polyfill alone', () => {
    const plugin = polyfillAsModule();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(
      transform('x', '/p/node_modules/webextension-polyfill/dist/browser-polyfill.js'),
    ).toEqual({ code: polyfillModule('x'), map: null });
    expect(transform('x', '/p/node_modules/other/dist/browser-polyfill.js')).toBeNull();
  });
});
