import { defineConfig } from 'vitest/config';

// Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`, the app over HTTP on a real
// database). YILIAN_TEST_DB=postgres with TEST_DATABASE_URL runs the integration project on PostgreSQL.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['apps/**/*.test.ts', 'apps/**/*.test.tsx', 'packages/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/node_modules/**'] } },
      { extends: true, test: { name: 'int', include: ['apps/api/**/*.int.test.ts'] } },
    ],
  },
});
