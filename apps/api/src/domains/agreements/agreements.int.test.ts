import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';
import { activeAgreementBetween, partnersOf } from './index.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2025-07-01T02:00:00Z');
});
afterAll(() => t.stop());

async function network() {
  const authority = await t.factory.institution({ tier: 'prefecture', type: 'authority' });
  const top = await t.factory.institution({ tier: 'national' });
  const local = await t.factory.institution({ tier: 'prefecture', parentId: authority.id });
  const manager = await t.factory.user(authority.id, ['leader']);
  const leader = await t.factory.user(top.id, ['leader']);
  const coord = await t.factory.user(top.id, ['coordinator']);
  const outsider = await t.factory.user((await t.factory.institution()).id, ['leader']);
  return { authority, top, local, manager, leader, coord, outsider };
}

const body = (n: Awaited<ReturnType<typeof network>>, extra: Record<string, unknown> = {}) => ({
  code: `AG-${Math.random().toString(36).slice(2, 8)}`,
  titleZh: '测试指导共建协议',
  titleEn: 'Test guided building agreement',
  kind: 'guided_building',
  signedOn: '2025-01-01',
  startsOn: '2025-01-01',
  endsOn: '2027-12-31',
  areas: ['discipline_building', 'talent'],
  parties: [
    { institutionId: n.top.id, role: 'assisting' },
    { institutionId: n.local.id, role: 'assisted' },
    { institutionId: n.authority.id, role: 'supervising' },
  ],
  phases: [
    { nameZh: '技术合作', nameEn: 'Technical cooperation', kind: 'technical_cooperation', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    { nameZh: '托管', nameEn: 'Trusteeship', kind: 'trusteeship', startsOn: '2026-01-01', endsOn: '2027-12-31' },
  ],
  targets: [
    { metric: 'dispatch.person_times', comparison: 'gte', value: 40, year: 2025 },
    { metric: 'training.trainees', value: 20, phase: 1 },
  ],
  ...extra,
});

describe('agreements', () => {
  it('creates an agreement with phases and targets, audited', async () => {
    const n = await network();
    const before = await t.lastAuditId();
    const res = await t.as(n.leader).post('/api/agreements', body(n));
    expect(res.status).toBe(201);
    expect(res.body.phases.map((p: { nameZh: string }) => p.nameZh)).toEqual(['技术合作', '托管']);
    expect(res.body.targets).toHaveLength(2);
    expect(res.body.targets.find((x: { metric: string }) => x.metric === 'training.trainees').phaseId).toBe(res.body.phases[0].id);
    expect(res.body.can).toEqual({ amend: true, record: true });
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['agreement.create']);
  });

  it('refuses 401, 400 per bad field, 403 for non-leaders and outsiders', async () => {
    const n = await network();
    expect((await t.request(undefined, 'POST', '/api/agreements', body(n))).status).toBe(401);
    for (const bad of [{ kind: 'friendship' }, { startsOn: '2025-13-01' }, { areas: ['golf'] }, { parties: [] }, { extra: 1 }]) {
      const res = await t.as(n.leader).post('/api/agreements', body(n, bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const phaseOutside = await t.as(n.leader).post('/api/agreements', body(n, { phases: [{ nameZh: 'x', nameEn: 'x', kind: 'trusteeship', startsOn: '2024-01-01', endsOn: '2025-01-01' }] }));
    expect(phaseOutside.body.error.code).toBe('agreement.phase_outside_term');
    expect((await t.as(n.coord).post('/api/agreements', body(n))).status).toBe(403);
    expect((await t.as(n.outsider).post('/api/agreements', body(n))).status).toBe(403);
  });

  it('lets the supervising program manager see and amend; outsiders get 404; amendments keep versions', async () => {
    const n = await network();
    const created = (await t.as(n.leader).post('/api/agreements', body(n))).body;
    expect((await t.as(n.manager).get(`/api/agreements/${created.id}`)).status).toBe(200);
    expect((await t.as(n.outsider).get(`/api/agreements/${created.id}`)).status).toBe(404);
    expect((await t.as(n.leader).get('/api/agreements/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const list = await t.as(n.manager).get('/api/agreements');
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(created.id);
    expect((await t.as(n.outsider).get('/api/agreements')).body.items.map((a: { id: string }) => a.id)).not.toContain(created.id);

    const amended = await t.as(n.manager).post(`/api/agreements/${created.id}/amend`, { version: 1, reason: '第二年目标上调', targets: [{ metric: 'dispatch.person_times', value: 50, year: 2026 }] });
    expect(amended.status).toBe(200);
    expect(amended.body.version).toBe(2);
    expect(amended.body.targets.map((x: { value: number }) => x.value)).toEqual([50]);
    expect(amended.body.phases).toHaveLength(2);
    const stale = await t.as(n.manager).post(`/api/agreements/${created.id}/amend`, { version: 1, reason: 'x', titleZh: 'y' });
    expect(stale.status).toBe(409);
    const versions = await t.as(n.leader).get(`/api/agreements/${created.id}/versions`);
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0].snapshot.targets).toHaveLength(2);
    expect(versions.body[0].reason).toBe('第二年目标上调');
  });

  it('ends an agreement, which stops partnership access', async () => {
    const n = await network();
    const created = (await t.as(n.leader).post('/api/agreements', body(n))).body;
    expect((await partnersOf(t.db, n.local.id)).map((p) => p.institutionId)).toContain(n.top.id);
    expect((await activeAgreementBetween(t.db, n.top.id, n.local.id, '2025-07-01'))?.id).toBe(created.id);
    expect(await activeAgreementBetween(t.db, n.top.id, n.local.id, '2030-01-01')).toBeUndefined();
    expect(await activeAgreementBetween(t.db, n.top.id, n.authority.id)).toBeUndefined();
    const before = await t.lastAuditId();
    const ended = await t.as(n.leader).post(`/api/agreements/${created.id}/end`, { version: 1, endedOn: '2025-06-30', reason: '提前终止' });
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['agreement.end']);
    expect(await activeAgreementBetween(t.db, n.top.id, n.local.id)).toBeUndefined();
    expect((await t.as(n.leader).post(`/api/agreements/${created.id}/end`, { version: 2, endedOn: '2025-06-30', reason: 'again' })).status).toBe(409);
  });
});
