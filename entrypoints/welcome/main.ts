import { t, uiLanguage } from '../../content/i18n';
import { renderWelcomePage } from './view';

document.documentElement.lang = uiLanguage();
document.title = t('welcome_title');
const root = document.getElementById('welcome');
if (root) renderWelcomePage(document, root);
