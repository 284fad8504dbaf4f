import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Forks, not threads: store tests take file locks and spawn the bot as a child process.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, which is a single worker on the
    // 2-core CI machine: the suite then ran file after file for ~16 minutes, most of it waiting
    // on child processes, PostgreSQL and Chromium. Two workers keep both cores busy; every test
    // file already makes its own temp directory and its own throwaway database.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
