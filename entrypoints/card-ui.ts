import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ARTICLE } from '../content/article-text';
import { registerCardModule } from '../content/card/card-module';
import { createMentionUi } from '../content/card/mention-ui';

// Run by the background in a tab's isolated world when its page first has a mention.
export default defineUnlistedScript(() => {
  registerCardModule({
    createMentionUi: (ctx, deps) => createMentionUi(ctx, ARTICLE, deps),
  });
});
