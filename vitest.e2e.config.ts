import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The browser journeys: one production server on a throwaway database (global setup), one
// Chromium per file, files one after another (two cores, and the journeys share the demo data).
export default defineConfig({
  resolve: { alias: [{ find: /^~\//, replacement: `${path.resolve('app')}/` }] },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
