import { renderArticlePage } from './view';
import { ARTICLE } from '../../content/article-text';
import { t, uiLanguage } from '../../content/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('article_page_title');
document.getElementById('article')?.append(renderArticlePage(document, ARTICLE));
