import { renderOptionsPage } from '../../content/options-page';

const root = document.getElementById('options');
if (root) void renderOptionsPage(document, root);
