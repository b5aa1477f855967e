import { defineContentScript } from 'wxt/utils/define-content-script';
import { SOCIAL_MATCHES } from '../content/sites';

export default defineContentScript({
  matches: SOCIAL_MATCHES,
  main() {},
});
