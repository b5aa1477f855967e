import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: [
      'content/**/*.test.ts',
      'entrypoints/**/*.test.ts',
      'ui/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    restoreMocks: true,
    // Property and fuzz tests do seconds of work on an idle machine; a busy one must not fail them.
    testTimeout: 30_000,
    setupFiles: ['vitest.setup.ts'],
  },
});
