// @vitest-environment node
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { terserPass } from './terser-pass';

/** A first pass's output, as the bundler leaves it: minified, with what terser still folds. */
const FIRST_PASS = `(function(){var n=function(t){if(t===void 0){return"none"}else{return"tag:"+t}};var total=0;for(var i=0;i<3;i=i+1){total=total+i}globalThis.result=[n("metoo"),n(),total].join(",")})();`;

interface FakeChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  map: object | null;
}

async function run(bundle: Record<string, FakeChunk>): Promise<void> {
  const hook = terserPass().generateBundle as unknown as (
    this: unknown,
    options: unknown,
    bundle: Record<string, FakeChunk>,
  ) => Promise<void>;
  await hook.call({}, {}, bundle);
}

const chunk = (fileName: string, map: object | null = null): FakeChunk => ({
  type: 'chunk',
  fileName,
  code: FIRST_PASS,
  map,
});

const resultOf = (code: string) => {
  const context: { result?: string } = {};
  runInNewContext(code, { globalThis: context });
  return context.result;
};

describe('the content script’s second minifying pass', () => {
  it('makes the content script smaller, doing the same', async () => {
    const bundle = { content: chunk('content-scripts/content.js') };
    await run(bundle);
    expect(bundle.content.code.length).toBeLessThan(FIRST_PASS.length);
    expect(resultOf(bundle.content.code)).toBe(resultOf(FIRST_PASS));
    expect(resultOf(FIRST_PASS)).toBe('tag:metoo,none,3');
  });

  it('leaves every other bundle, and a build with source maps, as the bundler made them', async () => {
    const bundle = {
      card: chunk('card-ui.js'),
      background: chunk('background.js'),
      mapped: chunk('content-scripts/content.js', { version: 3 }),
    };
    await run(bundle);
    for (const each of Object.values(bundle)) expect(each.code).toBe(FIRST_PASS);
  });
});
