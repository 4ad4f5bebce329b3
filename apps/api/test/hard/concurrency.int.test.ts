/**
 * Concurrency: many clients racing on the same record. Version-checked PATCHes — exactly one wins per
 * version, the others get 409 record.version_conflict; racing creates of the same unique code —
 * exactly one 201, the others 409 record.duplicate (never a 500); the audit chain stays whole.
 * Extend with consult transitions and bed reservations as they land.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser } from '../harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let admin: TestUser;
let inst: { id: string };
const RACERS = Number(process.env.RACERS ?? 16);
beforeAll(async () => {
  t = await startTestApp();
  inst = await t.factory.institution();
  admin = await t.factory.user(inst.id, ['admin']);
});
afterAll(() => t.stop());

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();

describe('version-checked updates', () => {
  it('lets exactly one of many racing PATCHes win each version', async () => {
    const dept = await t.factory.department(inst.id);
    for (let version = 1; version <= 5; version += 1) {
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => t.as(admin).patch(`/api/departments/${dept.id}`, { version, nameEn: `Racer ${version}-${i}` })),
      );
      expect(statuses(results)).toEqual([200, ...Array(RACERS - 1).fill(409)]);
      const winner = results.find((r) => r.status === 200);
      expect(winner?.body.version).toBe(version + 1);
      for (const loser of results.filter((r) => r.status === 409)) expect(loser.body.error.code).toBe('record.version_conflict');
      const [row] = await t.db.query<{ version: number; name_en: string }>('select version, name_en from departments where id = $1', [dept.id]);
      expect(row).toEqual({ version: version + 1, name_en: winner?.body.nameEn });
    }
  });

  it('counts one audit row per winning update only', async () => {
    const dept = await t.factory.department(inst.id);
    const before = await t.lastAuditId();
    await Promise.all(Array.from({ length: RACERS }, () => t.as(admin).patch(`/api/departments/${dept.id}`, { version: 1, nameEn: 'Once' })));
    const rows = (await t.auditSince(before)).filter((r) => r.entity_id === dept.id);
    expect(rows.map((r) => r.action)).toEqual(['department.update']);
  });
});

describe('racing creates', () => {
  it('creates a department code once; the others get 409 record.duplicate', async () => {
    const code = `RACE${Date.now() % 100000}`;
    const results = await Promise.all(
      Array.from({ length: RACERS }, () => t.as(admin).post(`/api/institutions/${inst.id}/departments`, { code, nameZh: '竞争科', nameEn: 'Race', specialty: 'x' })),
    );
    expect(statuses(results)).toEqual([201, ...Array(RACERS - 1).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'record.duplicate')).toBe(true);
    const rows = await t.db.query('select id from departments where institution_id = $1 and code = $2', [inst.id, code]);
    expect(rows).toHaveLength(1);
  });

  it('creates a username once under a race', async () => {
    const username = `race.user${Date.now() % 100000}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.as(admin).post('/api/users', { username, displayName: '竞争', password: 'Race-pass-2026', roles: [{ institutionId: inst.id, role: 'clinician' }] })),
    );
    expect(statuses(results)).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('grants the same role concurrently without errors or duplicates', async () => {
    const user = await t.factory.user(inst.id, ['clinician']);
    const results = await Promise.all(Array.from({ length: RACERS }, () => t.as(admin).post(`/api/users/${user.id}/roles`, { institutionId: inst.id, role: 'expert' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const rows = await t.db.query("select 1 from user_roles where user_id = $1 and role = 'expert'", [user.id]);
    expect(rows).toHaveLength(1);
  });

  it('keeps the audit chain whole after all the racing', async () => {
    expect(await t.services.audit.verify()).toMatchObject({ ok: true });
  });
});
