/**
 * `npm test`: the checks, the unit tests, the Chrome builds (store and test) and the end-to-end
 * tests (the attack suite on the store build, the rest on the test build), the Firefox builds, the
 * store build's lint and the end-to-end tests on the test build, in that order, each run even when
 * an earlier one failed, then one closing line over all of them: "N passed, M failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

interface Tally {
  passed: number;
  failed: number;
}

// The tools' own caches go under node_modules/.cache, not the system's temporary folder, so that a
// run leaves nothing there: Node's compile cache (npm and Vite turn it on) and Playwright's
// cache of transformed test files.
const caches = resolve('node_modules', '.cache');
process.env.NODE_COMPILE_CACHE ??= join(caches, 'node-compile');
process.env.PLAYWRIGHT_TRANSFORM_CACHE_DIR ??= join(caches, 'playwright-transform');

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(command: string, args: string[]): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const tally: Tally = { passed: 0, failed: 0 };
const lines: string[] = [];
// Which tests failed, repeated beside the totals: a CI log that keeps only its tail still names them.
const failures: string[] = [];

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[];
  }[];
}

/** The failed tests of a Playwright JSON report, as "file:line › title [project]: first error line". */
function playwrightFailures(suites: PlaywrightSuite[] | undefined): string[] {
  return (suites ?? []).flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === 'unexpected')
        .map((test) => {
          const message = stripVTControlCharacters(test.results.at(-1)?.error?.message ?? '');
          const first = message.split('\n').find((line) => line.trim() !== '') ?? '';
          return `${spec.file}:${spec.line} › ${spec.title} [${test.projectName}]: ${first.trim()}`;
        }),
    ),
    ...playwrightFailures(suite.suites),
  ]);
}

function count(name: string, passed: number, failed: number): void {
  tally.passed += passed;
  tally.failed += failed;
  lines.push(`${name}: ${passed} passed, ${failed} failed`);
}

// Static checks count one each: type-check, lint, format.
for (const [name, command, args] of [
  ['tsc', 'npx', ['tsc', '--noEmit']],
  ['eslint', 'npx', ['eslint', '.']],
  ['prettier', 'npx', ['prettier', '--check', '.']],
] as const) {
  const ok = run(command, [...args]);
  count(name, ok ? 1 : 0, ok ? 0 : 1);
}

const unitOk = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}/unit.json`,
]);
const unit = readJson(`${results}/unit.json`) as {
  numPassedTests: number;
  numFailedTests: number;
  testResults?: { name: string; assertionResults?: { fullName: string; status: string }[] }[];
} | null;
for (const file of unit?.testResults ?? [])
  for (const test of file.assertionResults ?? [])
    if (test.status === 'failed') failures.push(`unit: ${file.name} › ${test.fullName}`);
if (unit)
  count('unit', unit.numPassedTests, unit.numFailedTests + (unitOk || unit.numFailedTests ? 0 : 1));
else count('unit', 0, 1);

// The store build (what ships; the attack suite attacks it) and the test build (every other suite).
const storeBuildOk = run('npx', ['wxt', 'build']);
count('build', storeBuildOk ? 1 : 0, storeBuildOk ? 0 : 1);
const testBuildOk = run('npx', ['wxt', 'build', '--mode', 'e2e']);
count('build (test)', testBuildOk ? 1 : 0, testBuildOk ? 0 : 1);
const buildOk = storeBuildOk && testBuildOk;

if (buildOk) {
  const e2eOk = run('npx', ['playwright', 'test']);
  const e2e = readJson(`${results}/e2e.json`) as {
    stats: { expected: number; unexpected: number; flaky: number };
    suites?: PlaywrightSuite[];
  } | null;
  for (const failure of playwrightFailures(e2e?.suites)) failures.push(`e2e: ${failure}`);
  if (e2e) {
    // No test has a retry (playwright.config.ts), so one that Playwright calls flaky failed once.
    const failed = e2e.stats.unexpected + e2e.stats.flaky;
    count('e2e', e2e.stats.expected, failed + (e2eOk || failed ? 0 : 1));
  } else count('e2e', 0, 1);
} else {
  count('e2e (not run: the build failed)', 0, 1);
}

// Firefox: its store build, Mozilla's linter on it, and the end-to-end tests in Debian's
// firefox-esr on its test build.
const firefoxStoreOk = run('npx', ['wxt', 'build', '-b', 'firefox']);
count('build (Firefox)', firefoxStoreOk ? 1 : 0, firefoxStoreOk ? 0 : 1);
const firefoxTestOk = run('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']);
count('build (Firefox, test)', firefoxTestOk ? 1 : 0, firefoxTestOk ? 0 : 1);
const firefoxBuildOk = firefoxStoreOk && firefoxTestOk;
if (firefoxBuildOk) {
  const lintOk = run('npx', [
    'web-ext',
    'lint',
    '--no-config-discovery',
    '--source-dir',
    '.output/firefox-mv3',
    '--warnings-as-errors',
  ]);
  count('web-ext lint', lintOk ? 1 : 0, lintOk ? 0 : 1);
  const firefoxOk = run(process.execPath, ['scripts/test-firefox.ts']);
  const firefox = readJson(`${results}/firefox.json`) as { passed: number; failed: number } | null;
  if (firefox)
    count('e2e (Firefox)', firefox.passed, firefox.failed + (firefoxOk || firefox.failed ? 0 : 1));
  else count('e2e (Firefox)', 0, 1);
} else {
  count('e2e (Firefox, not run: the build failed)', 0, 1);
}

console.log('');
if (failures.length > 0) {
  console.log('Failed:');
  for (const failure of failures) console.log(`  ${failure}`);
  console.log('(Firefox: see the spec report\'s "failing tests" above.)');
}
for (const line of lines) console.log(line);
const summary = `${tally.passed} passed, ${tally.failed} failed`;
writeFileSync(`${results}/summary.txt`, `${summary}\n`);
console.log(summary);
process.exitCode = tally.failed === 0 ? 0 : 1;
