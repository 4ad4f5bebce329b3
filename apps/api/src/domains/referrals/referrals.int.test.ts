import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';
import { network, submittedUp, upBody } from './referrals.test-support.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const discharge = {
  diagnoses: [{ code: 'I63.5', display: '脑梗死（大脑动脉闭塞）' }],
  course: '入院后行取栓治疗，恢复良好。',
  recommendations: '阿司匹林 100mg qd；3个月后复查头颅MRI。',
};

describe('POST /api/referrals', () => {
  it('creates a draft up-referral, records consent, and audits it with the patient', async () => {
    const n = await network(t);
    const before = await t.lastAuditId();
    const res = await t.as(n.doc).post('/api/referrals', upBody(n));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', direction: 'up', greenChannel: false, version: 1, actions: ['submit', 'cancel'] });
    expect(res.body.consentId).toEqual(expect.any(String));
    expect(res.body.events.map((e: { action: string }) => e.action)).toEqual(['create']);
    const audit = await t.auditSince(before);
    expect(audit.at(-1)).toMatchObject({ action: 'referral.create', entity_id: res.body.id, patient_id: n.patientId });
  });

  it('answers 401 without a session, 400 per bad field, 403 for read-only roles, 404 for an unknown patient', async () => {
    const n = await network(t);
    expect((await t.request(undefined, 'POST', '/api/referrals', upBody(n))).status).toBe(401);
    const bad = async (patch: Record<string, unknown>, path: string) => {
      const res = await t.as(n.doc).post('/api/referrals', upBody(n, patch));
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    };
    await bad({ patientId: 'x' }, 'patientId');
    await bad({ toDepartmentId: 'x' }, 'toDepartmentId');
    await bad({ diagnoses: [{ code: 'stroke', display: '脑梗死' }] }, 'diagnoses.0.code');
    await bad({ diagnoses: [] }, 'diagnoses');
    await bad({ reason: '' }, 'reason');
    await bad({ urgency: 'whenever' }, 'urgency');
    await bad({ consent: { method: 'verbal_witnessed' } }, 'consent.witnessName');
    await bad({ extra: 1 }, '(root)');
    expect((await t.as(n.leader).post('/api/referrals', upBody(n))).status).toBe(403);
    const unknown = await t.as(n.doc).post('/api/referrals', upBody(n, { patientId: crypto.randomUUID() }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('patient.not_found');
    // A patient registered elsewhere is not visible to the referrer either.
    const foreign = await t.as(n.outsider).post('/api/patients', { name: '他院患者', sex: 'male', birthDate: '1970-01-01' });
    expect((await t.as(n.doc).post('/api/referrals', upBody(n, { patientId: foreign.body.patient.id }))).status).toBe(404);
  });

  it('checks the receiving department, the green category and the down-referral plan', async () => {
    const n = await network(t);
    const wrongDept = await t.as(n.doc).post('/api/referrals', upBody(n, { toDepartmentId: n.lowDept.id }));
    expect(wrongDept.body.error.code).toBe('referral.department_mismatch');
    const noCategory = await t.as(n.doc).post('/api/referrals', upBody(n, { greenChannel: true }));
    expect(noCategory.body.error.code).toBe('referral.green_category_required');
    const unknownCategory = await t.as(n.doc).post('/api/referrals', upBody(n, { greenChannel: true, greenCategory: 'nonsense' }));
    expect(unknownCategory.body.error.code).toBe('referral.green_category_required');
    const own = await t.as(n.doc).post('/api/referrals', upBody(n, { toInstitutionId: n.low.id, toDepartmentId: n.lowDept.id }));
    expect(own.body.error.code).toBe('referral.same_institution');
    const topPatient = await t.as(n.topDoc).post('/api/patients', { name: '下转患者', sex: 'male', birthDate: '1950-05-05' });
    const down = await t.as(n.topDoc).post('/api/referrals', upBody(n, { patientId: topPatient.body.patient.id, toInstitutionId: n.low.id, toDepartmentId: n.lowDept.id }));
    expect(down.status).toBe(400);
    expect(down.body.error.code).toBe('referral.follow_up_plan_required');
  });

  it('allows a lateral referral only where an active agreement links the two institutions', async () => {
    const n = await network(t);
    const peer = await t.factory.institution({ tier: 'prefecture' });
    const peerDept = await t.factory.department(peer.id);
    const body = upBody(n, { toInstitutionId: peer.id, toDepartmentId: peerDept.id, submit: true });
    const refused = await t.as(n.doc).post('/api/referrals', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('referral.no_agreement');
    const agreement = await t.factory.agreement([
      { institutionId: peer.id, role: 'assisting' },
      { institutionId: n.low.id, role: 'assisted' },
    ]);
    const ok = await t.as(n.doc).post('/api/referrals', body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ direction: 'lateral', status: 'submitted', agreementId: agreement.id });
  });

  it('links the consult it came from, only one the referrer can see', async () => {
    const n = await network(t);
    const consult = await t.as(n.doc).post('/api/consults', { patientId: n.patientId, kind: 'general', mode: 'async', urgency: 'routine', summary: { chiefComplaint: '头晕' } });
    expect(consult.status).toBe(201);
    const linked = await t.as(n.doc).post('/api/referrals', upBody(n, { consultId: consult.body.id }));
    expect(linked.status).toBe(201);
    expect(linked.body.consultId).toBe(consult.body.id);
    const unknown = await t.as(n.doc).post('/api/referrals', upBody(n, { consultId: crypto.randomUUID() }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('consult.not_found');
    const otherPatient = await t.as(n.outsider).post('/api/patients', { name: '他院会诊患者', sex: 'male', birthDate: '1960-01-01' });
    const foreign = await t.as(n.outsider).post('/api/consults', { patientId: otherPatient.body.patient.id, kind: 'general', mode: 'async', urgency: 'routine', summary: { chiefComplaint: '胸痛' } });
    expect((await t.as(n.doc).post('/api/referrals', upBody(n, { consultId: foreign.body.id }))).status).toBe(404);
  });

  it('replays a create retried with the same Idempotency-Key', async () => {
    const n = await network(t);
    const headers = { 'idempotency-key': `create-${n.patientId}` };
    const first = await t.as(n.doc).post('/api/referrals', upBody(n, { submit: true }), headers);
    const again = await t.as(n.doc).post('/api/referrals', upBody(n, { submit: true }), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.db.query<{ n: number }>('select count(*) as n from referrals where patient_id = $1', [n.patientId]);
    expect(rows[0]?.n).toBe(1);
    const badKey = await t.as(n.doc).post('/api/referrals', upBody(n), { 'idempotency-key': 'has space' });
    expect(badKey.status).toBe(400);
  });
});

describe('submit', () => {
  it('submits a draft once, grants the receiver access to the patient and notifies its coordinator', async () => {
    const n = await network(t);
    const draft = (await t.as(n.doc).post('/api/referrals', upBody(n))).body;
    expect((await t.as(n.coord).get(`/api/referrals/${draft.id}`)).status).toBe(404);
    const headers = { 'idempotency-key': `submit-${draft.id}` };
    const res = await t.as(n.doc).post(`/api/referrals/${draft.id}/submit`, { version: draft.version }, headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', version: 2 });
    const retry = await t.as(n.doc).post(`/api/referrals/${draft.id}/submit`, { version: draft.version }, headers);
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(2);
    const stale = await t.as(n.doc).post(`/api/referrals/${draft.id}/submit`, { version: draft.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.version_conflict');
    const illegal = await t.as(n.doc).post(`/api/referrals/${draft.id}/submit`, { version: 2 });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.code).toBe('workflow.illegal_transition');
    expect((await t.as(n.coord).get(`/api/patients/${n.patientId}`)).status).toBe(200);
    const notes = await t.as(n.coord).get('/api/notifications');
    expect(notes.body.items.map((x: { kind: string }) => x.kind)).toContain('referral.submitted');
  });
});

describe('reading', () => {
  it('shows a referral to the two institutions only and audits each read with the patient', async () => {
    const n = await network(t);
    const r = await submittedUp(t, n);
    const before = await t.lastAuditId();
    const read = await t.as(n.coord).get(`/api/referrals/${r.id}`);
    expect(read.status).toBe(200);
    expect(read.body.patient.name).toMatch(/测试患者/);
    expect(read.body.actions).toEqual(['cancel', 'accept', 'decline']);
    const audit = await t.auditSince(before);
    expect(audit).toEqual([expect.objectContaining({ action: 'referral.read', entity_id: r.id, patient_id: n.patientId })]);
    expect((await t.as(n.leader).get(`/api/referrals/${r.id}`)).status).toBe(200);
    const outsider = await t.as(n.outsider).get(`/api/referrals/${r.id}`);
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.code).toBe('referral.not_found');
    expect((await t.as(n.outsider).post(`/api/referrals/${r.id}/accept`, { version: r.version })).status).toBe(404);
    expect((await t.request(undefined, 'GET', `/api/referrals/${r.id}`)).status).toBe(401);
    expect((await t.as(n.coord).get('/api/referrals/not-a-uuid')).status).toBe(400);
    expect((await t.as(n.coord).get(`/api/referrals/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('orders the inbox: green channel first, then urgency, then age', async () => {
    const n = await network(t);
    const routine = await submittedUp(t, n, { urgency: 'routine' });
    t.clock.advance(60_000);
    const emergency = await submittedUp(t, n, { urgency: 'emergency' });
    t.clock.advance(60_000);
    const green = await submittedUp(t, n, { urgency: 'urgent', greenChannel: true, greenCategory: 'stroke' });
    t.clock.advance(60_000);
    const urgentOld = await submittedUp(t, n, { urgency: 'urgent' });
    t.clock.advance(60_000);
    const urgentNew = await submittedUp(t, n, { urgency: 'urgent' });
    const before = await t.lastAuditId();
    const inbox = await t.as(n.coord).get('/api/referrals?box=inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toEqual([green.id, emergency.id, urgentOld.id, urgentNew.id, routine.id]);
    expect(inbox.body.items[0].responseDueAt).toEqual(expect.any(String));
    const audit = await t.auditSince(before);
    expect(audit[0]).toMatchObject({ action: 'referral.list' });
    expect(audit[0]?.details.patientIds).toEqual([n.patientId]);
    expect((await t.as(n.outsider).get('/api/referrals?box=inbox')).body.items).toEqual([]);
    expect((await t.as(n.coord).get('/api/referrals?box=sideways')).status).toBe(400);
  });
});

describe('the workflow', () => {
  it('goes up, is admitted into the reserved bed, discharged and closed by the referrer', async () => {
    const n = await network(t);
    const r = await submittedUp(t, n, { greenChannel: true, greenCategory: 'stroke' });
    const bedId = n.ward.bedIds[0] as string;
    // Wrong side: the referrer cannot accept its own referral.
    const wrong = await t.as(n.doc).post(`/api/referrals/${r.id}/accept`, { version: r.version });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('referral.wrong_side');
    expect((await t.as(n.coord).post(`/api/referrals/${r.id}/admit`, { version: r.version })).body.error.code).toBe('workflow.illegal_transition');
    const accepted = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, plan: 'admission', bedId, note: '直接收入示范病房' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'bed_reserved', accepted: true, reservation: { bedId, status: 'held' } });
    const beforeDepart = await t.lastAuditId();
    const departed = await t.as(n.doc).post(`/api/referrals/${r.id}/depart`, { version: accepted.body.version, transport: 'ambulance', departureAt: t.clock.now().toISOString() });
    expect(departed.body.status).toBe('in_transit');
    expect((await t.auditSince(beforeDepart)).at(-1)).toMatchObject({ action: 'referral.depart', patient_id: n.patientId });
    const arrived = await t.as(n.coord).post(`/api/referrals/${r.id}/arrive`, { version: departed.body.version });
    expect(arrived.body.status).toBe('arrived');
    const admitted = await t.as(n.coord).post(`/api/referrals/${r.id}/admit`, { version: arrived.body.version });
    expect(admitted.body).toMatchObject({ status: 'admitted', reservation: { bedId, status: 'occupied' } });
    const board = await t.as(n.coord).get(`/api/wards/${n.ward.id}/occupancy`);
    expect(board.body.counts).toMatchObject({ occupied: 1, free: n.ward.bedIds.length - 1 });
    const badSummary = await t.as(n.coord).post(`/api/referrals/${r.id}/discharge`, { version: admitted.body.version, ...discharge, course: '' });
    expect(badSummary.status).toBe(400);
    const discharged = await t.as(n.coord).post(`/api/referrals/${r.id}/discharge`, { version: admitted.body.version, ...discharge });
    expect(discharged.body).toMatchObject({ status: 'discharged', reservation: { status: 'released' }, dischargeSummary: { course: discharge.course } });
    expect((await t.as(n.coord).post(`/api/referrals/${r.id}/acknowledge`, { version: discharged.body.version })).status).toBe(403);
    const closed = await t.as(n.doc).post(`/api/referrals/${r.id}/acknowledge`, { version: discharged.body.version });
    expect(closed.body).toMatchObject({ status: 'closed', loopClosedAt: expect.any(String) });
    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual([
      'create', 'submit', 'accept', 'reserve_bed', 'depart', 'arrive', 'admit', 'discharge', 'acknowledge',
    ]);
    const events = await t.db.query<{ to_status: string | null; actor_institution_id: string }>('select to_status, actor_institution_id from referral_events where referral_id = $1 order by id', [r.id]);
    expect(events.map((e) => e.to_status)).toEqual(['draft', 'submitted', 'accepted', 'bed_reserved', 'in_transit', 'arrived', 'admitted', 'discharged', 'closed']);
    const kinds = (await t.as(n.doc).get('/api/notifications?pageSize=50')).body.items.map((x: { kind: string }) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['referral.bed_reserved', 'referral.arrived', 'referral.admitted', 'referral.discharged']));
    const kpi = await t.db.query<Record<string, unknown>>('select accepted, decided_at, admitted_at, discharged_at, loop_closed_at from referrals where id = $1', [r.id]);
    expect(Object.values(kpi[0] ?? {}).every((v) => v !== null)).toBe(true);
    expect((await t.as(n.doc).post(`/api/referrals/${r.id}/cancel`, { version: closed.body.version, reason: '太迟了' })).body.error.code).toBe('workflow.illegal_transition');
  });

  it('declines with a reason and an alternative; the referrer is told', async () => {
    const n = await network(t);
    const r = await submittedUp(t, n);
    expect((await t.as(n.coord).post(`/api/referrals/${r.id}/decline`, { version: r.version })).status).toBe(400);
    const res = await t.as(n.coord).post(`/api/referrals/${r.id}/decline`, { version: r.version, reason: '床位已满', alternative: '建议转至省级医院' });
    expect(res.body).toMatchObject({ status: 'declined', accepted: false, declineReason: '床位已满', actions: [] });
    const kinds = (await t.as(n.doc).get('/api/notifications')).body.items.map((x: { kind: string }) => x.kind);
    expect(kinds).toContain('referral.declined');
  });

  it('cancels from an open state, releasing a held bed', async () => {
    const n = await network(t);
    const r = await submittedUp(t, n);
    const bedId = n.ward.bedIds[1] as string;
    const accepted = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, bedId });
    const cancelled = await t.as(n.doc).post(`/api/referrals/${r.id}/cancel`, { version: accepted.body.version, reason: '家属要求就近治疗' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '家属要求就近治疗', reservation: { status: 'released' } });
    const board = await t.as(n.coord).get(`/api/wards/${n.ward.id}/occupancy`);
    expect(board.body.beds.find((b: { id: string }) => b.id === bedId).state).toBe('free');
  });

  it('accepts for an outpatient appointment only with a time, and without a bed', async () => {
    const n = await network(t);
    const r = await submittedUp(t, n);
    const noTime = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, plan: 'outpatient' });
    expect(noTime.body.error.code).toBe('referral.appointment_required');
    const withBed = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, plan: 'outpatient', appointmentAt: '2026-04-01T09:00:00+08:00', bedId: n.ward.bedIds[0] });
    expect(withBed.body.error.code).toBe('referral.bed_only_for_admission');
    const ok = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, plan: 'outpatient', appointmentAt: '2026-04-01T09:00:00+08:00' });
    expect(ok.body).toMatchObject({ status: 'accepted', acceptancePlan: 'outpatient' });
  });
});
