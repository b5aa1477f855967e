import { ARTICLE } from '../../content/article-text';
import { renderArticlePage } from '../../content/article-page';

document.getElementById('article')?.append(renderArticlePage(document, ARTICLE));
