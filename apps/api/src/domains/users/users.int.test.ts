import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser, unique } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let hospital: { id: string };
let township: { id: string };
let unrelated: { id: string };
let admin: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  hospital = await t.factory.institution({ tier: 'county' });
  township = await t.factory.institution({ tier: 'township', parentId: hospital.id });
  unrelated = await t.factory.institution({ tier: 'county' });
  admin = await t.factory.user(hospital.id, ['admin']);
  coordinator = await t.factory.user(hospital.id, ['coordinator']);
});
afterAll(() => t.stop());

const newUser = (institutionId: string, role = 'clinician') => ({
  username: unique('doc.'),
  displayName: '新医生',
  password: 'Strong-pass-2026',
  roles: [{ institutionId, role }],
});

describe('users and roles', () => {
  it('an admin creates a user who can then sign in; the password is never returned', async () => {
    const before = await t.lastAuditId();
    const input = newUser(township.id);
    const res = await t.as(admin).post('/api/users', input);
    expect(res.status).toBe(201);
    expect(res.body.roles).toEqual([expect.objectContaining({ institutionId: township.id, role: 'clinician' })]);
    expect(JSON.stringify(res.body)).not.toContain('Strong-pass');
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['user.create']);
    const login = await t.request(undefined, 'POST', '/api/auth/login', { username: input.username, password: input.password });
    expect(login.status).toBe(200);
    expect(login.body.activeInstitutionId).toBe(township.id);
  });

  it('401, 403 for non-admins and for institutions outside the admin’s scope', async () => {
    expect((await t.request(undefined, 'POST', '/api/users', newUser(township.id))).status).toBe(401);
    expect((await t.as(coordinator).post('/api/users', newUser(township.id))).status).toBe(403);
    expect((await t.as(admin).post('/api/users', newUser(unrelated.id))).status).toBe(403);
    expect((await t.as(coordinator).get('/api/users')).status).toBe(403);
  });

  it('400 for weak passwords, bad usernames and unknown roles; 409 for a taken username', async () => {
    const weak = await t.as(admin).post('/api/users', { ...newUser(township.id), password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0].path).toBe('password');
    expect((await t.as(admin).post('/api/users', { ...newUser(township.id), username: 'Bad Name!' })).status).toBe(400);
    expect((await t.as(admin).post('/api/users', { ...newUser(township.id), roles: [{ institutionId: township.id, role: 'king' }] })).status).toBe(400);
    const input = newUser(township.id);
    expect((await t.as(admin).post('/api/users', input)).status).toBe(201);
    const dup = await t.as(admin).post('/api/users', input);
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('username');
  });

  it('grants and revokes roles, lists users in scope, refuses to strip the last role', async () => {
    const user = (await t.as(admin).post('/api/users', newUser(township.id))).body;
    const granted = await t.as(admin).post(`/api/users/${user.id}/roles`, { institutionId: hospital.id, role: 'expert' });
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toHaveLength(2);
    expect((await t.as(admin).post(`/api/users/${user.id}/roles`, { institutionId: unrelated.id, role: 'expert' })).status).toBe(403);
    const revoked = await t.as(admin).post(`/api/users/${user.id}/roles/revoke`, { institutionId: hospital.id, role: 'expert' });
    expect(revoked.body.roles).toHaveLength(1);
    const last = await t.as(admin).post(`/api/users/${user.id}/roles/revoke`, { institutionId: township.id, role: 'clinician' });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('user.last_role');
    const list = await t.as(admin).get(`/api/users?institutionId=${township.id}`);
    expect(list.body.items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect((await t.as(admin).get(`/api/users?institutionId=${unrelated.id}`)).status).toBe(403);
  });

  it('deactivating a user revokes their sessions; users outside scope are 404', async () => {
    const input = newUser(township.id);
    const user = (await t.as(admin).post('/api/users', input)).body;
    const login = await t.request(undefined, 'POST', '/api/auth/login', { username: input.username, password: input.password });
    const session: TestUser = { id: user.id, username: input.username, token: login.body.token, institutionId: township.id };
    expect((await t.as(session).get('/api/auth/me')).status).toBe(200);
    const res = await t.as(admin).patch(`/api/users/${user.id}`, { version: user.version, active: false });
    expect(res.status).toBe(200);
    expect((await t.as(session).get('/api/auth/me')).status).toBe(401);
    const stranger = await t.factory.user(unrelated.id, ['clinician']);
    expect((await t.as(admin).get(`/api/users/${stranger.id}`)).status).toBe(404);
    expect((await t.as(admin).patch(`/api/users/${user.id}`, { version: 1, active: true })).status).toBe(409);
  });
});
