/**
 * `npm run test:firefox`: the end-to-end tests in e2e-firefox/ against the Firefox test build, in one
 * process so that every test shares one Firefox (node:test with isolation "none"), then the attack
 * suite in e2e-firefox/store/ against the store build, in a child process. Prints the spec report,
 * then "firefox: N passed, M failed" over both, and writes test-results/firefox.json as
 * `{ "passed": N, "failed": M }`. Build first: `npm run build:firefox` and `npm run
 * build:e2e:firefox` (the npm script does).
 * Needs Debian's firefox-esr (or FIREFOX_PATH) and port 443 (root). Plain `node --test` would run
 * each file in its own process, each with its own Firefox and server on 443: use this instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = resolve(import.meta.dirname, '..');
// `--store`: the attack suite (e2e-firefox/store/) on the store build, in a Firefox of its own.
const store = process.argv.includes('--store');
const dir = join(root, 'e2e-firefox', ...(store ? ['store'] : []));
const reportFile = join(root, 'test-results', store ? 'firefox-store.json' : 'firefox.json');
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

if (!store) {
  // The store build's pass runs in a child: one process holds one Firefox with one build.
  const storeDir = join(root, '.output', 'firefox-mv3');
  const storeReport = join(root, 'test-results', 'firefox-store.json');
  if (!existsSync(join(storeDir, 'manifest.json'))) {
    console.log(`\nNo Firefox store build in ${storeDir}: run "npm run build:firefox" first.`);
    failed += 1;
  } else {
    rmSync(storeReport, { force: true });
    spawnSync(process.execPath, [import.meta.filename, '--store'], {
      stdio: 'inherit',
      env: { ...process.env, FIREFOX_EXTENSION_DIR: storeDir },
    });
    const counts = existsSync(storeReport)
      ? (JSON.parse(readFileSync(storeReport, 'utf8')) as { passed: number; failed: number })
      : { passed: 0, failed: 1 };
    passed += counts.passed;
    failed += counts.failed;
  }
}

mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify({ passed, failed }, null, 2)}\n`);
console.log(`\nfirefox${store ? ' (store build)' : ''}: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
