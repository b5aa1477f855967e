/**
 * webextension-polyfill ships as UMD, which a bundler reads as CommonJS. Imported for its default
 * export, the bundler's interop copies each own property of that export into a namespace object.
 * Where the browser has `browser` itself (Chromium 156 and Firefox here), the export is the
 * browser's own object, and reading each property's descriptor builds every API binding the
 * extension has, on every page load (`get storage` under `__copyProps` in the load profile, about
 * 0.6 ms a load). Given to the bundler as an ES module with one default export, the polyfill is
 * imported as it is, its code unchanged.
 */
import type { Plugin } from 'vite';

const POLYFILL = /[/\\]webextension-polyfill[/\\]dist[/\\]browser-polyfill(?:\.min)?\.js$/;

/** The polyfill's UMD source as an ES module: its `module.exports` becomes the default export. */
export function polyfillModule(code: string): string {
  return `var module = { exports: {} }, exports = module.exports;\n${code}\nexport default module.exports;\n`;
}

export function polyfillAsModule(): Plugin {
  return {
    name: 'metoo:polyfill-as-module',
    enforce: 'pre',
    transform(code, id) {
      return POLYFILL.test(id) ? { code: polyfillModule(code), map: null } : null;
    },
  };
}
