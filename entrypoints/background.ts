import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Filled in by the popup and settings work; the service worker must exist for the toolbar action.
});
