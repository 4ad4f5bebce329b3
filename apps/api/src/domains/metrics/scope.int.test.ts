/**
 * KPIs of an institution, a region and a supervising authority's network, against hand-computed
 * expectations. Consults and referrals are generated in their tables with their events (as in
 * metrics.int.test.ts), so the rollup job reads what production reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2025-07-01T02:00:00Z');
});
afterAll(() => t.stop());

const setDivision = (id: string, code: string, regionZh = '测试地区') =>
  t.db.query('update institutions set division_code = $2, region_zh = $3, region_en = $3 where id = $1', [id, code, regionZh]);

async function world() {
  // A prefecture-level region R (4 digits) with its health commission and two local hospitals.
  const R = `9${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const authority = await t.factory.institution({ tier: 'prefecture', type: 'authority' });
  const otherAuthority = await t.factory.institution({ tier: 'prefecture', type: 'authority' });
  const top = await t.factory.institution({ tier: 'national' });
  const local1 = await t.factory.institution({ tier: 'county', parentId: authority.id });
  const local2 = await t.factory.institution({ tier: 'county', parentId: authority.id });
  const elsewhere = await t.factory.institution({ tier: 'county', parentId: otherAuthority.id });
  await setDivision(authority.id, `${R}00`, '测试州');
  await setDivision(local1.id, `${R}01`);
  await setDivision(local2.id, `${R}21`);
  const topLeader = await t.factory.user(top.id, ['leader']);
  const topCoord = await t.factory.user(top.id, ['coordinator']);
  const manager = await t.factory.user(authority.id, ['leader']);
  const managerCoord = await t.factory.user(authority.id, ['coordinator']);
  const local1Leader = await t.factory.user(local1.id, ['leader']);
  const local1Clinician = await t.factory.user(local1.id, ['clinician']);
  const dept = await t.factory.department(top.id);
  const local1Dept = await t.factory.department(local1.id);
  const experts: string[] = [];
  for (let i = 0; i < 3; i++) experts.push((await t.factory.practitioner(top.id, dept.id, ['expert'])).practitionerId);
  const agreement = async (assisted: string, supervisor: string) => {
    const res = await t.as(topLeader).post('/api/agreements', {
      code: `S-${Math.random().toString(36).slice(2, 8)}`,
      titleZh: '范围测试协议',
      titleEn: 'Scope test agreement',
      kind: 'paired_assistance',
      startsOn: '2024-01-01',
      endsOn: '2026-12-31',
      parties: [
        { institutionId: top.id, role: 'assisting' },
        { institutionId: assisted, role: 'assisted' },
        { institutionId: supervisor, role: 'supervising' },
      ],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const ag1 = await agreement(local1.id, authority.id);
  const ag2 = await agreement(local2.id, authority.id);
  const ag3 = await agreement(elsewhere.id, otherAuthority.id);
  const batch = async (agreementId: string, host: string, n: number) => {
    const res = await t.as(topCoord).post('/api/dispatch/batches', {
      agreementId,
      hostInstitutionId: host,
      startsOn: '2025-03-01',
      endsOn: '2025-03-10',
      members: experts.slice(0, n).map((practitionerId) => ({ practitionerId })),
    });
    expect(res.status).toBe(201);
  };
  await batch(ag1, local1.id, 2);
  await batch(ag2, local2.id, 1);
  await batch(ag3, elsewhere.id, 3);

  const [p] = await t.db.query<{ id: string }>("insert into patients (name, sex, birth_date, registered_by_institution_id) values ('测试患者', 'male', '1970-01-01', $1) returning id", [local1.id]);
  const patientId = p?.id ?? '';
  const consult = async (from: string, to: string, agreementId: string | null, submittedUtc: string, status: string, answerMinutes: number | null) => {
    const id = crypto.randomUUID();
    const submitted = new Date(submittedUtc);
    const answered = answerMinutes === null ? null : new Date(submitted.getTime() + answerMinutes * 60_000);
    await t.db.query(
      `insert into consults (id, requester_institution_id, requester_user_id, patient_id, kind, mode, urgency, status, target_institution_id, agreement_id,
                             submitted_at, answered_at, due_at, due_measure, chain_root_id, created_at, updated_at)
       values ($1,$2,$3,$4,'general','async','routine',$5,$6,$7,$8,$9,$10,'report',$1,$8,$8)`,
      [id, from, local1Clinician.id, patientId, status, to, agreementId, submitted, answered, new Date(submitted.getTime() + 60 * 60_000)],
    );
    await t.db.query("insert into consult_events (consult_id, at, action, to_status) values ($1, $2, 'submit', 'submitted')", [id, submitted]);
  };
  await consult(local1.id, top.id, ag1, '2025-03-01T01:00:00Z', 'answered', 10);
  await consult(local2.id, top.id, ag2, '2025-03-02T01:00:00Z', 'answered', 30);
  await consult(local1.id, local2.id, null, '2025-03-03T01:00:00Z', 'answered', 20); // outside any agreement: institutions only
  await consult(local1.id, top.id, ag1, '2025-03-04T01:00:00Z', 'cancelled', null); // excluded
  await consult(local2.id, top.id, ag2, '2024-12-31T15:00:00Z', 'answered', 5); // 23:00 on 31 December in Beijing: 2024

  const rid = crypto.randomUUID();
  const submitted = new Date('2025-04-01T02:00:00Z');
  await t.db.query(
    `insert into referrals (id, patient_id, from_institution_id, to_institution_id, to_department_id, created_by, direction, green_channel, urgency, status, agreement_id,
                            reason, summary, submitted_at, decided_at, accepted, created_at, updated_at)
     values ($1,$2,$3,$4,$9,$5,'down',false,'routine','accepted',$6,'原因','摘要',$7,$8,true,$7,$7)`,
    [rid, patientId, top.id, local1.id, topLeader.id, ag1, submitted, new Date(submitted.getTime() + 40 * 60_000), local1Dept.id],
  );
  await t.db.query("insert into referral_events (referral_id, at, action) values ($1, $2, 'submit')", [rid, submitted]);
  return { R, authority, otherAuthority, top, local1, local2, topLeader, topCoord, manager, managerCoord, local1Leader, local1Clinician, ag1, ag2, ag3, patientId };
}

const Y2025 = 'from=2025-01-01&to=2025-12-31';
const ids = (body: { agreements: { agreementId: string }[] }) => body.agreements.map((a) => a.agreementId).sort();

describe('KPIs of an institution', () => {
  it('sums its agreements and counts its own consults and referrals, sent and received', async () => {
    const w = await world();
    const local = await t.as(w.local1Leader).get(`/api/metrics/institutions/${w.local1.id}?${Y2025}`);
    expect(local.status).toBe(200);
    expect(ids(local.body)).toEqual([w.ag1]);
    expect(local.body.totals['dispatch.person_times']).toBe(2);
    expect(local.body.sent['consult.total']).toBe(2); // to top under ag1, to local2 outside agreements; cancelled excluded
    expect(local.body.sent['consult.response_median_minutes']).toBe(10); // 10, 20 → rank 1
    expect(local.body.sent['consult.response_p90_minutes']).toBe(20);
    expect(local.body.received['consult.total']).toBe(0);
    expect(local.body.received['referral.down']).toBe(1);
    expect(local.body.received['referral.accept_median_minutes']).toBe(40);
    expect(local.body.sent['referral.total']).toBe(0);

    const top = await t.as(w.topLeader).get(`/api/metrics/institutions/${w.top.id}?${Y2025}`);
    expect(ids(top.body)).toEqual([w.ag1, w.ag2, w.ag3].sort());
    expect(top.body.totals['dispatch.person_times']).toBe(6);
    expect(top.body.totals['dispatch.batches']).toBe(3);
    expect(top.body.received['consult.total']).toBe(2); // the 2024 one falls in the previous period
    expect(top.body.received['consult.response_p90_minutes']).toBe(30);
    expect(top.body.sent['referral.total']).toBe(1);
    const y2024 = await t.as(w.topLeader).get(`/api/metrics/institutions/${w.top.id}?from=2024-01-01&to=2024-12-31`);
    expect(y2024.body.received['consult.total']).toBe(1);
    // Reading again changes nothing (the rollup job is idempotent).
    expect((await t.as(w.topLeader).get(`/api/metrics/institutions/${w.top.id}?${Y2025}`)).body.received).toEqual(top.body.received);
  });

  it('is for the institution’s leaders and coordinators and the managers supervising it', async () => {
    const w = await world();
    expect((await t.request(undefined, 'GET', `/api/metrics/institutions/${w.local1.id}`)).status).toBe(401);
    expect((await t.as(w.local1Leader).get(`/api/metrics/institutions/not-a-uuid`)).status).toBe(400);
    expect((await t.as(w.local1Leader).get(`/api/metrics/institutions/${w.local1.id}?from=2025-07-01&to=2025-01-01`)).status).toBe(400);
    expect((await t.as(w.local1Leader).get('/api/metrics/institutions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as(w.local1Clinician).get(`/api/metrics/institutions/${w.local1.id}`)).status).toBe(403);
    expect((await t.as(w.local1Leader).get(`/api/metrics/institutions/${w.top.id}`)).status).toBe(403);
    expect((await t.as(w.manager).get(`/api/metrics/institutions/${w.top.id}`)).status).toBe(403); // not below the commission
    expect((await t.as(w.managerCoord).get(`/api/metrics/institutions/${w.local1.id}`)).status).toBe(403);
    const supervised = await t.as(w.manager).get(`/api/metrics/institutions/${w.local2.id}?${Y2025}`);
    expect(supervised.status).toBe(200);
    expect(ids(supervised.body)).toEqual([w.ag2]);
    expect(supervised.body.received['consult.total']).toBe(1);
  });
});

describe('KPIs of a region and of a network', () => {
  it('aggregates the region’s institutions within the manager’s scope', async () => {
    const w = await world();
    const res = await t.as(w.manager).get(`/api/metrics/regions/${w.R}?${Y2025}`);
    expect(res.status).toBe(200);
    expect(res.body.nameZh).toBe('测试州');
    expect(res.body.institutionCount).toBe(3);
    expect(ids(res.body)).toEqual([w.ag1, w.ag2].sort());
    expect(res.body.totals['dispatch.person_times']).toBe(3);
    expect(res.body.sent['consult.total']).toBe(3);
    expect(res.body.sent['consult.response_median_minutes']).toBe(20); // 10, 20, 30
    expect(res.body.received['consult.total']).toBe(1); // local1 → local2
    expect(res.body.received['referral.total']).toBe(1);
    const before = await t.as(w.manager).get(`/api/metrics/regions/${w.R}?from=2024-01-01&to=2024-12-31`);
    expect(before.body.sent['consult.total']).toBe(1);
    // A county prefix holds only local1.
    const county = await t.as(w.manager).get(`/api/metrics/regions/${w.R}01?${Y2025}`);
    expect(county.body.institutionCount).toBe(1);
    expect(county.body.sent['consult.total']).toBe(2);
  });

  it('refuses regions outside the scope, unknown and malformed prefixes, and non-managers', async () => {
    const w = await world();
    expect((await t.request(undefined, 'GET', `/api/metrics/regions/${w.R}`)).status).toBe(401);
    expect((await t.as(w.manager).get('/api/metrics/regions/9a')).status).toBe(400);
    expect((await t.as(w.manager).get('/api/metrics/regions/123')).status).toBe(400);
    expect((await t.as(w.manager).get('/api/metrics/regions/00')).status).toBe(404);
    expect((await t.as(w.manager).get('/api/metrics/regions/11')).status).toBe(403); // test hospitals sit in 110101, outside the commission's tree
    expect((await t.as(w.managerCoord).get(`/api/metrics/regions/${w.R}`)).status).toBe(403);
  });

  it('shows a supervising authority’s network to the managers above it', async () => {
    const w = await world();
    const res = await t.as(w.manager).get(`/api/metrics/networks/${w.authority.id}?${Y2025}`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('network');
    expect(ids(res.body)).toEqual([w.ag1, w.ag2].sort());
    expect(res.body.institutionCount).toBe(3);
    expect(res.body.totals['dispatch.person_times']).toBe(3);
    expect(res.body.sent['consult.total']).toBe(3);
    expect(res.body.agreements.find((a: { agreementId: string }) => a.agreementId === w.ag1).figures['consult.total']).toBe(1);
    expect((await t.request(undefined, 'GET', `/api/metrics/networks/${w.authority.id}`)).status).toBe(401);
    expect((await t.as(w.manager).get(`/api/metrics/networks/${w.otherAuthority.id}`)).status).toBe(403);
    expect((await t.as(w.manager).get(`/api/metrics/networks/${w.local1.id}`)).status).toBe(404); // not an authority
    expect((await t.as(w.managerCoord).get(`/api/metrics/networks/${w.authority.id}`)).status).toBe(403);
    expect((await t.as(w.topLeader).get(`/api/metrics/networks/${w.authority.id}`)).status).toBe(403);
  });
});

describe('drill-down of the institution, region and network views', () => {
  type Drill = { total: number; hidden: number; items: { id: string; date: string; detail: string; quantity: number; href: string | null; record?: Record<string, unknown> }[] };
  const drill = async (user: Parameters<T['as']>[0], path: string, query: string): Promise<Drill> => {
    const res = await t.as(user).get(`/api/metrics/${path}/drilldown?${query}&${Y2025}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('lists the consults and referrals behind the sent and received figures, patients only where the institution may see them', async () => {
    const w = await world();
    await t.db.query("insert into patient_access (patient_id, institution_id, reason) values ($1, $2, 'registration')", [w.patientId, w.local1.id]);
    const local1Coord = await t.factory.user(w.local1.id, ['coordinator']);
    const figures = (await t.as(local1Coord).get(`/api/metrics/institutions/${w.local1.id}?${Y2025}`)).body;

    const before = await t.lastAuditId();
    const sent = await drill(local1Coord, `institutions/${w.local1.id}`, 'metric=consult.total&side=sent');
    // The figure and its records agree: under ag1 and outside any agreement; the cancelled one and last year's are not there.
    expect(sent.total).toBe(figures.sent['consult.total']);
    expect(sent.total).toBe(2);
    expect(sent.hidden).toBe(0);
    expect(sent.items.map((i) => i.date)).toEqual(['2025-03-03', '2025-03-01']);
    expect(sent.items.every((i) => i.detail.includes('测试患者') && i.href?.startsWith('/consults/'))).toBe(true);
    expect(sent.items[0]?.record).toEqual({
      type: 'consult',
      kind: 'general',
      urgency: 'routine',
      greenChannel: false,
      status: 'answered',
      from: { nameZh: `测试医院${w.local1.code}`, nameEn: `Test hospital ${w.local1.code}` },
      to: { nameZh: `测试医院${w.local2.code}`, nameEn: `Test hospital ${w.local2.code}` },
      patientName: '测试患者',
    });
    const rows = await t.auditSince(before);
    expect(rows.map((r) => [r.action, r.entity_type, r.entity_id])).toEqual([['metrics.drilldown_read', 'institution', w.local1.id]]);
    expect(rows[0]?.details).toMatchObject({ metric: 'consult.total', side: 'sent', patientIds: [w.patientId] });

    const received = await drill(local1Coord, `institutions/${w.local1.id}`, 'metric=referral.down&side=received');
    expect(received.total).toBe(1);
    expect(received.items[0]?.href).toMatch(/^\/referrals\//);
    expect(received.items[0]?.record).toMatchObject({ type: 'referral', kind: 'down', status: 'accepted', from: { nameZh: `测试医院${w.top.code}` } });
    expect((await drill(local1Coord, `institutions/${w.local1.id}`, 'metric=consult.total&side=received')).total).toBe(0);

    // Leaders see the rows without the patient, and nothing is audited for them.
    const mark = await t.lastAuditId();
    const unnamed = await drill(w.local1Leader, `institutions/${w.local1.id}`, 'metric=consult.answered&side=sent');
    expect(unnamed.total).toBe(2);
    expect(JSON.stringify(unnamed.items)).not.toContain('测试患者');
    expect(unnamed.items.map((i) => i.href)).toEqual([null, null]);
    expect(unnamed.items.map((i) => i.record?.patientName)).toEqual([null, null]);
    expect(await t.auditSince(mark)).toHaveLength(0);

    // The top hospital received two of them but holds no access to the patient: counted, not shown.
    const top = await drill(w.topCoord, `institutions/${w.top.id}`, 'metric=consult.total&side=received');
    expect(top).toMatchObject({ total: 0, hidden: 2, items: [] });
  });

  it('lists the partnership records behind the totals of the scope’s agreements', async () => {
    const w = await world();
    const own = await drill(w.local1Leader, `institutions/${w.local1.id}`, 'metric=dispatch.person_times');
    expect(own.items.map((i) => i.quantity)).toEqual([2]);
    const region = await drill(w.manager, `regions/${w.R}`, 'metric=dispatch.person_times');
    expect(region.items.map((i) => i.quantity).sort()).toEqual([1, 2]);
    const regionFigures = (await t.as(w.manager).get(`/api/metrics/regions/${w.R}?${Y2025}`)).body;
    expect(region.items.reduce((n, i) => n + i.quantity, 0)).toBe(regionFigures.totals['dispatch.person_times']);
    // Without a side, consult figures are those counted under the agreements: the one outside them is not there.
    const underAgreements = await drill(w.manager, `networks/${w.authority.id}`, 'metric=consult.total');
    expect(underAgreements.total + underAgreements.hidden).toBe(2);
    const sent = await drill(w.manager, `networks/${w.authority.id}`, 'metric=consult.total&side=sent');
    expect(sent).toMatchObject({ total: 0, hidden: 3 }); // the commission may see no patient
    const topBatches = await drill(w.topLeader, `institutions/${w.top.id}`, 'metric=dispatch.batches');
    expect(topBatches.total).toBe(3); // every agreement the top hospital is party to
  });

  it('answers 401, 400, 403 and 404 like the views themselves', async () => {
    const w = await world();
    const url = (path: string, q = 'metric=consult.total&side=sent') => `/api/metrics/${path}/drilldown?${q}`;
    expect((await t.request(undefined, 'GET', url(`institutions/${w.local1.id}`))).status).toBe(401);
    for (const bad of ['metric=consult.total&side=both', 'metric=dispatch.batches&side=sent', 'metric=nope', 'side=sent', 'metric=consult.total&pageSize=0', 'metric=consult.total&from=2025-13-01', 'metric=consult.total&extra=1']) {
      const res = await t.as(w.local1Leader).get(url(`institutions/${w.local1.id}`, bad));
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBeTruthy();
    }
    expect((await t.as(w.local1Leader).get(url(`institutions/${w.local1.id}`, 'metric=consult.total&from=2025-07-01&to=2025-01-01'))).body.error.code).toBe('metrics.period_invalid');
    expect((await t.as(w.local1Leader).get(url('institutions/not-a-uuid'))).status).toBe(400);
    expect((await t.as(w.local1Clinician).get(url(`institutions/${w.local1.id}`))).status).toBe(403);
    expect((await t.as(w.local1Leader).get(url(`institutions/${w.top.id}`))).status).toBe(403);
    expect((await t.as(w.local1Leader).get(url('institutions/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await t.as(w.managerCoord).get(url(`regions/${w.R}`))).status).toBe(403);
    expect((await t.as(w.manager).get(url('regions/00'))).status).toBe(404);
    expect((await t.as(w.manager).get(url('regions/9a'))).status).toBe(400);
    expect((await t.as(w.manager).get(url(`networks/${w.otherAuthority.id}`))).status).toBe(403);
    expect((await t.as(w.manager).get(url(`networks/${w.local1.id}`))).status).toBe(404);
  });
});
