import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../http/clock.js';
import { startTestApp } from '../../../test/harness.js';
import { type Network, network, submittedUp } from './referrals.test-support.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const kinds = async (user: Network['doc']) =>
  (await t.as(user).get('/api/notifications?pageSize=100')).body.items.map((x: { kind: string }) => x.kind) as string[];

/** Advances the clock by whole days, keeping the given sessions alive (they expire after 12 idle hours). */
async function advanceDays(days: number, users: Network['doc'][]) {
  for (let i = 0; i < days * 4; i += 1) {
    t.clock.advance(DAY / 4);
    for (const u of users) await t.as(u).get('/api/auth/me');
  }
}

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('green channel', () => {
  it('escalates to the department head and coordinators when not answered within the target', async () => {
    const n = await network(t);
    const r = await submittedUp(t, n, { greenChannel: true, greenCategory: 'critical', urgency: 'emergency' });
    const detail = await t.as(n.coord).get(`/api/referrals/${r.id}`);
    expect(new Date(detail.body.responseDueAt).getTime() - new Date(detail.body.submittedAt).getTime()).toBe(30 * MINUTE);
    t.clock.advance(29 * MINUTE);
    await t.jobs.runDue();
    expect(await kinds(n.head)).not.toContain('referral.escalated');
    t.clock.advance(2 * MINUTE);
    const before = await t.lastAuditId();
    await t.jobs.runDue();
    expect(await kinds(n.head)).toContain('referral.escalated');
    expect(await kinds(n.coord)).toContain('referral.escalated');
    expect((await t.auditSince(before)).map((a) => a.action)).toContain('referral.escalate');
    const after = await t.as(n.coord).get(`/api/referrals/${r.id}`);
    expect(after.body.escalatedAt).toEqual(expect.any(String));
    // Escalation is a flag, not an edit: the coordinator's version is still good.
    expect(after.body.version).toBe(r.version);
    expect((await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version })).status).toBe(200);
    expect((await t.as(n.coord).get('/api/referrals?flagged=true')).body.items.map((x: { id: string }) => x.id)).toContain(r.id);
  });

  it('does not escalate a case answered in time, and honours a category target changed by a network admin', async () => {
    const n = await network(t);
    const root = await t.factory.institution({ tier: 'national' });
    const networkAdmin = await t.factory.user(root.id, ['admin']);
    const localAdmin = await t.factory.user(n.top.id, ['admin']);
    // n.top has no parent in the test factory; an admin of an institution with a parent is refused.
    const child = await t.factory.institution({ tier: 'county', parentId: root.id });
    const childAdmin = await t.factory.user(child.id, ['admin']);
    expect((await t.as(childAdmin).patch('/api/referrals/green-categories/chest_pain', { responseMinutes: 15 })).status).toBe(403);
    expect((await t.as(n.coord).patch('/api/referrals/green-categories/chest_pain', { responseMinutes: 15 })).status).toBe(403);
    expect((await t.as(networkAdmin).patch('/api/referrals/green-categories/chest_pain', { responseMinutes: 1 })).status).toBe(400);
    expect((await t.as(networkAdmin).patch('/api/referrals/green-categories/nothing_here', { responseMinutes: 15 })).status).toBe(404);
    const changed = await t.as(localAdmin).patch('/api/referrals/green-categories/chest_pain', { responseMinutes: 15 });
    expect(changed.body.find((c: { code: string }) => c.code === 'chest_pain').responseMinutes).toBe(15);
    const r = await submittedUp(t, n, { greenChannel: true, greenCategory: 'chest_pain' });
    const d = (await t.as(n.coord).get(`/api/referrals/${r.id}`)).body;
    expect(new Date(d.responseDueAt).getTime() - new Date(d.submittedAt).getTime()).toBe(15 * MINUTE);
    await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version });
    t.clock.advance(20 * MINUTE);
    await t.jobs.runDue();
    expect((await t.as(n.coord).get(`/api/referrals/${r.id}`)).body.escalatedAt).toBeNull();
    await t.as(networkAdmin).patch('/api/referrals/green-categories/chest_pain', { responseMinutes: 30 });
  });
});

describe('loop closure', () => {
  it('flags a loop still open past the configured age, not a closed one', async () => {
    const n = await network(t);
    const open = await submittedUp(t, n);
    const declined = await submittedUp(t, n);
    await t.as(n.coord).post(`/api/referrals/${declined.id}/decline`, { version: declined.version, reason: '无床位' });
    await advanceDays(29, [n.doc, n.coord]);
    await t.jobs.runDue();
    expect((await t.as(n.doc).get(`/api/referrals/${open.id}`)).body.loopFlaggedAt).toBeNull();
    await advanceDays(1, [n.doc, n.coord]);
    t.clock.advance(MINUTE);
    await t.jobs.runDue();
    expect((await t.as(n.doc).get(`/api/referrals/${open.id}`)).body.loopFlaggedAt).toEqual(expect.any(String));
    expect((await t.as(n.doc).get(`/api/referrals/${declined.id}`)).body.loopFlaggedAt).toBeNull();
    expect(await kinds(n.doc)).toContain('referral.loop_flagged');
  });
});

