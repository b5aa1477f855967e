import { uiLanguage } from '../../content/i18n';
import { renderPopup } from '../../content/popup-page';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('popup');
if (root) void renderPopup(document, root, location.search);
