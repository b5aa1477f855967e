import { t, uiLanguage } from '../../content/i18n';
import { renderOptionsPage } from '../../content/options-page';

document.documentElement.lang = uiLanguage();
document.title = t('options_title');
const root = document.getElementById('options');
if (root) void renderOptionsPage(document, root);
