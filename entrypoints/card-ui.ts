import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ARTICLE } from '../content/article-text';
import { registerCardModule } from '../content/card/card-module';
import { CardView } from '../content/card/card-view';

// Run by the background in a tab's isolated world when its page first has a mention.
export default defineUnlistedScript(() => {
  registerCardModule({
    createCardView: (ctx, actions, events) => new CardView(ctx, ARTICLE, actions, events),
  });
});
