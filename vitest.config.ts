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
    setupFiles: ['vitest.setup.ts'],
  },
});
