import { defineConfig } from 'vitest/config';

// `npm run test:hard`: the long reliability and security suites (`*.hard.ts` here). They run one file
// at a time: the crash-safety suite starts API processes and kills them.
export default defineConfig({
  test: {
    root: new URL('../../../..', import.meta.url).pathname,
    include: ['apps/api/test/hard/**/*.hard.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 300_000,
  },
});
