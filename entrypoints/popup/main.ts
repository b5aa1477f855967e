import { uiLanguage } from '../../content/i18n';
import { startPopup } from './page';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('popup');
if (root) void startPopup(document, root, location.search);
