import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultNetwork, inProgress, type Net, patientWithConsent, submittedConsult, summary } from '../../../test/consults-fixture.js';
import { startTestApp } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let n: Net;
beforeAll(async () => {
  t = await startTestApp();
  n = await consultNetwork(t);
});
afterAll(() => t.stop());

describe('request', () => {
  it('needs a signed-in user on every consult route', async () => {
    const id = crypto.randomUUID();
    for (const [method, url] of [
      ['GET', '/api/consults'],
      ['POST', '/api/consults'],
      ['GET', `/api/consults/${id}`],
      ['POST', `/api/consults/${id}/submit`],
      ['POST', `/api/consults/${id}/assign`],
      ['PUT', `/api/consults/${id}/report`],
      ['GET', '/api/consults/targets'],
      ['GET', '/api/expert-slots?expertUserId=' + id],
    ] as const) {
      expect((await t.request(undefined, method, url, method === 'GET' ? undefined : {})).status, url).toBe(401);
    }
  });

  it('saves a draft, edits it, then submits it with an audit row, events, patient access for the target and a notice', async () => {
    const { patientId, consentId } = await patientWithConsent(t, n.villageDoc);
    const draft = await t.as(n.villageDoc).post('/api/consults', { patientId, kind: 'imaging', mode: 'async', urgency: 'routine', summary: { chiefComplaint: '咳嗽' } });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    // Incomplete drafts cannot be submitted.
    const early = await t.as(n.villageDoc).post(`/api/consults/${draft.body.id}/submit`, { version: draft.body.version });
    expect(early.status).toBe(400);
    expect(early.body.error.details.missing).toEqual(['targetInstitutionId', 'consentId', 'summary.question']);
    // The target cannot see a draft.
    expect((await t.as(n.countyCoord).get(`/api/consults/${draft.body.id}`)).status).toBe(404);
    const edited = await t.as(n.villageDoc).patch(`/api/consults/${draft.body.id}`, { version: draft.body.version, targetInstitutionId: n.county.id, consentId, summary });
    expect(edited.status).toBe(200);
    expect(edited.body.summary.diagnoses).toEqual([{ code: 'I63.9', label: '脑梗死' }]);
    const beforeAudit = await t.lastAuditId();
    const beforeJobs = await t.lastJobId();
    const submitted = await t.as(n.villageDoc).post(`/api/consults/${draft.body.id}/submit`, { version: edited.body.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.agreementId).toBe(n.agreement.id);
    expect(submitted.body.dueMeasure).toBe('report');
    expect(new Date(submitted.body.dueAt).getTime() - new Date(submitted.body.submittedAt).getTime()).toBe(72 * 3_600_000);
    expect((await t.auditSince(beforeAudit)).map((a) => [a.action, a.patient_id])).toEqual([['consult.submit', patientId]]);
    expect((await t.jobsSince(beforeJobs)).map((j) => j.name).sort()).toEqual(['consults.check_due', 'notifications.deliver']);
    expect(submitted.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'update_draft', 'submit']);
    expect((await t.as(n.countyCoord).get('/api/notifications/unread-count')).body.unread).toBeGreaterThan(0);
    expect((await t.as(n.countyCoord).get(`/api/patients/${patientId}`)).status).toBe(200);
  });

  it('refuses bad bodies field by field', async () => {
    const { patientId, consentId } = await patientWithConsent(t, n.villageDoc);
    const base = { patientId, consentId, kind: 'general', mode: 'async', urgency: 'routine', targetInstitutionId: n.county.id, summary };
    for (const bad of [
      { kind: 'x' },
      { mode: 'video' },
      { urgency: 'asap' },
      { patientId: 'nope' },
      { targetInstitutionId: 'nope' },
      { summary: { ...summary, diagnoses: [{ code: 'XYZ', label: 'x' }] } },
      { summary: { ...summary, question: 'q'.repeat(2001) } },
      { attachmentIds: ['x'] },
      { extra: true },
    ]) {
      const res = await t.as(n.villageDoc).post('/api/consults', { ...base, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const own = await t.as(n.villageDoc).post('/api/consults', { ...base, targetInstitutionId: n.village.id });
    expect(own.body.error.code).toBe('consult.bad_target');
    const badExpert = await t.as(n.villageDoc).post('/api/consults', { ...base, targetExpertUserId: n.provExpert.id });
    expect(badExpert.body.error.code).toBe('consult.bad_expert');
    const other = await patientWithConsent(t, n.villageDoc);
    const wrongConsent = await t.as(n.villageDoc).post('/api/consults', { ...base, consentId: other.consentId });
    expect(wrongConsent.body.error.code).toBe('consult.bad_consent');
  });

  it('forbids non-clinicians and patients the institution cannot see', async () => {
    const { patientId, consentId } = await patientWithConsent(t, n.villageDoc);
    const body = { patientId, consentId, kind: 'general', mode: 'async', urgency: 'routine', targetInstitutionId: n.county.id, summary };
    expect((await t.as(n.countyCoord).post('/api/consults', body)).status).toBe(403);
    const res = await t.as(n.strangerDoc).post('/api/consults', body);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('patient.not_found');
  });

  it('returns the same consult for a retried create or submit with the same Idempotency-Key', async () => {
    const { patientId, consentId } = await patientWithConsent(t, n.villageDoc);
    const body = { patientId, consentId, kind: 'general', mode: 'async', urgency: 'routine', targetInstitutionId: n.county.id, summary, submit: true };
    const key = { 'idempotency-key': crypto.randomUUID() };
    const first = await t.request(n.villageDoc, 'POST', '/api/consults', body, key);
    const again = await t.request(n.villageDoc, 'POST', '/api/consults', body, key);
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const count = await t.db.query<{ n: number }>('select count(*) as n from consults where patient_id = $1', [patientId]);
    expect(count[0]?.n).toBe(1);

    const draft = await t.as(n.villageDoc).post('/api/consults', { ...body, submit: false });
    const k2 = { 'idempotency-key': crypto.randomUUID() };
    const s1 = await t.request(n.villageDoc, 'POST', `/api/consults/${draft.body.id}/submit`, { version: draft.body.version }, k2);
    const s2 = await t.request(n.villageDoc, 'POST', `/api/consults/${draft.body.id}/submit`, { version: draft.body.version }, k2);
    expect(s1.status).toBe(200);
    expect(s2.status).toBe(200);
    expect(s2.body.version).toBe(s1.body.version);
    // Without the key, the retry is an illegal transition.
    const s3 = await t.as(n.villageDoc).post(`/api/consults/${draft.body.id}/submit`, { version: s1.body.version });
    expect(s3.status).toBe(409);
    expect(s3.body.error.code).toBe('workflow.illegal_transition');
  });
});

describe('route and answer', () => {
  it('runs the whole async flow: assign, start, request info (clock pauses), answer, report, sign, addendum, close out', async () => {
    const c = await submittedConsult(t, n, { targetDepartmentId: n.countyMed.id });
    const queue = await t.as(n.countyCoord).get('/api/consults?view=incoming&status=submitted&sort=due');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    // Filtered by the agreement it was routed under (and by none other).
    const under = await t.as(n.countyCoord).get(`/api/consults?view=incoming&agreementId=${n.agreement.id}&pageSize=100`);
    expect(under.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(under.body.items.every((i: { agreementId: string }) => i.agreementId === n.agreement.id)).toBe(true);
    expect((await t.as(n.countyCoord).get(`/api/consults?view=incoming&agreementId=${crypto.randomUUID()}`)).body.total).toBe(0);
    expect((await t.as(n.countyCoord).get('/api/consults?view=incoming&agreementId=nope')).status).toBe(400);
    const sugg = await t.as(n.countyCoord).get(`/api/consults/${c.id}/expert-suggestions`);
    expect(sugg.status).toBe(200);
    expect(sugg.body[0].userId).toBe(n.countyExpert.id);
    expect(sugg.body[0].specialtyMatch).toBe(true);

    const assigned = await t.as(n.countyCoord).post(`/api/consults/${c.id}/assign`, { version: c.version, expertUserId: n.countyExpert.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.status).toBe('assigned');
    const mine = await t.as(n.countyExpert).get('/api/consults?view=mine');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(c.id);

    const started = await t.as(n.countyExpert).post(`/api/consults/${c.id}/start`, { version: assigned.body.version });
    expect(started.body.status).toBe('in_progress');
    expect(started.body.firstResponseAt).not.toBeNull();

    t.clock.advance(60 * 60_000);
    const asked = await t.as(n.countyExpert).post(`/api/consults/${c.id}/request-info`, { version: started.body.version, body: '请补充头颅CT' });
    expect(asked.status).toBe(200);
    expect(asked.body.paused).toBe(true);
    const again = await t.as(n.countyExpert).post(`/api/consults/${c.id}/request-info`, { version: asked.body.version, body: '再次' });
    expect(again.body.error.code).toBe('consult.info_already_requested');

    t.clock.advance(5 * 60 * 60_000);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8)]);
    const up = await t.request(n.villageDoc, 'POST', '/api/attachments', png, { 'content-type': 'image/png', 'x-file-name': 'ct.png' });
    const answered = await t.as(n.villageDoc).post(`/api/consults/${c.id}/messages`, { body: '已上传CT', attachmentIds: [up.body.id] });
    expect(answered.status).toBe(200);
    expect(answered.body.paused).toBe(false);
    expect(answered.body.pausedMs).toBe(5 * 60 * 60_000);
    expect(new Date(answered.body.dueAt).getTime()).toBe(new Date(asked.body.dueAt).getTime() + 5 * 60 * 60_000);
    const last = answered.body.messages.at(-1);
    expect(last.kind).toBe('info_response');
    expect(last.attachments[0].id).toBe(up.body.id);
    // The expert sees the thread attachment.
    expect((await t.as(n.countyExpert).get(`/api/attachments/${up.body.id}/content`)).status).toBe(200);

    const noReport = await t.as(n.countyExpert).post(`/api/consults/${c.id}/sign`, { version: answered.body.version });
    expect(noReport.body.error.code).toBe('consult.no_report');
    const report = { impression: '急性脑梗死可能', recommendations: '建议立即转上级医院', referralAdvised: true, referralInstitutionId: n.provincial.id };
    const saved = await t.as(n.countyExpert).put(`/api/consults/${c.id}/report`, { version: answered.body.version, ...report });
    expect(saved.status).toBe(200);
    const stale = await t.as(n.countyExpert).put(`/api/consults/${c.id}/report`, { version: answered.body.version, ...report });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.version_conflict');
    const signed = await t.as(n.countyExpert).post(`/api/consults/${c.id}/sign`, { version: saved.body.version });
    expect(signed.body.status).toBe('answered');
    expect(signed.body.report.signedAt).not.toBeNull();
    // Signed is immutable, in the API and in the database.
    expect((await t.as(n.countyExpert).put(`/api/consults/${c.id}/report`, { version: signed.body.version, ...report })).status).toBe(409);
    await expect(t.db.query(`update consult_reports set impression = 'x' where consult_id = $1`, [c.id])).rejects.toThrow(/immutable/);
    const add = await t.as(n.countyExpert).post(`/api/consults/${c.id}/addenda`, { body: '更正：血压 178/100' });
    expect(add.body.report.addenda).toHaveLength(1);

    // Closing needs the close-out answers.
    expect((await t.as(n.villageDoc).post(`/api/consults/${c.id}/closeout`, { version: add.body.version })).status).toBe(400);
    expect((await t.as(n.countyExpert).post(`/api/consults/${c.id}/closeout`, { version: add.body.version, useful: true, referral: 'avoided' })).status).toBe(403);
    const before = await t.lastAuditId();
    const closed = await t.as(n.villageDoc).post(`/api/consults/${c.id}/closeout`, { version: add.body.version, useful: true, referral: 'still_needed' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closeout).toEqual({ useful: true, referral: 'still_needed', comment: null });
    expect((await t.auditSince(before)).map((a) => [a.action, a.patient_id])).toEqual([['consult.closeout', c.patientId]]);
    const timeline = closed.body.events.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(['create', 'submit', 'assign', 'start', 'request_info', 'info_provided', 'save_report', 'save_report', 'sign', 'addendum', 'closeout'].filter((a, i, all) => !(a === 'save_report' && all.indexOf(a) !== i)));
    const events = await t.db.query<{ n: number }>('select count(*) as n from consult_events where consult_id = $1', [c.id]);
    expect(events[0]?.n).toBe(timeline.length);
    const row = await t.db.query<{ closeout_referral: string; first_response_at: Date; answered_at: Date; closed_at: Date }>('select * from consults where id = $1', [c.id]);
    expect(row[0]?.closeout_referral).toBe('still_needed');
  });

  it('lets an expert claim from the department pool but not from another department', async () => {
    const c1 = await submittedConsult(t, n, { targetDepartmentId: n.countyMed.id });
    const pool = await t.as(n.countyExpert).get('/api/consults?view=pool');
    expect(pool.body.items.map((i: { id: string }) => i.id)).toContain(c1.id);
    expect((await t.as(n.countyExpert2).get('/api/consults?view=pool')).body.items.map((i: { id: string }) => i.id)).not.toContain(c1.id);
    const wrong = await t.as(n.countyExpert2).post(`/api/consults/${c1.id}/claim`, { version: c1.version });
    expect(wrong.status).toBe(403);
    const claimed = await t.as(n.countyExpert).post(`/api/consults/${c1.id}/claim`, { version: c1.version });
    expect(claimed.body.assignedExpertUserId).toBe(n.countyExpert.id);
    expect((await t.as(n.countyExpert).post(`/api/consults/${c1.id}/claim`, { version: claimed.body.version })).status).toBe(409);
  });

  it('declines with a reason and cancels; refuses illegal moves with 409 and wrong sides with 403', async () => {
    const c = await submittedConsult(t, n);
    expect((await t.as(n.villageDoc).post(`/api/consults/${c.id}/decline`, { version: c.version, reason: 'x' })).status).toBe(403);
    expect((await t.as(n.countyCoord).post(`/api/consults/${c.id}/decline`, { version: c.version })).status).toBe(400);
    expect((await t.as(n.villageDoc).post(`/api/consults/${c.id}/closeout`, { version: c.version, useful: true, referral: 'avoided' })).status).toBe(409);
    expect((await t.as(n.countyExpert).post(`/api/consults/${c.id}/start`, { version: c.version })).status).toBe(403);
    expect((await t.as(n.countyCoord).post(`/api/consults/${c.id}/sign`, { version: c.version })).status).toBe(403);
    const declined = await t.as(n.countyCoord).post(`/api/consults/${c.id}/decline`, { version: c.version, reason: '非本院诊疗范围' });
    expect(declined.body.status).toBe('declined');
    expect(declined.body.declineReason).toBe('非本院诊疗范围');
    const cancel = await t.as(n.villageDoc).post(`/api/consults/${c.id}/cancel`, { version: declined.body.version, reason: 'x' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain('已拒绝');

    const c2 = await submittedConsult(t, n);
    const cancelled = await t.as(n.villageDoc2).post(`/api/consults/${c2.id}/cancel`, { version: c2.version, reason: '患者已好转' });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await t.as(n.countyCoord).post(`/api/consults/${c2.id}/assign`, { version: cancelled.body.version, expertUserId: n.countyExpert.id })).status).toBe(409);
  });

  it('refuses a stale version and assignment to a non-expert', async () => {
    const c = await submittedConsult(t, n);
    expect((await t.as(n.countyCoord).post(`/api/consults/${c.id}/assign`, { version: c.version, expertUserId: n.countyCoord.id })).body.error.code).toBe('consult.bad_expert');
    const ok = await t.as(n.countyCoord).post(`/api/consults/${c.id}/assign`, { version: c.version, expertUserId: n.countyExpert.id });
    expect(ok.status).toBe(200);
    const stale = await t.as(n.countyCoord).post(`/api/consults/${c.id}/assign`, { version: c.version, expertUserId: n.countyExpert2.id });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('record.version_conflict');
    const re = await t.as(n.countyCoord).post(`/api/consults/${c.id}/assign`, { version: ok.body.version, expertUserId: n.countyExpert2.id });
    expect(re.body.events.at(-1).action).toBe('reassign');
  });
});

describe('escalation and who sees what', () => {
  it('escalates county → provincial → national; each tier sees the chain; outsiders see nothing', async () => {
    const c = await submittedConsult(t, n);
    const v = await inProgress(t, n, c.id);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8)]);
    const up = await t.request(n.villageDoc, 'POST', '/api/attachments', png, { 'content-type': 'image/png', 'x-file-name': 'ecg.png' });
    await t.db.query(`update attachments set owner_type = 'consult', owner_id = $1, patient_id = $2 where id = $3`, [c.id, c.patientId, up.body.id]);

    expect((await t.as(n.countyExpert).post(`/api/consults/${c.id}/escalate`, { version: v, targetInstitutionId: n.village.id, reason: 'x' })).body.error.code).toBe('consult.not_higher_tier');
    const esc = await t.as(n.countyExpert).post(`/api/consults/${c.id}/escalate`, { version: v, targetInstitutionId: n.provincial.id, targetDepartmentId: n.provNeuro.id, reason: '需神经介入评估' });
    expect(esc.status).toBe(200);
    expect(esc.body.status).toBe('escalated');
    expect(esc.body.chain).toHaveLength(2);
    const provId = esc.body.chain[1].id;
    const prov = await t.as(n.provCoord).get(`/api/consults/${provId}`);
    expect(prov.status).toBe(200);
    expect(prov.body.status).toBe('submitted');
    expect(prov.body.escalatedFromId).toBe(c.id);
    expect(prov.body.summary.question).toBe(summary.question);
    expect(prov.body.attachments.map((a: { id: string }) => a.id)).toContain(up.body.id);
    expect((await t.as(n.provCoord).get(`/api/attachments/${up.body.id}/content`)).status).toBe(200);
    expect((await t.as(n.provCoord).get(`/api/patients/${c.patientId}`)).status).toBe(200);

    const assigned = await t.as(n.provCoord).post(`/api/consults/${provId}/assign`, { version: prov.body.version, expertUserId: n.provExpert.id });
    const esc2 = await t.as(n.provCoord).post(`/api/consults/${provId}/escalate`, { version: assigned.body.version, targetInstitutionId: n.national.id, reason: '疑难病例' });
    expect(esc2.body.chain).toHaveLength(3);
    const natId = esc2.body.chain[2].id;
    // Every tier sees every link, the village included.
    for (const who of [n.villageDoc, n.countyCoord, n.provCoord, n.natCoord]) {
      for (const id of [c.id, provId, natId]) expect((await t.as(who).get(`/api/consults/${id}`)).status, `${who.username} ${id}`).toBe(200);
    }
    // Outsiders get 404 for the consult, its patient and its attachments, whatever they try.
    for (const id of [c.id, provId, natId]) {
      expect((await t.as(n.strangerCoord).get(`/api/consults/${id}`)).status).toBe(404);
      expect((await t.as(n.strangerCoord).post(`/api/consults/${id}/assign`, { version: 1, expertUserId: n.countyExpert.id })).status).toBe(404);
      expect((await t.as(n.strangerCoord).post(`/api/consults/${id}/messages`, { body: 'hi' })).status).toBe(404);
    }
    expect((await t.as(n.strangerCoord).get(`/api/patients/${c.patientId}`)).status).toBe(404);
    expect((await t.as(n.strangerCoord).get(`/api/attachments/${up.body.id}/content`)).status).toBe(404);
    const list = await t.as(n.strangerCoord).get('/api/consults?view=incoming');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(natId);

    // The national tier answers; the provincial requester closes out.
    const natC = (await t.as(n.natCoord).get(`/api/consults/${natId}`)).body;
    const a = await t.as(n.natCoord).post(`/api/consults/${natId}/assign`, { version: natC.version, expertUserId: n.natExpert.id });
    const s = await t.as(n.natExpert).post(`/api/consults/${natId}/start`, { version: a.body.version });
    const r = await t.as(n.natExpert).put(`/api/consults/${natId}/report`, { version: s.body.version, impression: '烟雾病', recommendations: '转诊', referralAdvised: false });
    const signed = await t.as(n.natExpert).post(`/api/consults/${natId}/sign`, { version: r.body.version });
    expect(signed.body.status).toBe('answered');
    const villageView = await t.as(n.villageDoc).get(`/api/consults/${natId}`);
    expect(villageView.body.report.impression).toBe('烟雾病');
    expect(villageView.body.allowedActions).toEqual([]);
    const closed = await t.as(n.provCoord).post(`/api/consults/${natId}/closeout`, { version: signed.body.version, useful: true, referral: 'avoided' });
    expect(closed.status).toBe(403);
  });

  it('audits every read of a consult and list', async () => {
    const c = await submittedConsult(t, n);
    const before = await t.lastAuditId();
    await t.as(n.countyCoord).get(`/api/consults/${c.id}`);
    await t.as(n.countyCoord).get('/api/consults?view=incoming');
    const audit = await t.auditSince(before);
    expect(audit.map((a) => [a.action, a.patient_id])).toEqual([
      ['consult.read', c.patientId],
      ['consult.list', null],
    ]);
    expect(audit[1]?.details.ids).toContain(c.id);
  });

  it('answers 404 for unknown ids and 400 for bad ids', async () => {
    expect((await t.as(n.countyCoord).get(`/api/consults/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await t.as(n.countyCoord).get('/api/consults/abc')).status).toBe(400);
    expect((await t.as(n.countyCoord).get('/api/consults?view=everything')).status).toBe(400);
    expect((await t.as(n.countyCoord).get('/api/consults?status=open')).status).toBe(400);
  });
});
