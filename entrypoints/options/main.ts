import { t, uiLanguage } from '../../content/i18n';
import { startOptionsPage } from './page';

document.documentElement.lang = uiLanguage();
document.title = t('options_title');
const root = document.getElementById('options');
if (root) void startOptionsPage(document, root);
