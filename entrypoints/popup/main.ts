import { renderPopup } from '../../content/popup-page';

const root = document.getElementById('popup');
if (root) void renderPopup(document, root, location.search);
