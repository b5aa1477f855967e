import { defineConfig } from '@playwright/test';
import { STORE_EXTENSION_DIR } from './e2e/support/browser';

/** `extensionDir`: which build a project loads (e2e/support/fixtures.ts). */
export default defineConfig<object, { extensionDir: string }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  projects: [
    // Every suite reads the card, so runs on the test build (`npm run build:e2e`).
    { name: 'test-build', testIgnore: 'attack.spec.ts' },
    // The page's attacks, on what users install (`npm run build`).
    {
      name: 'store-build',
      testMatch: 'attack.spec.ts',
      use: { extensionDir: STORE_EXTENSION_DIR },
    },
  ],
});
