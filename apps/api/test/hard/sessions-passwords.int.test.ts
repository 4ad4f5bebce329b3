/**
 * Sessions and passwords: throttling per account and per address, expiry, revocation (sign-out,
 * sign-out everywhere, deactivation, password reset), CSRF refusal, cookie flags, argon2id
 * parameters read from the stored hash, tokens stored hashed — and a log scan: the real server,
 * logging on, must never write a password, a session token or a resident ID.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentIdCheckChar } from '@yilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/open.js';
import { ARGON2_PARAMS } from '../../src/domains/auth/passwords.js';
import { HOUR, MINUTE } from '../../src/http/clock.js';
import { startTestApp, TEST_PASSWORD } from '../harness.js';
import { call, startServer } from './support/server-process.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('throttling', () => {
  it('throttles one address trying many accounts (4 × the per-account limit)', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    for (let i = 0; i < 20; i += 1) expect((await login(`nobody${i}`, 'wrong', '10.9.0.1')).statusCode).toBe(401);
    const blocked = await login(user.username, TEST_PASSWORD, '10.9.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('auth.too_many_attempts');
    // Another address is not affected.
    expect((await login(user.username, TEST_PASSWORD, '10.9.0.2')).statusCode).toBe(200);
  });

  it('counts a username case-insensitively, so case variants do not reset the limit', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    const variants = [user.username, user.username.toUpperCase(), `U${user.username.slice(1)}`, user.username, user.username.toUpperCase()];
    for (const [i, name] of variants.entries()) expect((await login(name, 'wrong', `10.9.1.${i}`)).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, '10.9.1.9')).statusCode).toBe(429);
  });
});

describe('expiry and revocation', () => {
  it('slides expiry while active and expires after the idle TTL', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(11 * HOUR);
      expect((await t.as(user).get('/api/auth/me')).status).toBe(200);
    }
    t.clock.advance(12 * HOUR + MINUTE);
    expect((await t.as(user).get('/api/auth/me')).body.error.code).toBe('auth.session_expired');
  });

  it('revokes sessions on deactivation and on password reset by an admin', async () => {
    const inst = await t.factory.institution();
    const admin = await t.factory.user(inst.id, ['admin']);
    const a = await t.factory.user(inst.id, ['clinician']);
    const b = await t.factory.user(inst.id, ['clinician']);
    expect((await t.as(admin).patch(`/api/users/${a.id}`, { version: 1, active: false })).status).toBe(200);
    expect((await t.as(a).get('/api/auth/me')).status).toBe(401);
    expect((await login(a.username, TEST_PASSWORD, '10.9.2.1')).statusCode).toBe(401);
    expect((await t.as(admin).patch(`/api/users/${b.id}`, { version: 1, password: 'Another-pass-2026' })).status).toBe(200);
    expect((await t.as(b).get('/api/auth/me')).status).toBe(401);
    expect((await login(b.username, 'Another-pass-2026', '10.9.2.2')).statusCode).toBe(200);
  });

  it('a revoked token stays revoked (sign-out is not undone by reuse)', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    expect((await t.as(user).post('/api/auth/logout')).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await t.as(user).get('/api/auth/me')).status).toBe(401);
    expect((await t.as(user).post('/api/auth/switch', { institutionId: inst.id })).status).toBe(401);
  });
});

describe('CSRF and cookies', () => {
  it('refuses cookie writes with a missing, wrong or other session’s CSRF token; accepts the right one', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['admin']);
    const mine = (await login(user.username, TEST_PASSWORD, '10.9.3.1')).json();
    const other = (await login(user.username, TEST_PASSWORD, '10.9.3.1')).json();
    const cookie = `yl_session=${mine.token}`;
    const write = (csrf?: string) =>
      t.app.inject({ method: 'POST', url: `/api/institutions/${inst.id}/departments`, headers: { cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) }, payload: { code: `C${Math.random().toString(36).slice(2, 8)}`, nameZh: '科', nameEn: 'Dept', specialty: 'x' } });
    for (const bad of [undefined, '', 'x', other.csrfToken, `${mine.csrfToken}x`, mine.csrfToken.slice(1)]) {
      const res = await write(bad);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.csrf_failed');
    }
    expect((await write(mine.csrfToken)).statusCode).toBe(201);
    // Reads with the cookie need no token.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('flags the session cookie HttpOnly, SameSite=Strict, Path=/ and Secure when configured', async () => {
    const res = await (async () => {
      const db = await openDb({ pgliteDir: undefined });
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SECURE_COOKIES: 'true' });
      const built = await buildApp({ config, db, logger: false });
      const inst = await db.query<{ id: string }>(
        `insert into institutions (code, name_zh, name_en, tier, type, division_code, region_zh, region_en) values ('SEC1','安全','Secure','county','general','110101','区','Region') returning id`,
      );
      const hash = (await t.db.query<{ password_hash: string }>('select password_hash from users limit 1'))[0]?.password_hash;
      const u = await db.query<{ id: string }>(`insert into users (username, display_name, password_hash) values ('secure.user','S',$1) returning id`, [hash]);
      await db.query(`insert into user_roles (user_id, institution_id, role) values ($1,$2,'clinician')`, [u[0]?.id, inst[0]?.id]);
      const answer = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'secure.user', password: TEST_PASSWORD } });
      await built.close();
      await db.close();
      return answer;
    })();
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/yl_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
  });
});

describe('stored secrets', () => {
  it('hashes passwords with argon2id at the configured parameters (19 MiB, 2 passes, 1 lane)', async () => {
    const inst = await t.factory.institution();
    const admin = await t.factory.user(inst.id, ['admin']);
    const res = await t.as(admin).post('/api/users', { username: `argon${Date.now()}`, displayName: '哈希', password: 'Hash-check-2026', roles: [{ institutionId: inst.id, role: 'clinician' }] });
    expect(res.status).toBe(201);
    const [row] = await t.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [res.body.id]);
    expect(row?.password_hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}\\$`));
    expect(ARGON2_PARAMS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(row?.password_hash).not.toContain('Hash-check-2026');
  });

  it('stores only the SHA-256 of session tokens', async () => {
    const inst = await t.factory.institution();
    const user = await t.factory.user(inst.id, ['clinician']);
    const rows = await t.db.query<{ token_hash: string }>('select token_hash from sessions s join users u on u.id = s.user_id where u.username = $1', [user.username]);
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(user.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(user.token);
  });
});

describe('log scan', () => {
  it('never writes passwords, session tokens or resident IDs to the log', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yilian-logscan-'));
    const server = await startServer({ PGLITE_DIR: join(dir, 'db'), FILES_DIR: join(dir, 'files'), SEED_DEMO: 'true', LOG_LEVEL: 'trace' });
    const secrets: string[] = ['Yilian@2026', 'Wrong-password-123'];
    try {
      expect((await call(server.url, 'POST', '/api/auth/login', { username: 'cangzhou.doc', password: 'Wrong-password-123' })).status).toBe(401);
      const ok = await call(server.url, 'POST', '/api/auth/login', { username: 'cangzhou.doc', password: 'Yilian@2026' });
      expect(ok.status).toBe(200);
      const token = String(ok.json.token);
      const csrf = String(ok.json.csrfToken);
      secrets.push(token, csrf);
      const bearer = { authorization: `Bearer ${token}` };
      const cookie = { cookie: `yl_session=${token}`, 'x-csrf-token': csrf };
      for (let i = 0; i < 3; i += 1) {
        const first17 = `1101051990030${String(700 + i).padStart(4, '0')}`;
        const residentId = first17 + residentIdCheckChar(first17);
        secrets.push(residentId);
        const headers = i % 2 ? bearer : cookie;
        const reg = await call(server.url, 'POST', '/api/patients', { name: `日志测试${i}`, sex: 'female', birthDate: '1990-03-07', residentId }, headers);
        expect(reg.status).toBe(201);
        await call(server.url, 'GET', `/api/patients?residentId=${residentId}`, undefined, bearer);
        await call(server.url, 'GET', `/api/patients?q=${residentId}`, undefined, bearer);
      }
      await call(server.url, 'POST', '/api/auth/logout', {}, bearer);
    } finally {
      await server.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
    const log = server.output();
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('residentId=[redacted]');
    const found = secrets.filter((s) => log.includes(s) || log.includes(encodeURIComponent(s)));
    expect(found, 'secrets in the log').toEqual([]);
  });
});
