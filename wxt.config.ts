import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SOCIAL_MATCHES } from './content/sites';
import { polyfillAsModule } from './scripts/polyfill-as-module';
import { terserPass } from './scripts/terser-pass';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the domain modules must run in plain Node too.
  imports: false,
  webExt: { disabled: true },
  // The privacy promise, the licence and the notices ship inside the extension, readable from its
  // welcome page with no network; .txt so that the browser shows them rather than downloading them.
  hooks: {
    'build:publicAssets': (wxt, files) => {
      for (const name of ['PRIVACY.md', 'LICENSE', 'NOTICE']) {
        files.push({
          absoluteSrc: resolve(wxt.config.root, name),
          relativeDest: `${name.replace(/\.md$/, '')}.txt`,
        });
      }
    },
  },
  // WXT wraps every content script in its ContentScriptContext, which tells the page the extension's
  // id and can be switched off by the page; ours makes its own (content/page-context.ts), so WXT's is
  // replaced by an empty stand-in. The test build (`--mode e2e`) is the same code but for the card's
  // element (content/card/card-host.ts), and lands in .output/<browser>-mv3-e2e/.
  // The polyfill is bundled as an ES module, not through CommonJS interop (scripts/polyfill-as-module.ts);
  // the content script, under its 20,000 B budget, gets a second minifying pass (scripts/terser-pass.ts).
  vite: () => ({
    plugins: [polyfillAsModule(), terserPass()],
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'content/wxt-context-stub.ts'),
        },
      ],
    },
  }),
  // Manifest V3 for every browser, Firefox included (`wxt build -b firefox` → .output/firefox-mv3/):
  // the code calls browser.action and optional_host_permissions, which Firefox has only in MV3.
  manifestVersion: 3,
  // The sources zip for addons.mozilla.org: what `npm ci && npm run build:firefox` needs, no tests.
  zip: {
    excludeSources: [
      'e2e/**',
      'e2e-firefox/**',
      'test-results/**',
      'playwright-report/**',
      'store/**',
      'bench-results.json',
      '*.png',
      '*.zip',
    ],
  },
  manifest: ({ browser }) => ({
    // Localised from public/_locales (English, French, Spanish).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // Chrome 114 is the first with all it needs, so an older Chrome cannot install a silent extension:
    // popover (114, raises the card into the top layer), CSS Custom Highlight API (105, the marks),
    // documentIds in scripting targets (106), scripting.registerContentScripts / updateContentScripts
    // (96, the sites a user adds), action and MV3 (88). Newer APIs in use are feature-detected with a
    // fallback: caretPositionFromPoint (128), checkVisibility's options (121), scheduler.yield (129).
    ...(browser !== 'firefox' && { minimum_chrome_version: '114' }),
    // Least privilege: the social sites only; any other site is the user's choice, asked for then.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: SOCIAL_MATCHES,
    optional_host_permissions: ['<all_urls>'],
    action: {
      default_title: 'MeToo Context',
      // The toolbar's sizes (1× and 2×), rendered from assets/icon.svg by `npm run icons`.
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' },
    },
    commands: {
      'open-nearest': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_command_open_nearest__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // Permanent: AMO keys the listing and users' updates to it. GUID form, so it claims no domain.
          id: '{854d93e2-0571-4eec-9dbe-5e72bf1a0520}',
          // Firefox 140 (ESR) shipped the CSS Custom Highlight API; it also reads
          // data_collection_permissions from 140 on.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
