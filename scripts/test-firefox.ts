/**
 * `npm run test:firefox`: the end-to-end tests in e2e-firefox/ against the Firefox build, in one
 * process so that every test shares one Firefox (node:test with isolation "none"). Prints the spec
 * report, then "firefox: N passed, M failed", and writes test-results/firefox.json as
 * `{ "passed": N, "failed": M }`. Build first: `npm run build:firefox` (the npm script does).
 * Needs Debian's firefox-esr (or FIREFOX_PATH) and port 443 (root). Plain `node --test` would run
 * each file in its own process, each with its own Firefox and server on 443: use this instead.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'e2e-firefox');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join(dir, name));

let passed = 0;
let failed = 0;
const stream = run({ files, isolation: 'none', concurrency: 1, timeout: 300_000 });
stream.on('test:pass', (event) => {
  if (event.details.type !== 'suite') passed += 1;
});
stream.on('test:fail', (event) => {
  // A suite fails through its tests (counted themselves) or on its own (a hook): count the latter.
  const cause = (event.details.error as { failureType?: string } | undefined)?.failureType;
  if (event.details.type !== 'suite' || cause !== 'subtestsFailed') failed += 1;
});
const report = stream.compose(spec);
report.pipe(process.stdout, { end: false });
await finished(report);

if (passed + failed === 0) failed = 1; // ran nothing: that is a failure too
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(
  join(root, 'test-results', 'firefox.json'),
  `${JSON.stringify({ passed, failed }, null, 2)}\n`,
);
console.log(`\nfirefox: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
