/**
 * A second minifying pass over the content script, the one bundle with a size budget (20,000 B
 * gzipped: it runs on every page the extension may read). The bundler's own minifier (oxc) runs
 * first; terser's compressor then finds what it left, about 1 % of the gzipped size. Other bundles
 * are left as the bundler makes them.
 */
import { minify } from 'terser';
import type { Plugin } from 'vite';

const CONTENT_SCRIPT = /(?:^|\/)content-scripts\/content\.js$/;

export function terserPass(): Plugin {
  return {
    name: 'metoo:terser-pass',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !CONTENT_SCRIPT.test(chunk.fileName)) continue;
        // A build with source maps (a development probe) keeps the first pass's code, which its
        // map describes; the store and test builds have none.
        if (chunk.map) continue;
        const result = await minify(chunk.code, {
          compress: { passes: 2 },
          mangle: true,
          sourceMap: false,
        });
        if (result.code === undefined) throw new Error(`terser gave nothing for ${chunk.fileName}`);
        chunk.code = result.code;
      }
    },
  };
}
