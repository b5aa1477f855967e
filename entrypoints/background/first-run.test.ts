import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnFirstInstall, WELCOME_PAGE } from './first-run';

type Details = Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0];
type Reason = Details['reason'];

async function urlsAfter(reason: Reason): Promise<string[]> {
  await fakeBrowser.runtime.onInstalled.trigger({ reason } as Details);
  // The listener does not await the tab: let it settle.
  await new Promise((settle) => setTimeout(settle, 0));
  // fakeBrowser starts with one blank tab of its own.
  return (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
}

describe('openWelcomeOnFirstInstall', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    openWelcomeOnFirstInstall();
  });

  it('opens the welcome page once on a first install', async () => {
    expect(await urlsAfter('install')).toEqual([fakeBrowser.runtime.getURL(WELCOME_PAGE)]);
  });

  it.each<Reason>(['update', 'chrome_update', 'shared_module_update'])(
    'opens nothing on %s',
    async (reason) => {
      expect(await urlsAfter(reason)).toEqual([]);
    },
  );
});
