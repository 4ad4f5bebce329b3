/**
 * Bad input (fast version, in `npm test`): fast-check mutations of a valid request to every route —
 * malformed and hostile bodies, fields of the wrong type, raw invalid UTF-8, wrong content types,
 * hostile query strings, headers and path parameters, oversized bodies. No answer may be a 5xx or
 * lack the standard error shape. `npm run test:hard` runs many more per route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz/run-fuzz.js';
import { EXPECTATIONS } from './matrix/expectations/index.js';
import { buildWorld, type World } from './matrix/world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.stop());

describe('bad input', () => {
  it('never answers 5xx and always answers errors in the standard shape', { timeout: 600_000 }, async () => {
    const f = await runFuzz(w, w.t.routes, EXPECTATIONS, { runsPerRoute: Number(process.env.FUZZ_RUNS ?? 25), seed: 20260302 });
    console.log(`[bad-input fast] requests tried ${f.tried}, 5xx ${f.status5xx.length}, without the error shape ${f.badShape.length}; ${JSON.stringify(f.byStrategy)}`);
    expect(f.status5xx, '5xx answers').toEqual([]);
    expect(f.badShape, 'errors without { error: { code, message } }').toEqual([]);
    expect(f.tried).toBe(w.t.routes.length * Number(process.env.FUZZ_RUNS ?? 25));
  });

  it('refuses NUL characters and unpaired surrogates with 400 (PostgreSQL would fail with a 500)', async () => {
    const d = await w.department('own');
    const admin = w.personas.admin;
    const nul = await w.t.as(admin).patch(`/api/departments/${d.id}`, { version: 1, nameEn: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.details.issues[0]).toMatchObject({ path: 'nameEn', code: 'invalid_text' });
    const lone = await w.t.app.inject({
      method: 'PATCH',
      url: `/api/departments/${d.id}`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      payload: '{"version":1,"nameEn":"x\\ud800"}',
    });
    expect(lone.statusCode).toBe(400);
    const pair = await w.t.as(admin).patch(`/api/departments/${d.id}`, { version: 1, nameEn: '𠜎 ok' });
    expect(pair.status).toBe(200);
  });

  it('accepts ?lang= on routes with a strict query schema and answers in that language', async () => {
    const ok = await w.t.request(w.personas.admin, 'GET', '/api/institutions?lang=en&tier=county');
    expect(ok.status).toBe(200);
    const bad = await w.t.request(w.personas.admin, 'GET', '/api/institutions?lang=en&tier=nowhere');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^The request is not valid/);
  });

  it('answers an over-long path parameter in the standard shape', async () => {
    const res = await w.t.request(w.personas.admin, 'GET', `/api/institutions/${'9'.repeat(300)}`);
    // 414 from the router; 404 when the web app's catch-all route is registered (a built web app present).
    expect([414, 404]).toContain(res.status);
    expect(res.body.error.code).toMatch(/^request\.(uri_too_long|route_not_found)$/);
  });

  it('stores SQL, HTML and script payloads verbatim (parameterised, never interpreted)', async () => {
    const payloads = ["'; drop table users; --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '=cmd|/C calc!A0'];
    for (const text of payloads) {
      const d = await w.department('own');
      const res = await w.t.as(w.personas.admin).patch(`/api/departments/${d.id}`, { version: 1, nameEn: text });
      expect(res.status).toBe(200);
      expect(res.body.nameEn).toBe(text);
    }
    expect((await w.t.db.query<{ n: number }>('select count(*) as n from users'))[0]?.n).toBeGreaterThan(0);
  });
});
