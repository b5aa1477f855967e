import articleText from '../assets/000_6f62d751cffbc905.txt?raw';
import { buildArticleModel } from './article';

/** The bundled article, verbatim. */
export const ARTICLE_TEXT: string = articleText;

/** The card model of the bundled article. */
export const ARTICLE = buildArticleModel(articleText);
