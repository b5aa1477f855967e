/**
 * `npm run bench`: the detection benchmark in Node, then the page benchmarks in Debian's Chromium
 * (headless) with the built extension, one module per measure in scripts/bench/. Prints a table;
 * writes bench-results.json.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchWithExtension } from '../e2e/support/browser.ts';
import { startFixtureServer } from '../e2e/support/server.ts';
import { measureAppend } from './bench/append.ts';
import { measureBundle } from './bench/bundle-size.ts';
import { measureCard } from './bench/card.ts';
import { measureHover } from './bench/hover.ts';
import { measureChurn } from './bench/churn.ts';
import {
  APPEND,
  type Bench,
  OUT,
  PAGES,
  POSTS,
  RESULTS,
  type Results,
  ROOT,
  run,
  timelinePage,
  writePage,
} from './bench/common.ts';
import { LEAST_WORK_POSTS, measureLeastWork } from './bench/least-work.ts';
import { measureLoad, MENTION_FREE_POSTS } from './bench/load.ts';
import { measureFloors } from './bench/floors.ts';
import { measureMainThread } from './bench/main-thread.ts';
import { measureMemory } from './bench/memory.ts';
import { measurePopupAndCommand } from './bench/popup-command.ts';
import { measureRender } from './bench/render.ts';
import { measureScan } from './bench/scan.ts';
import { buildScanBundle } from './bench/scan-bundle.ts';
import { measureScroll } from './bench/scroll.ts';
import { measureSize } from './bench/size.ts';
import { printTable } from './bench/table.ts';
import { generateTimeline } from './bench/timeline.ts';

const require = createRequire(import.meta.url);

/**
 * `npm run bench -- --only=card,churn` measures only those groups (names as in bench-results.json)
 * and keeps the file's other figures: for working on one measure. Without it, every measure runs.
 */
const ONLY: Set<string> | null = (() => {
  const arg = process.argv.find((a) => a.startsWith('--only='));
  return arg ? new Set(arg.slice('--only='.length).split(',').filter(Boolean)) : null;
})();

/** Writes the generated pages: each under a host the extension ignores and one where it runs. */
function writePages(bench: Pick<Bench, 'timeline'>): void {
  const scroll = readFileSync(join(import.meta.dirname, 'bench', 'scroll-page.js'), 'utf8');
  const feed = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title>
<style>body{font:15px/1.4 sans-serif;margin:0}</style></head><body><script>${scroll}</script></body></html>`;
  for (const host of ['bench.test', 'x.com']) {
    writePage(host, 'timeline.html', timelinePage(bench.timeline.posts));
    writePage(host, 'empty.html', timelinePage([]));
    writePage(host, 'scroll.html', feed);
  }
  writePage('bench.test', 'big.html', timelinePage(generateTimeline(LEAST_WORK_POSTS, 2020).posts));
  const quiet = generateTimeline(MENTION_FREE_POSTS, 2017, true);
  // Under bench.test too, for the floors (floors.ts): the same pages where the extension does not run.
  for (const host of ['bench.test', 'x.com']) {
    writePage(host, 'churn.html', timelinePage(bench.timeline.posts, ['churn-page.js']));
    writePage(host, 'quiet.html', timelinePage(quiet.posts));
  }
  // The size fixtures of e2e/size.spec.ts: 100,000 mentions, and one 10 MB text node.
  for (const host of ['bench.test', 'x.com']) {
    cpSync(join(ROOT, 'e2e', 'fixtures', 'pages', 'x.com', 'size'), join(PAGES, host, 'size'), {
      recursive: true,
    });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (ONLY === null || ONLY.has('detect')) {
    console.log('• detect (Node)');
    run(process.execPath, [join(import.meta.dirname, 'bench-detect.ts')]);
  }
  console.log('• building the extension and the page bundle');
  // Measured on the test build (its card is the readable `<metoo-context>`); sizes from the store build.
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '--mode', 'e2e']);
  rmSync(OUT, { recursive: true, force: true });
  const pages = {
    scanBundle: await buildScanBundle(),
    markjs: readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8'),
    timeline: generateTimeline(POSTS),
    extra: generateTimeline(APPEND, 1017),
  };
  writePages(pages);

  const { server, port } = await startFixtureServer(0, PAGES);
  const context = await launchWithExtension(port);
  const bench: Bench = { context, ...pages };
  const results: Results = {};
  const wanted = (name: string) => ONLY === null || ONLY.has(name);
  try {
    if (wanted('scan')) results.scan = await measureScan(bench);
    if (wanted('append') || wanted('card') || wanted('memory')) {
      const append = await measureAppend(bench);
      if (wanted('append')) results.append = append.figures;
      if (wanted('mainThread')) results.mainThread = await measureMainThread(bench);
      if (wanted('card')) results.card = await measureCard(append.live.tab, context);
      if (wanted('memory')) results.memory = await measureMemory(bench, append.live);
      await append.live.tab.close();
    } else if (wanted('mainThread')) {
      results.mainThread = await measureMainThread(bench);
    }
    if (wanted('scan')) results.scan = { ...results.scan, ...(await measureLeastWork(bench)) };
    if (wanted('churn')) results.churn = await measureChurn(bench);
    if (wanted('hover')) results.hover = await measureHover(bench);
    if (wanted('load')) results.load = await measureLoad(bench);
    if (wanted('scroll')) results.scroll = await measureScroll(bench);
    if (wanted('floor')) results.floor = await measureFloors(bench);
    if (wanted('render')) results.render = await measureRender(bench);
    if (wanted('popup') || wanted('command')) {
      Object.assign(results, await measurePopupAndCommand(bench));
    }
    if (wanted('size')) results.size = await measureSize(bench);
  } finally {
    await context.close();
    server.close();
  }
  results.bundle = measureBundle();

  const previous = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results)
    : {};
  const merged = { ...previous, ...results };
  writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  printTable(merged);
  console.log(`\nbench-results.json written in ${Math.round((Date.now() - started) / 1000)} s`);
}

await main();
