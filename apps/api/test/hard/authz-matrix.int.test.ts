/**
 * Authorisation matrix (fast version, in `npm test`): every route of the registry × every persona ×
 * every scope (own, child, parent, partner, unrelated) + anonymous, with bearer tokens, ~10
 * guessed ids per path parameter (nil, max, sequential, random, neighbours and FHIR-style references of real ids), and the CSRF refusal of cookie writes. The long version
 * (`npm run test:hard`) repeats it with cookie sessions and many more guessed ids.
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

describe('authorisation matrix', () => {
  it('has an expectation for every registered route (add yours to test/hard/matrix/expectations/)', () => {
    const keys = w.t.routes.map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k) => !EXPECTATIONS[k] && !PENDING_ROUTES[k]), 'routes in neither EXPECTATIONS nor PENDING_ROUTES').toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((k) => !keys.includes(k)), 'expectations for routes that do not exist').toEqual([]);
    expect(Object.keys(PENDING_ROUTES).filter((k) => !keys.includes(k) || EXPECTATIONS[k]), 'stale entries in PENDING_ROUTES').toEqual([]);
  });

  it('allows exactly what the table allows, for every route, persona and scope', { timeout: 600_000 }, async () => {
    const f = await runMatrix(w, w.t.routes, EXPECTATIONS, { auth: 'bearer', guessedIds: 1, guessedIdPersonas: ['admin', 'clinician'], pending: PENDING_ROUTES });
    console.log(`[authz-matrix fast]\n${summary(f)}`);
    expect(f.unexpectedAllows, 'unexpected allows').toEqual([]);
    expect(f.leaks, 'other tenants’ ids in allowed answers').toEqual([]);
    expect(f.unexpectedDenies, 'unexpected denies').toEqual([]);
    expect(f.unexpectedStatuses, 'neither allowed nor denied').toEqual([]);
    expect(f.tried).toBeGreaterThan(f.routes * 7);
  });

  it('can fail: a wrong table shows up as unexpected allows and denies', async () => {
    const right = EXPECTATIONS['GET /api/users/:id'];
    if (!right || Array.isArray(right)) throw new Error('expected a single case');
    const wrong = { 'GET /api/users/:id': { ...right, allow: { roles: ['clinician'], scopes: ['own'] } as const } };
    const routes = w.t.routes.filter((r) => r.url === '/api/users/:id' && r.method === 'GET');
    const f = await runMatrix(w, routes, wrong, { auth: 'bearer', guessedIds: 0, personas: ['clinician', 'admin'] });
    expect(f.unexpectedAllows.map((x) => `${x.persona}@${x.scope}`)).toEqual(['admin@own', 'admin@child']);
    expect(f.unexpectedDenies.map((x) => `${x.persona}@${x.scope}`)).toEqual(['clinician@own']);
  });
});