describe('down-referral', () => {
  async function down(n: Network) {
    const today = t.clock.now();
    const due1 = chinaDate(new Date(today.getTime() + 7 * DAY));
    const due2 = chinaDate(new Date(today.getTime() + 30 * DAY));
    const p = await t.as(n.topDoc).post('/api/patients', { name: '康复期患者', sex: 'male', birthDate: '1952-09-01' });
    const res = await t.as(n.topDoc).post('/api/referrals', {
      patientId: p.body.patient.id,
      toInstitutionId: n.low.id,
      toDepartmentId: n.lowDept.id,
      reason: '病情稳定，转回当地康复及随访',
      diagnoses: [{ code: 'I63.9', display: '脑梗死恢复期' }],
      summary: '取栓术后第10天，NIHSS 2分。',
      consent: { method: 'verbal_witnessed', witnessName: '李护士' },
      followUpPlan: {
        visits: [
          { dueOn: due1, purpose: '出院后1周复诊' },
          { dueOn: due2, purpose: '出院后1月复诊' },
        ],
        checks: ['血常规', '肝肾功能'],
        medications: [{ name: '阿司匹林', dose: '100mg', frequency: 'qd' }],
      },
      submit: true,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; direction: string };
  }

  it('is accepted by the lower tier, which records follow-up visits; the referrer sees them', async () => {
    const n = await network(t);
    const r = await down(n);
    expect(r.direction).toBe('down');
    const accepted = await t.as(n.lowCoord).post(`/api/referrals/${r.id}/accept`, { version: r.version, plan: 'outpatient', appointmentAt: '2026-06-01T09:00:00+08:00' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.followUps).toHaveLength(2);
    expect(accepted.body.actions).toContain('record_follow_up');
    const visit = accepted.body.followUps[0];
    expect((await t.as(n.topDoc).post(`/api/referrals/${r.id}/follow-ups/${visit.id}`, { notes: '无' })).status).toBe(403);
    expect((await t.as(n.lowCoord).post(`/api/referrals/${r.id}/follow-ups/${visit.id}`, {})).status).toBe(400);
    expect((await t.as(n.lowCoord).post(`/api/referrals/${r.id}/follow-ups/${crypto.randomUUID()}`, { notes: 'x' })).status).toBe(404);
    expect((await t.as(n.outsider).post(`/api/referrals/${r.id}/follow-ups/${visit.id}`, { notes: 'x' })).status).toBe(404);
    const before = await t.lastAuditId();
    const recorded = await t.as(n.lowCoord).post(`/api/referrals/${r.id}/follow-ups/${visit.id}`, { notes: '血压130/80，肌力5级，继续服药。' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.followUps[0]).toMatchObject({ notes: '血压130/80，肌力5级，继续服药。', doneAt: expect.any(String) });
    expect((await t.auditSince(before)).at(-1)).toMatchObject({ action: 'referral.record_follow_up' });
    expect((await t.as(n.lowCoord).post(`/api/referrals/${r.id}/follow-ups/${visit.id}`, { notes: '再次' })).body.error.code).toBe('referral.follow_up_done');
    expect(await kinds(n.topDoc)).toContain('referral.follow_up_recorded');
    expect((await t.as(n.topDoc).get(`/api/referrals/${r.id}`)).body.followUps[0].doneAt).toEqual(expect.any(String));
  });

  it('flags a follow-up visit missed after its due day and the grace days', async () => {
    const n = await network(t);
    const r = await down(n);
    const accepted = await t.as(n.lowCoord).post(`/api/referrals/${r.id}/accept`, { version: r.version, plan: 'outpatient', appointmentAt: '2026-06-01T09:00:00+08:00' });
    await t.as(n.lowCoord).post(`/api/referrals/${r.id}/follow-ups/${accepted.body.followUps[1].id}`, { notes: '提前完成' });
    await advanceDays(9, [n.topDoc, n.lowCoord]);
    await t.jobs.runDue();
    expect((await t.as(n.topDoc).get(`/api/referrals/${r.id}`)).body.followUps[0].missedAt).toBeNull();
    await advanceDays(2, [n.topDoc, n.lowCoord]);
    await t.jobs.runDue();
    const after = (await t.as(n.topDoc).get(`/api/referrals/${r.id}`)).body;
    expect(after.followUps[0].missedAt).toEqual(expect.any(String));
    expect(after.followUps[1].missedAt).toBeNull();
    expect(after.events.map((e: { action: string }) => e.action)).toContain('follow_up_missed');
    expect(await kinds(n.topDoc)).toContain('referral.follow_up_missed');
  });
});
