import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: [{ find: /^~\//, replacement: `${path.resolve('app')}/` }] },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A far-off timezone: a date computed in the process's zone instead of on plain days fails here.
    env: { TZ: 'Pacific/Kiritimati', NODE_ENV: 'test', SESSION_SECRET: 'test-secret-not-for-production' },
    globalSetup: ['test/setup/global-database.ts'],
    setupFiles: ['test/setup/file-database.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
