import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultNetwork, inProgress, type Net, submittedConsult } from '../../../test/consults-fixture.js';
import { startTestApp } from '../../../test/harness.js';
import { ManualClock } from '../../http/clock.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let n: Net;
const MIN = 60_000;
beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(new Date()) });
  n = await consultNetwork(t);
});
afterAll(() => t.stop());

describe('response targets', () => {
  it('flags an emergency without a first response after 30 minutes and notifies the coordinator, once', async () => {
    const c = await submittedConsult(t, n, { urgency: 'emergency' });
    const detail = (await t.as(n.countyCoord).get(`/api/consults/${c.id}`)).body;
    expect(detail.dueMeasure).toBe('first_response');
    expect(new Date(detail.dueAt).getTime() - new Date(detail.submittedAt).getTime()).toBe(30 * MIN);
    await t.as(n.countyCoord).post('/api/notifications/read-all');
    t.clock.advance(29 * MIN);
    await t.jobs.runDue();
    expect((await t.as(n.countyCoord).get(`/api/consults/${c.id}`)).body.overdue).toBe(false);
    t.clock.advance(2 * MIN);
    await t.jobs.runDue();
    await t.jobs.runDue();
    const after = (await t.as(n.countyCoord).get(`/api/consults/${c.id}`)).body;
    expect(after.overdue).toBe(true);
    expect(after.events.filter((e: { action: string }) => e.action === 'overdue')).toHaveLength(1);
    const notes = (await t.as(n.countyCoord).get('/api/notifications?unread=true')).body.items;
    expect(notes.filter((x: { kind: string; link: string }) => x.kind === 'consult.overdue' && x.link === `/consults/${c.id}`)).toHaveLength(1);
    const queue = await t.as(n.countyCoord).get('/api/consults?view=incoming&overdue=true');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect((await t.as(n.countyCoord).get('/api/consults?view=incoming&overdue=false')).body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('does not flag a consult whose target was met or that is paused, and moves the check after a pause', async () => {
    // A short routine target for this agreement keeps the test within a session's idle time.
    expect((await t.as(n.countyCoord).put(`/api/agreements/${n.agreement.id}/consult-targets`, { urgency: 'routine', measure: 'report', minutes: 120 })).status).toBe(200);
    const met = await submittedConsult(t, n, { urgency: 'emergency' });
    await inProgress(t, n, met.id); // start = first response
    const paused = await submittedConsult(t, n, { urgency: 'routine' });
    const v = await inProgress(t, n, paused.id);
    t.clock.advance(60 * MIN);
    await t.as(n.countyExpert).post(`/api/consults/${paused.id}/request-info`, { version: v, body: '请补充' });
    t.clock.advance(180 * MIN); // well past the 120-minute target, but paused all along
    await t.jobs.runDue();
    expect((await t.as(n.countyCoord).get(`/api/consults/${met.id}`)).body.overdue).toBe(false);
    expect((await t.as(n.countyCoord).get(`/api/consults/${paused.id}`)).body.overdue).toBe(false);
    await t.as(n.villageDoc).post(`/api/consults/${paused.id}/messages`, { body: '补充如下' });
    // 120-minute target + 180-minute pause: due 60 minutes from now.
    t.clock.advance(50 * MIN);
    await t.jobs.runDue();
    expect((await t.as(n.countyCoord).get(`/api/consults/${paused.id}`)).body.overdue).toBe(false);
    t.clock.advance(20 * MIN);
    await t.jobs.runDue();
    expect((await t.as(n.countyCoord).get(`/api/consults/${paused.id}`)).body.overdue).toBe(true);
  });

  it('uses the agreement’s own target when it sets one', async () => {
    const bad = await t.as(n.countyCoord).put(`/api/agreements/${n.agreement.id}/consult-targets`, { urgency: 'routine', measure: 'report', minutes: 0 });
    expect(bad.status).toBe(400);
    expect((await t.as(n.strangerCoord).put(`/api/agreements/${n.agreement.id}/consult-targets`, { urgency: 'routine', measure: 'report', minutes: 600 })).status).toBe(404);
    expect((await t.as(n.countyExpert).put(`/api/agreements/${n.agreement.id}/consult-targets`, { urgency: 'routine', measure: 'report', minutes: 600 })).status).toBe(403);
    const ok = await t.as(n.countyCoord).put(`/api/agreements/${n.agreement.id}/consult-targets`, { urgency: 'routine', measure: 'report', minutes: 600 });
    expect(ok.status).toBe(200);
    const c = await submittedConsult(t, n, { urgency: 'routine' });
    const d = (await t.as(n.villageDoc).get(`/api/consults/${c.id}`)).body;
    expect(new Date(d.dueAt).getTime() - new Date(d.submittedAt).getTime()).toBe(600 * MIN);
  });
});

describe('live scheduling', () => {
  it('books a live session from the expert’s availability, never twice, and starts once both confirm', async () => {
    const start = new Date(t.clock.now().getTime() + 24 * 60 * MIN);
    const slotBody = (h: number) => ({ startsAt: new Date(start.getTime() + h * 60 * MIN).toISOString(), endsAt: new Date(start.getTime() + (h + 1) * 60 * MIN).toISOString() });
    const s1 = await t.as(n.countyExpert).post('/api/expert-slots', slotBody(0));
    expect(s1.status).toBe(201);
    const overlap = await t.as(n.countyCoord).post('/api/expert-slots', { expertUserId: n.countyExpert.id, ...slotBody(0.5) });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('consult.slot_overlap');
    expect((await t.as(n.villageDoc).post('/api/expert-slots', slotBody(3))).status).toBe(403);

    const a = await submittedConsult(t, n, { mode: 'live' });
    const b = await submittedConsult(t, n, { mode: 'live' });
    const asyncOne = await submittedConsult(t, n);
    const assign = async (id: string, version: number) => (await t.as(n.countyCoord).post(`/api/consults/${id}/assign`, { version, expertUserId: n.countyExpert.id })).body.version;
    const va = await assign(a.id, a.version);
    const vb = await assign(b.id, b.version);
    const vAsync = await assign(asyncOne.id, asyncOne.version);
    expect((await t.as(n.countyCoord).post(`/api/consults/${asyncOne.id}/schedule`, { version: vAsync, slotId: s1.body.id })).body.error.code).toBe('consult.not_live');

    const sugg = (await t.as(n.countyCoord).get(`/api/consults/${a.id}/expert-suggestions`)).body;
    expect(sugg.find((x: { userId: string }) => x.userId === n.countyExpert.id).nextSlot.id).toBe(s1.body.id);

    const booked = await t.as(n.countyCoord).post(`/api/consults/${a.id}/schedule`, { version: va, slotId: s1.body.id });
    expect(booked.status).toBe(200);
    expect(booked.body.status).toBe('scheduled');
    expect(booked.body.appointment.joinUrl).toBe(`/live/consults/${a.id}`);
    const twice = await t.as(n.countyCoord).post(`/api/consults/${b.id}/schedule`, { version: vb, slotId: s1.body.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('consult.slot_taken');
    // The database itself refuses a second active appointment on the slot.
    await expect(
      t.db.query(`insert into consult_appointments (consult_id, slot_id, expert_user_id, starts_at, ends_at, join_url, created_at) select $1, id, expert_user_id, starts_at, ends_at, 'x', now() from expert_slots where id = $2`, [b.id, s1.body.id]),
    ).rejects.toThrow();

    const early = await t.as(n.countyExpert).post(`/api/consults/${a.id}/start`, { version: booked.body.version });
    expect(early.body.error.code).toBe('consult.appointment_unconfirmed');
    const c1 = await t.as(n.villageDoc).post(`/api/consults/${a.id}/confirm-appointment`, { version: booked.body.version });
    const c2 = await t.as(n.countyExpert).post(`/api/consults/${a.id}/confirm-appointment`, { version: c1.body.version });
    expect(c2.body.appointment.requesterConfirmedAt).not.toBeNull();
    expect(c2.body.appointment.expertConfirmedAt).not.toBeNull();
    const started = await t.as(n.countyExpert).post(`/api/consults/${a.id}/start`, { version: c2.body.version });
    expect(started.body.status).toBe('in_progress');

    const slots = await t.as(n.villageDoc).get(`/api/expert-slots?expertUserId=${n.countyExpert.id}`);
    expect(slots.body.find((s: { id: string }) => s.id === s1.body.id).booked).toBe(true);
  });
});

describe('target suggestions', () => {
  it('lists agreement partners first, then higher tiers, never authorities or the requester', async () => {
    const res = await t.as(n.villageDoc).get('/api/consults/targets');
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ institutionId: n.county.id, viaAgreement: true, agreementId: n.agreement.id });
    const ids = res.body.map((x: { institutionId: string }) => x.institutionId);
    expect(ids).toContain(n.national.id);
    expect(ids).not.toContain(n.village.id);
    const leader = await t.factory.user(n.village.id, ['leader']);
    expect((await t.as(leader).get('/api/consults/targets')).status).toBe(403);
  });
});
