import { defineConfig } from 'wxt';
import { SOCIAL_MATCHES } from './content/sites';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the domain modules must run in plain Node too.
  imports: false,
  webExt: { disabled: true },
  manifest: {
    name: 'MeToo Context',
    description:
      'Marks #MeToo where you meet it and shows where the movement began, in Tarana Burke’s words.',
    // Least privilege: the social sites only; any other site is the user's choice, asked for then.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: SOCIAL_MATCHES,
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: 'MeToo Context' },
    commands: {
      'open-nearest': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Show the #MeToo context for the mention nearest the middle of the page',
      },
    },
  },
});
