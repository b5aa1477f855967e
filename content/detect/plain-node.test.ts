// @vitest-environment node
// The detection API must load in plain Node, with no bundler (../shared's contract): a child Node does it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = new URL('../detect.ts', import.meta.url).href;

describe('content/detect.ts in plain Node', () => {
  it('imports and finds mentions with no loader but Node’s own', () => {
    const script = `
      const { extractHashtags, findMentions } = await import(${JSON.stringify(entry)});
      console.log(JSON.stringify({
        hashtags: extractHashtags('see #MeToo and http://x.com/#nope'),
        mentions: findMentions('#MoiAussi, the me too movement'),
      }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(output)).toEqual({
      hashtags: [{ hashtag: 'MeToo', start: 4, end: 10 }],
      mentions: [
        { start: 0, end: 9, tag: 'moiaussi', kind: 'hashtag' },
        { start: 15, end: 30, tag: 'metoo', kind: 'phrase' },
      ],
    });
  });
});
