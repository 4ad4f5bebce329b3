/** Bad input, long version (`npm run test:hard`): 400 fast-check mutations per route, two seeds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz/run-fuzz.js';
import { EXPECTATIONS } from './matrix/expectations/index.js';
import { buildWorld, type World } from './matrix/world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.stop());

describe('bad input (long)', () => {
  for (const seed of [1, Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)]) {
    it(`never answers 5xx, always the error shape (seed ${seed})`, { timeout: 3_600_000 }, async () => {
      const f = await runFuzz(w, w.t.routes, EXPECTATIONS, { runsPerRoute: Number(process.env.FUZZ_RUNS ?? 200), seed });
      console.log(`[bad-input long seed ${seed}] requests tried ${f.tried}, 5xx ${f.status5xx.length}, without the error shape ${f.badShape.length}; ${JSON.stringify(f.byStrategy)}`);
      expect(f.status5xx).toEqual([]);
      expect(f.badShape).toEqual([]);
    });
  }
});
