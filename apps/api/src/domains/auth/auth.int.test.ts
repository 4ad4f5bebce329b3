import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../http/clock.js';
import { startTestApp, TEST_PASSWORD } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('signs in, sets an HttpOnly SameSite cookie and audits the login', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    const before = await t.lastAuditId();
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/yl_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = res.json();
    expect(body.roles).toEqual(['clinician']);
    expect(body.csrfToken).toHaveLength(32);
    const audit = await t.auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['auth.login']);
  });

  it('refuses a wrong password and an unknown user with the same error', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    const wrong = await login(user.username, 'not-the-password', '10.0.0.2');
    const unknown = await login('nobody-here', 'whatever', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
  });

  it('throttles repeated wrong passwords for one account', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    for (let i = 0; i < 5; i += 1) expect((await login(user.username, 'wrong', '10.0.1.1')).statusCode).toBe(401);
    const blocked = await login(user.username, TEST_PASSWORD, '10.0.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('auth.too_many_attempts');
    expect(blocked.headers['retry-after']).toBe('900');
    t.clock.advance(16 * MINUTE);
    expect((await login(user.username, TEST_PASSWORD, '10.0.1.1')).statusCode).toBe(200);
  });

  it('rejects bad bodies with field details', async () => {
    const res = await t.request(undefined, 'POST', '/api/auth/login', { username: 'a', password: 'b', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
    expect(res.body.error.details.issues[0].path).toBe('(root)');
    const missing = await t.request(undefined, 'POST', '/api/auth/login', { username: 'a' });
    expect(missing.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['password']);
  });

  it('answers in English when asked', async () => {
    const res = await t.request(undefined, 'GET', '/api/auth/me', undefined, { 'accept-language': 'en-US' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Please sign in first');
    const zh = await t.request(undefined, 'GET', '/api/auth/me');
    expect(zh.body.error.message).toBe('请先登录');
  });
});

describe('sessions', () => {
  it('expires idle sessions', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    expect((await t.as(user).get('/api/auth/me')).status).toBe(200);
    t.clock.advance(13 * HOUR);
    const res = await t.as(user).get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.session_expired');
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    const res = await login(user.username, TEST_PASSWORD, '10.0.2.1');
    const cookie = `yl_session=${res.json().token}`;
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf_failed');
    const withToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': res.json().csrfToken } });
    expect(withToken.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('signs out everywhere', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    const second = { ...user, token: (await login(user.username, TEST_PASSWORD, '10.0.3.1')).json().token };
    const res = await t.as(user).post('/api/auth/logout-all');
    expect(res.status).toBe(200);
    expect(res.body.revoked).toBe(2);
    expect((await t.as(second).get('/api/auth/me')).status).toBe(401);
  });

  it('switches between institutions where the user holds roles, and only those', async () => {
    const a = await t.factory.institution();
    const b = await t.factory.institution();
    const c = await t.factory.institution();
    const user = await t.factory.user(a.id, ['clinician'], [{ institutionId: b.id, role: 'coordinator' }]);
    const switched = await t.as(user).post('/api/auth/switch', { institutionId: b.id });
    expect(switched.status).toBe(200);
    expect(switched.body.roles).toEqual(['coordinator']);
    expect((await t.as(user).get('/api/auth/me')).body.activeInstitutionId).toBe(b.id);
    expect((await t.as(user).post('/api/auth/switch', { institutionId: c.id })).status).toBe(403);
    expect((await t.as(user).post('/api/auth/switch', { institutionId: 'nope' })).status).toBe(400);
  });
});

describe('request hygiene', () => {
  it('answers malformed JSON, oversized bodies, wrong content type and unknown routes with the error shape', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.malformed_json');
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
    const type = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(type.statusCode).toBe(415);
    expect(type.json().error.code).toBe('request.unsupported_media_type');
    const none = await t.request(undefined, 'GET', '/api/no-such-thing');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('request.route_not_found');
  });

  it('reports health with the database kind and migration version', async () => {
    const res = await t.request(undefined, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(['pglite', 'postgres']).toContain(res.body.database);
    expect(res.body.migrationVersion).toBeGreaterThanOrEqual(2);
  });
});
