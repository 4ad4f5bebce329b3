/**
 * Authorisation matrix, long version (`npm run test:hard`): the whole matrix twice — with bearer
 * tokens and with cookie sessions + CSRF header, as the web app sends them — and 25 random,
 * sequential and FHIR-style guessed ids per path parameter and persona.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTATIONS } from './matrix/expectations/index.js';
import { PENDING_ROUTES } from './matrix/expectations/pending.js';
import { runMatrix, summary } from './matrix/run-matrix.js';
import { buildWorld, type World } from './matrix/world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.stop());

describe('authorisation matrix (long)', () => {
  for (const auth of ['bearer', 'cookie'] as const) {
    it(`allows exactly what the table allows (${auth})`, { timeout: 1_800_000 }, async () => {
      const f = await runMatrix(w, w.t.routes, EXPECTATIONS, { auth, guessedIds: Number(process.env.GUESSED_IDS ?? 25), pending: PENDING_ROUTES });
      console.log(`[authz-matrix long, ${auth}]\n${summary(f)}`);
      expect(f.missingExpectations).toEqual([]);
      expect(f.unexpectedAllows).toEqual([]);
      expect(f.leaks).toEqual([]);
      expect(f.unexpectedDenies).toEqual([]);
      expect(f.unexpectedStatuses).toEqual([]);
    });
  }
});
