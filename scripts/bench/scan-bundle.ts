/** Bundles scan-entry.ts for the benchmark page, from the same modules the content script uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { OUT } from './common.ts';

export async function buildScanBundle(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(OUT, 'bundle'),
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: join(import.meta.dirname, 'scan-entry.ts'),
        formats: ['iife'],
        name: 'metooBenchBundle',
        fileName: () => 'scan-bench.js',
      },
    },
  });
  return readFileSync(join(OUT, 'bundle', 'scan-bench.js'), 'utf8');
}
