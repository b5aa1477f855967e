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
    permissions: ['storage'],
    host_permissions: SOCIAL_MATCHES,
    action: { default_title: 'MeToo Context' },
  },
});
