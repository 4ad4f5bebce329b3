/**
 * The one-statement chain append (migration 0420 audit_append) and the one-query actor lookup
 * (auth.repo findActorSession), both changed for throughput (issue 7): the database computes the same
 * hash the application verifies (Chinese text, nested details, nulls), concurrent appends keep one
 * unbroken chain, a rolled-back append leaves no gap, and the actor carries every membership in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser } from '../../../test/harness.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let inst: { id: string };
let user: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  inst = await t.factory.institution();
  user = await t.factory.user(inst.id, ['clinician']);
});
afterAll(() => t.stop());

const actor = () => ({ userId: user.id, username: user.username, institutionId: inst.id, ip: '10.0.0.7' });

describe('audit append in one statement', () => {
  it('stores the hash the application computes, over unicode and nested details', async () => {
    const details = { 诊断: '脑梗死 I63.9', nested: { b: [1, 'двa', null], a: true }, quote: 'he said "hi"\n' };
    const id = await t.db.transaction((tx) => t.services.audit.record(tx, actor(), { action: 'bench.check', entityType: 'consult', entityId: 'c-1', patientId: null, details }));
    const [row] = await t.db.query<{ id: number; at: Date; prev_hash: string; hash: string; details: Record<string, unknown> }>('select id, at, prev_hash, hash, details from audit_events where id = $1', [id]);
    const [prev] = await t.db.query<{ hash: string }>('select hash from audit_events where id < $1 order by id desc limit 1', [id]);
    expect(row?.prev_hash).toBe(prev?.hash ?? GENESIS_HASH);
    const expected = chainHash(row?.prev_hash ?? '', {
      at: row?.at as Date,
      actorUserId: user.id,
      actorUsername: user.username,
      actorInstitutionId: inst.id,
      action: 'bench.check',
      entityType: 'consult',
      entityId: 'c-1',
      patientId: null,
      ip: '10.0.0.7',
      details,
    });
    expect(row?.hash).toBe(expected);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('keeps one unbroken chain under concurrent appends, and a rollback leaves no link behind', async () => {
    const before = await t.lastAuditId();
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await t.services.audit.record(tx, actor(), { action: 'bench.race', entityType: 'consult', entityId: `r-${i}` });
          if (i % 6 === 0) throw new Error('rolled back on purpose');
        }).catch((e: Error) => expect(e.message).toBe('rolled back on purpose')),
      ),
    );
    const rows = await t.db.query<{ id: number; prev_hash: string; hash: string }>('select id, prev_hash, hash from audit_events where id > $1 order by id', [before]);
    expect(rows).toHaveLength(20);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await t.services.audit.verify()).toMatchObject({ ok: true, firstBrokenId: null });
  });
});

describe('actor lookup in one query', () => {
  it('returns every active membership with its roles, ordered by name, and the active institution roles', async () => {
    const a = await t.factory.institution({ nameZh: '甲医院' });
    const b = await t.factory.institution({ nameZh: '乙医院' });
    const u = await t.factory.user(b.id, ['coordinator', 'clinician'], [{ institutionId: a.id, role: 'expert' }]);
    const me = await t.as(u).get('/api/auth/me');
    expect(me.status).toBe(200);
    const actorNow = await t.services.auth.authenticate(u.token, { ip: '1.1.1.1', userAgent: 't', checkCsrf: false });
    expect(actorNow.memberships).toEqual(me.body.memberships.map((m: { institutionId: string; roles: string[] }) => ({ institutionId: m.institutionId, roles: m.roles })));
    expect(actorNow.roles).toEqual(me.body.roles);
    expect(actorNow.roles).toEqual(['clinician', 'coordinator']);
    expect(actorNow.memberships.find((m) => m.institutionId === a.id)?.roles).toEqual(['expert']);
    await t.db.query('update institutions set active = false where id = $1', [a.id]);
    const after = await t.services.auth.authenticate(u.token, { ip: '1.1.1.1', userAgent: 't', checkCsrf: false });
    expect(after.memberships.map((m) => m.institutionId)).toEqual([b.id]);
  });
});
