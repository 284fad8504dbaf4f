import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Store tests take file locks and write temp dirs; keep them off each other's toes on 2 cores.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
