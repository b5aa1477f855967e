/**
 * Stands in for WXT's ContentScriptContext in the built scripts (wxt.config.ts points the import
 * here). WXT makes one for every content script, and that one's constructor announces the
 * extension's id to the page and listens for a "newer script" event any page can forge. The
 * content script makes its own context instead (./page-context.ts) and ignores this one.
 */
export class ContentScriptContext {
  /** Nothing runs on this one. */
  get isInvalid(): boolean {
    return true;
  }
}
