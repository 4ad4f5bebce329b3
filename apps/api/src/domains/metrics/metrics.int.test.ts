/**
 * KPIs against hand-computed expectations. Dispatch, training and education go through the API; consult
 * and referral rows (owned by other domains) are generated directly in their tables with their events,
 * the way those domains write them, so the rollup job reads exactly what production reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2025-07-01T02:00:00Z'); // 1 July 2025, Beijing time
});
afterAll(() => t.stop());

async function setup() {
  const authority = await t.factory.institution({ tier: 'prefecture', type: 'authority' });
  const top = await t.factory.institution({ tier: 'national' });
  const local = await t.factory.institution({ tier: 'county', parentId: authority.id });
  const topDept = await t.factory.department(top.id);
  const localDept = await t.factory.department(local.id);
  const leader = await t.factory.user(top.id, ['leader']);
  const coord = await t.factory.user(top.id, ['coordinator']);
  const clinician = await t.factory.user(top.id, ['clinician']);
  const manager = await t.factory.user(authority.id, ['leader']);
  const localCoord = await t.factory.user(local.id, ['coordinator']);
  const e1 = await t.factory.practitioner(top.id, topDept.id, ['expert']);
  const e2 = await t.factory.practitioner(top.id, topDept.id, ['expert']);
  const e3 = await t.factory.practitioner(top.id, topDept.id, ['expert']);
  const created = await t.as(leader).post('/api/agreements', {
    code: `K-${Math.random().toString(36).slice(2, 8)}`,
    titleZh: '指标测试协议',
    titleEn: 'KPI test agreement',
    kind: 'guided_building',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    parties: [
      { institutionId: top.id, role: 'assisting' },
      { institutionId: local.id, role: 'assisted' },
      { institutionId: authority.id, role: 'supervising' },
    ],
    targets: [
      { metric: 'dispatch.person_times', value: 10, year: 2025 },
      { metric: 'training.trainees', value: 2, year: 2025 },
      { metric: 'consult.within_target_share', value: 0.9, year: 2025 },
    ],
  });
  expect(created.status).toBe(201);
  return { authority, top, local, topDept, localDept, leader, coord, clinician, manager, localCoord, e1, e2, e3, agreementId: created.body.id as string };
}

type S = Awaited<ReturnType<typeof setup>>;
const batch = (s: S, startsOn: string, endsOn: string, members: string[], activities: unknown[] = []) =>
  t.as(s.coord).post('/api/dispatch/batches', {
    agreementId: s.agreementId,
    hostInstitutionId: s.local.id,
    hostDepartmentId: s.localDept.id,
    startsOn,
    endsOn,
    members: members.map((practitionerId, i) => ({ practitionerId, lead: i === 0 })),
    activities,
  });
const dashboard = async (s: S, from = '2025-01-01', to = '2025-12-31') => {
  const res = await t.as(s.leader).get(`/api/agreements/${s.agreementId}/dashboard?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('dispatch, training and education KPIs', () => {
  it('counts batches, person-times and activities from the records, by period, with audit rows', async () => {
    const s = await setup();
    const before = await t.lastAuditId();
    const b1 = await batch(s, '2025-03-01', '2025-03-10', [s.e1.practitionerId, s.e2.practitionerId], [
      { practitionerId: s.e1.practitionerId, kind: 'clinic', onDate: '2025-03-02', quantity: 25 },
      { practitionerId: s.e2.practitionerId, kind: 'clinic', onDate: '2025-03-03', quantity: 18 },
      { practitionerId: s.e1.practitionerId, kind: 'operation', onDate: '2025-03-04', quantity: 3 },
      { kind: 'teaching_round', onDate: '2025-03-05', quantity: 12 },
    ]);
    expect(b1.status).toBe(201);
    expect(b1.body.batchNo).toBe(1);
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['dispatch.batch_create']);
    const b2 = await batch(s, '2025-06-20', '2025-07-05', [s.e1.practitionerId, s.e2.practitionerId, s.e3.practitionerId], [{ kind: 'lecture', onDate: '2025-07-02', quantity: 60 }]);
    expect(b2.body.batchNo).toBe(2);
    // A batch starting next year counts next year.
    expect((await batch(s, '2026-01-05', '2026-01-09', [s.e3.practitionerId])).status).toBe(201);
    const more = await t.as(s.coord).post(`/api/dispatch/batches/${b1.body.id}/activities`, { activities: [{ kind: 'case_discussion', onDate: '2025-03-06' }] });
    expect(more.status).toBe(201);

    const d = await dashboard(s);
    expect(d.figures['dispatch.batches']).toBe(2);
    expect(d.figures['dispatch.person_times']).toBe(5);
    expect(d.figures['dispatch.clinic_sessions']).toBe(2);
    expect(d.figures['dispatch.patients_seen']).toBe(43);
    expect(d.figures['dispatch.operations']).toBe(3);
    expect(d.figures['dispatch.teaching_rounds']).toBe(1);
    expect(d.figures['dispatch.lectures']).toBe(1);
    expect(d.figures['dispatch.case_discussions']).toBe(1);
    const q2 = await dashboard(s, '2025-04-01', '2025-06-30');
    expect(q2.figures['dispatch.person_times']).toBe(3);
    expect(q2.figures['dispatch.lectures']).toBe(0); // the lecture fell on 2 July
    // On 1 July, 182 of 365 days have elapsed (1 July included) → expected 10 × 182/365 = 4.99; 5 person-times → on track.
    const target = d.targets.find((x: { metric: string }) => x.metric === 'dispatch.person_times');
    expect(target.expected).toBe(4.99);
    expect(target.actual).toBe(5);
    expect(target.status).toBe('on_track');
    const drill = await t.as(s.leader).get(`/api/agreements/${s.agreementId}/drilldown?metric=dispatch.person_times&from=2025-01-01&to=2025-12-31`);
    expect(drill.body.items.map((r: { quantity: number }) => r.quantity)).toEqual([3, 2]);
    // Each row in Chinese and in English, linked to the agreement's dispatch tab (there is no page per batch).
    expect(drill.body.items.map((r: { label: string; labelEn: string }) => [r.label, r.labelEn])).toEqual([
      ['第 2 批', 'Batch 2'],
      ['第 1 批', 'Batch 1'],
    ]);
    expect(drill.body.items[0].href).toBe(`/agreements/${s.agreementId}?tab=dispatch`);
    const clinics = await t.as(s.leader).get(`/api/agreements/${s.agreementId}/drilldown?metric=dispatch.clinic_sessions&from=2025-01-01&to=2025-12-31`);
    // Untitled activities are named by their kind, in both languages.
    expect(clinics.body.items.map((r: { label: string; labelEn: string }) => [r.label, r.labelEn])).toEqual([
      ['门诊', 'Clinic'],
      ['门诊', 'Clinic'],
    ]);
  });

  it('counts trainees (withdrawn excluded), completions with a certificate, techniques and education attendance', async () => {
    const s = await setup();
    const trainee = (nameZh: string, startsOn: string) =>
      t.as(s.localCoord).post('/api/trainees', {
        agreementId: s.agreementId,
        nameZh,
        homeInstitutionId: s.local.id,
        hostInstitutionId: s.top.id,
        hostDepartmentId: s.topDept.id,
        supervisorPractitionerId: s.e1.practitionerId,
        startsOn,
        endsOn: '2025-09-30',
        rotationPlan: [{ nameZh: '病房', startsOn, endsOn: '2025-08-31' }],
      });
    const a = await trainee('王一', '2025-04-01');
    const b = await trainee('李二', '2025-05-01');
    expect(a.status).toBe(201);
    const withdrawn = await t.as(s.localCoord).post(`/api/trainees/${b.body.id}/withdraw`, { version: 1, reason: '个人原因' });
    expect(withdrawn.body.status).toBe('withdrawn');
    const early = await t.as(s.localCoord).post(`/api/trainees/${a.body.id}/complete`, { version: 1, completedOn: '2025-06-30' });
    expect(early.body.error.code).toBe('training.final_assessment_missing');
    expect((await t.as(s.localCoord).post(`/api/trainees/${a.body.id}/assessments`, { onDate: '2025-06-28', kind: 'final', score: 91, result: 'excellent', assessor: '程主任' })).status).toBe(201);
    const done = await t.as(s.localCoord).post(`/api/trainees/${a.body.id}/complete`, { version: 1, completedOn: '2025-06-30' });
    expect(done.status).toBe(200);
    expect(done.body.certificateNo).toMatch(/^K-/);
    const tech = await t.as(s.coord).post('/api/dispatch/techniques', { agreementId: s.agreementId, hostInstitutionId: s.local.id, nameZh: '经皮冠脉介入', nameEn: 'PCI', introducedOn: '2025-03-04' });
    expect(tech.status).toBe(201);
    expect((await t.as(s.coord).post(`/api/dispatch/techniques/${tech.body.id}/independent`, { version: 1, firstIndependentOn: '2025-05-20' })).status).toBe(200);
    const lecture = {
      agreementId: s.agreementId,
      kind: 'lecture',
      topicZh: '脑卒中规范化诊治',
      heldAt: '2025-05-10T01:00:00Z',
      durationMinutes: 90,
      hostInstitutionId: s.top.id,
      presenters: [{ practitionerId: s.e1.practitionerId, name: '程医生' }],
      audienceInstitutionIds: [s.local.id],
    };
    // A presenter must be a practitioner of a party; an attendee's account must belong to the institution given.
    const outsider = await t.factory.institution({ tier: 'county' });
    const stranger = await t.factory.practitioner(outsider.id, null, ['expert']);
    const foreignPresenter = await t.as(s.coord).post('/api/education/sessions', { ...lecture, presenters: [{ practitionerId: stranger.practitionerId, name: '外院医生' }] });
    expect(foreignPresenter.status).toBe(400);
    expect(foreignPresenter.body.error.code).toBe('education.presenter_not_party');
    const session = await t.as(s.coord).post('/api/education/sessions', lecture);
    expect(session.status).toBe(201);
    const wrongAccount = await t.as(s.coord).post(`/api/education/sessions/${session.body.id}/attendance`, {
      attendees: [{ personName: '甲', institutionId: s.top.id, userId: s.localCoord.id }],
    });
    expect(wrongAccount.status).toBe(400);
    expect(wrongAccount.body.error.code).toBe('education.attendee_not_member');
    const attended = await t.as(s.coord).post(`/api/education/sessions/${session.body.id}/attendance`, {
      attendees: [
        { personName: '甲', institutionId: s.local.id, userId: s.localCoord.id },
        { personName: '乙', institutionId: s.local.id, minutes: 80 },
        { personName: '丙', institutionId: s.top.id },
      ],
    });
    expect(attended.status).toBe(201);
    const d = await dashboard(s);
    expect(d.figures['training.trainees']).toBe(1);
    expect(d.figures['training.completed']).toBe(1);
    expect(d.figures['techniques.introduced']).toBe(1);
    expect(d.figures['techniques.independent']).toBe(1);
    expect(d.figures['education.sessions']).toBe(1);
    expect(d.figures['education.attendance']).toBe(3);
    // Trainees target 2 for 2025: pro-rata 2 × 182/365 = 1.00 on 1 July; 1 trainee → on track.
    expect(d.targets.find((x: { metric: string }) => x.metric === 'training.trainees').status).toBe('on_track');
    const cert = await t.as(s.leader).get(`/api/trainees/${a.body.id}/certificate.pdf`);
    expect(cert.status).toBe(200);
    expect(cert.headers['content-type']).toBe('application/pdf');
    expect(cert.text.startsWith('%PDF-')).toBe(true);
  });

  it('enforces permissions: clinicians and the supervising authority cannot record; outsiders get 404', async () => {
    const s = await setup();
    const other = await t.factory.user((await t.factory.institution()).id, ['coordinator', 'leader']);
    expect((await t.request(undefined, 'POST', '/api/dispatch/batches', {})).status).toBe(401);
    const asClinician = await t.as(s.clinician).post('/api/dispatch/batches', { agreementId: s.agreementId, hostInstitutionId: s.local.id, startsOn: '2025-03-01', endsOn: '2025-03-02', members: [{ practitionerId: s.e1.practitionerId }] });
    expect(asClinician.status).toBe(403);
    const asManager = await t.as(s.manager).post('/api/dispatch/batches', { agreementId: s.agreementId, hostInstitutionId: s.local.id, startsOn: '2025-03-01', endsOn: '2025-03-02', members: [{ practitionerId: s.e1.practitionerId }] });
    expect(asManager.status).toBe(403);
    expect((await t.as(other).get(`/api/agreements/${s.agreementId}/dashboard`)).status).toBe(404);
    expect((await t.as(other).get(`/api/dispatch/batches?agreementId=${s.agreementId}`)).status).toBe(404);
    const bad = await t.as(s.coord).post('/api/dispatch/batches', { agreementId: s.agreementId, hostInstitutionId: s.local.id, startsOn: '2025-03-01', endsOn: '2025-03-02', members: [] });
    expect(bad.status).toBe(400);
    const wrongHost = await batch(s, '2025-03-01', '2025-03-02', [s.e1.practitionerId]);
    expect(wrongHost.status).toBe(201);
    const outside = await batch(s, '2025-03-01', '2025-03-02', [s.e1.practitionerId], [{ kind: 'clinic', onDate: '2025-04-01', quantity: 1 }]);
    expect(outside.body.error.code).toBe('dispatch.activity_outside_batch');
    // The supervising manager sees the aggregates across what they supervise.
    const overview = await t.as(s.manager).get('/api/metrics/overview?from=2025-01-01&to=2025-12-31');
    expect(overview.status).toBe(200);
    expect(overview.body.rows.map((r: { agreementId: string }) => r.agreementId)).toEqual([s.agreementId]);
    expect(overview.body.rows[0].figures['dispatch.person_times']).toBe(1);
    expect((await t.as(s.coord).get('/api/metrics/overview')).status).toBe(403);
  });

  it('keeps manual adjustments apart, with reason and author', async () => {
    const s = await setup();
    const before = await t.lastAuditId();
    const adj = await t.as(s.leader).post(`/api/agreements/${s.agreementId}/adjustments`, { metric: 'dispatch.person_times', onDate: '2025-02-01', delta: 4, reason: '补录纸质记录（2月份）' });
    expect(adj.status).toBe(201);
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['metrics.adjustment_create']);
    expect((await t.as(s.coord).post(`/api/agreements/${s.agreementId}/adjustments`, { metric: 'dispatch.person_times', onDate: '2025-02-01', delta: 1, reason: 'x' })).status).toBe(403);
    expect((await t.as(s.leader).post(`/api/agreements/${s.agreementId}/adjustments`, { metric: 'consult.useful_share', onDate: '2025-02-01', delta: 1, reason: 'x' })).status).toBe(400);
    const d = await dashboard(s);
    expect(d.figures['dispatch.person_times']).toBe(4);
    expect(d.adjustments['dispatch.person_times']).toBe(4);
  });
});

async function patient(institutionId: string): Promise<string> {
  const rows = await t.db.query<{ id: string }>("insert into patients (name, sex, birth_date, registered_by_institution_id) values ('测试患者', 'female', '1960-01-01', $1) returning id", [institutionId]);
  const id = rows[0]?.id ?? '';
  await t.db.query("insert into patient_access (patient_id, institution_id, reason) values ($1, $2, 'registration')", [id, institutionId]);
  return id;
}

describe('consult and referral KPIs from workflow events', () => {
  it('counts consults by submission day, escalations once, cancelled excluded; median, p90 and share within target', async () => {
    const s = await setup();
    const pid = await patient(s.local.id);
    const requester = await t.factory.user(s.local.id, ['clinician']);
    // [submitted (UTC), status, minutes to answer, due minutes, useful, referral]
    const rows: [string, string, number | null, number, boolean | null, string | null][] = [
      ['2025-03-01T01:00:00Z', 'closed', 10, 30, true, 'avoided'],
      ['2025-03-02T01:00:00Z', 'closed', 20, 30, true, 'still_needed'],
      ['2025-03-03T01:00:00Z', 'answered', 40, 30, null, null],
      ['2025-03-04T01:00:00Z', 'closed', 50, 60, false, 'avoided'],
      ['2025-03-05T01:00:00Z', 'cancelled', null, 30, null, null],
      ['2025-12-31T17:00:00Z', 'answered', 5, 30, null, null], // 1 January 2026 in Beijing: next period
    ];
    const insert = async (r: (typeof rows)[number], extra: { escalatedFrom?: string; status?: string } = {}) => {
      const submitted = new Date(r[0]);
      const answered = r[2] === null ? null : new Date(submitted.getTime() + r[2] * 60_000);
      const id = crypto.randomUUID();
      await t.db.query(
        `insert into consults (id, requester_institution_id, requester_user_id, patient_id, kind, mode, urgency, status, target_institution_id, agreement_id,
                               submitted_at, answered_at, due_at, due_measure, chain_root_id, escalated_from_id, closeout_useful, closeout_referral, created_at, updated_at)
         values ($1,$2,$3,$4,'general','async','emergency',$5,$6,$7,$8,$9,$10,'report',$1,$11,$12,$13,$8,$8)`,
        [id, s.local.id, requester.id, pid, extra.status ?? r[1], s.top.id, s.agreementId, submitted, answered, new Date(submitted.getTime() + r[3] * 60_000), extra.escalatedFrom ?? null, r[4], r[5]],
      );
      await t.db.query("insert into consult_events (consult_id, at, action, to_status) values ($1, $2, 'submit', 'submitted')", [id, submitted]);
      return id;
    };
    for (const r of rows) await insert(r);
    // An escalation: the first consult is escalated, the second (one tier up) answers. Counted once.
    const first = await insert(['2025-03-06T01:00:00Z', 'escalated', null, 30, null, null]);
    await insert(['2025-03-06T02:00:00Z', 'answered', 15, 30, null, null], { escalatedFrom: first });

    const d = await dashboard(s);
    expect(d.figures['consult.total']).toBe(5); // 4 + the escalation chain; cancelled and next year's excluded
    expect(d.figures['consult.answered']).toBe(5);
    expect(d.figures['consult.response_median_minutes']).toBe(20); // 10, 15, 20, 40, 50
    expect(d.figures['consult.response_p90_minutes']).toBe(50);
    expect(d.figures['consult.within_target_share']).toBe(0.8); // 40 > 30 misses
    expect(d.figures['consult.useful_share']).toBe(0.6667);
    expect(d.figures['consult.referral_avoided_share']).toBe(0.6667);
    expect(d.figures['consult.by_urgency.emergency']).toBe(5);
    expect(d.targets.find((x: { metric: string }) => x.metric === 'consult.within_target_share').status).toBe('behind');
    expect((await dashboard(s, '2026-01-01', '2026-12-31')).figures['consult.total']).toBe(1);

    // A later close-out changes the figures without double counting (the job is idempotent).
    const [third] = await t.db.query<{ id: string }>("select id from consults where agreement_id = $1 and status = 'answered' order by submitted_at limit 1", [s.agreementId]);
    await t.db.query("update consults set status = 'closed', closeout_useful = true, closeout_referral = 'avoided' where id = $1", [third?.id]);
    await t.db.query("insert into consult_events (consult_id, at, action, to_status) values ($1, now(), 'close', 'closed')", [third?.id]);
    const again = await dashboard(s);
    expect(again.figures['consult.total']).toBe(5);
    expect(again.figures['consult.useful_share']).toBe(0.75);

    // Drill-down: the local institution (which registered the patient) sees rows — with the patient's name
    // and an audit row for its coordinator, without them for its leader; the supervising authority sees none.
    const local = await t.factory.user(s.local.id, ['coordinator']);
    const visible = await t.as(local).get(`/api/agreements/${s.agreementId}/drilldown?metric=consult.total&from=2025-01-01&to=2025-12-31`);
    expect(visible.body.total).toBe(5);
    expect(visible.body.items[0].detail).toContain('测试患者');
    expect(visible.body.items[0].href).toMatch(/^\/consults\//);
    const audit = await t.db.query<{ action: string }>("select action from audit_events where action = 'metrics.drilldown_read' and actor_user_id = $1", [local.id]);
    expect(audit).toHaveLength(1);
    // Breakdown figures drill down too: each lists the consults it counts.
    const byBreakdown = async (key: string) => (await t.as(local).get(`/api/agreements/${s.agreementId}/drilldown?metric=consult.total&breakdown=${encodeURIComponent(key)}&from=2025-01-01&to=2025-12-31`)).body;
    const breakdowns = Object.entries(d.figures).filter(([k]) => k.startsWith('consult.by_'));
    expect(breakdowns.map(([k]) => k.split('.')[1]).sort()).toEqual(['by_kind', 'by_tier', 'by_urgency']);
    for (const [key, value] of breakdowns) expect((await byBreakdown(key)).total, key).toBe(value);
    expect((await byBreakdown('consult.by_urgency.routine')).total).toBe(0);
    expect((await byBreakdown('consult.by_kind.mdt')).items).toEqual([]);
    for (const bad of ['metric=referral.total&breakdown=consult.by_kind.mdt', 'metric=consult.total&breakdown=consult.by_kind.surgery', 'metric=consult.total&breakdown=consult.by_tier.county', "metric=consult.total&breakdown=consult.by_kind.mdt'--"]) {
      expect((await t.as(local).get(`/api/agreements/${s.agreementId}/drilldown?${bad}`)).status, bad).toBe(400);
    }
    const localLeader = await t.factory.user(s.local.id, ['leader']);
    const unnamed = await t.as(localLeader).get(`/api/agreements/${s.agreementId}/drilldown?metric=consult.total&from=2025-01-01&to=2025-12-31`);
    expect(unnamed.body.total).toBe(5);
    expect(JSON.stringify(unnamed.body.items)).not.toContain('测试患者');
    expect(unnamed.body.items.map((i: { href: string | null }) => i.href)).toEqual([null, null, null, null, null]);
    const leaderAudit = await t.db.query("select 1 from audit_events where action = 'metrics.drilldown_read' and actor_user_id = $1", [localLeader.id]);
    expect(leaderAudit).toHaveLength(0);
    const hidden = await t.as(s.manager).get(`/api/agreements/${s.agreementId}/drilldown?metric=consult.total&from=2025-01-01&to=2025-12-31`);
    expect(hidden.body.total).toBe(0);
    expect(hidden.body.hidden).toBe(5);
  });

  it('counts referrals up/down/green, time to accept, loop closure and follow-up completion', async () => {
    const s = await setup();
    const pid = await patient(s.local.id);
    const creator = await t.factory.user(s.local.id, ['clinician']);
    const insert = async (o: { direction: string; green?: boolean; status: string; decideAfter?: number; accepted?: boolean; discharged?: boolean; loopClosed?: boolean; from?: string; to?: string; toDept?: string }) => {
      const id = crypto.randomUUID();
      const submitted = new Date('2025-04-01T02:00:00Z');
      const decided = o.decideAfter === undefined ? null : new Date(submitted.getTime() + o.decideAfter * 60_000);
      await t.db.query(
        `insert into referrals (id, patient_id, from_institution_id, to_institution_id, to_department_id, created_by, direction, green_channel, green_category, urgency, status, agreement_id,
                                reason, summary, submitted_at, decided_at, accepted, discharged_at, loop_closed_at, created_at, updated_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,'urgent',$10,$11,'原因','摘要',$12,$13,$14,$15,$16,$12,$12)`,
        [id, pid, o.from ?? s.local.id, o.to ?? s.top.id, o.toDept ?? s.topDept.id, creator.id, o.direction, o.green ?? false, o.green ? 'critical' : null, o.status, s.agreementId, submitted, decided, o.accepted ?? null,
          o.discharged ? new Date('2025-04-10T00:00:00Z') : null, o.loopClosed ? new Date('2025-04-11T00:00:00Z') : null],
      );
      await t.db.query("insert into referral_events (referral_id, at, action) values ($1, $2, 'submit')", [id, submitted]);
      return id;
    };
    await insert({ direction: 'up', green: true, status: 'closed', decideAfter: 12, accepted: true, discharged: true, loopClosed: true });
    await insert({ direction: 'up', green: true, status: 'accepted', decideAfter: 45, accepted: true });
    await insert({ direction: 'up', status: 'discharged', decideAfter: 100, accepted: true, discharged: true });
    await insert({ direction: 'up', status: 'cancelled' });
    const down = await insert({ direction: 'down', status: 'closed', decideAfter: 30, accepted: true, from: s.top.id, to: s.local.id, toDept: s.localDept.id, discharged: true, loopClosed: true });
    await t.db.query("insert into referral_follow_up_visits (referral_id, seq, due_on, purpose, done_at) values ($1, 1, '2025-05-01', '复诊', now()), ($1, 2, '2025-06-01', '复诊', null)", [down]);
    await t.db.query("update referral_follow_up_visits set missed_at = now() where referral_id = $1 and seq = 2", [down]);
    await t.db.query("insert into referral_events (referral_id, at, action) values ($1, now(), 'follow_up')", [down]);
    const d = await dashboard(s);
    expect(d.figures['referral.total']).toBe(4);
    expect(d.figures['referral.up']).toBe(3);
    expect(d.figures['referral.down']).toBe(1);
    expect(d.figures['referral.green_channel']).toBe(2);
    expect(d.figures['referral.green_accept_within_30m_share']).toBe(0.5);
    expect(d.figures['referral.accept_median_minutes']).toBe(30); // 12, 30, 45, 100 → rank 2
    expect(d.figures['referral.loop_closure_share']).toBe(0.6667); // 2 of 3 discharged
    expect(d.figures['referral.followup_completion_share']).toBe(0.5);
  });
});

describe('annual report', () => {
  it('renders the PDF and the Excel workbook with the same figures', async () => {
    const s = await setup();
    await batch(s, '2025-03-01', '2025-03-10', [s.e1.practitionerId, s.e2.practitionerId], [{ kind: 'clinic', onDate: '2025-03-02', quantity: 25 }]);
    // Two consults under the agreement (an MDT one urgent): the breakdown sheet lists them by kind, urgency and tiers.
    const pid = await patient(s.local.id);
    const requester = await t.factory.user(s.local.id, ['clinician']);
    for (const [kind, urgency] of [['mdt', 'urgent'], ['general', 'routine']]) {
      const id = crypto.randomUUID();
      const submitted = new Date('2025-05-06T02:00:00Z');
      await t.db.query(
        `insert into consults (id, requester_institution_id, requester_user_id, patient_id, kind, mode, urgency, status, target_institution_id, agreement_id, submitted_at, chain_root_id, created_at, updated_at)
         values ($1,$2,$3,$4,$5,'async',$6,'submitted',$7,$8,$9,$1,$9,$9)`,
        [id, s.local.id, requester.id, pid, kind, urgency, s.top.id, s.agreementId, submitted],
      );
      await t.db.query("insert into consult_events (consult_id, at, action, to_status) values ($1, $2, 'submit', 'submitted')", [id, submitted]);
    }
    const before = await t.lastAuditId();
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/agreements/${s.agreementId}/reports/annual.xlsx?year=2025`, headers: { authorization: `Bearer ${s.manager.token}` } });
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const figures = wb.getWorksheet('主要指标');
    const rows = new Map<string, string>();
    figures?.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(rows.get('派驻专家人次')).toBe('2');
    expect(rows.get('门诊诊治患者人次')).toBe('25');
    expect(wb.getWorksheet('专家派驻')?.getRow(2).getCell(6).value).toBe(2);
    const breakdown: unknown[][] = [];
    wb.getWorksheet('会诊构成')?.eachRow((row, n) => n > 1 && breakdown.push([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]));
    expect(breakdown).toHaveLength(5);
    expect(breakdown.slice(0, 4).sort()).toEqual([
      ['会诊类型', '多学科会诊（MDT）', 1],
      ['会诊类型', '普通会诊', 1],
      ['紧急程度', '加急', 1],
      ['紧急程度', '普通', 1],
    ]);
    expect(breakdown[4]).toEqual(['层级（发起 → 受邀）', expect.stringContaining(' → '), 2]);
    const en = await t.app.inject({ method: 'GET', url: `/api/agreements/${s.agreementId}/reports/annual.html?year=2025&lang=en`, headers: { authorization: `Bearer ${s.manager.token}` } });
    expect(en.body).toContain('Consults by kind, urgency and tiers');
    expect(en.body).toContain('Multidisciplinary (MDT)');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/agreements/${s.agreementId}/reports/annual.pdf?year=2025`, headers: { authorization: `Bearer ${s.manager.token}` } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['report.annual_generate', 'report.annual_generate', 'report.annual_generate']);
    expect((await t.as(s.manager).get(`/api/agreements/${s.agreementId}/reports/annual.pdf?year=20x5`)).status).toBe(400);
  });
});
