import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../http/clock.js';
import { startTestApp } from '../../../test/harness.js';
import { network, reserved, submittedUp } from './referrals.test-support.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const CONCURRENT_ACCEPTS = 12;

describe('bed reservation', () => {
  it(`lets exactly one of ${CONCURRENT_ACCEPTS} concurrent accept-with-bed requests hold the bed`, async () => {
    const n = await network(t, { beds: 2 });
    const bedId = n.ward.bedIds[0] as string;
    const referrals = [];
    for (let i = 0; i < CONCURRENT_ACCEPTS; i += 1) referrals.push(await submittedUp(t, n, { urgency: 'emergency' }));
    // Several coordinators, each with a session, fire at once.
    const coords = await Promise.all(referrals.map(() => t.factory.user(n.top.id, ['coordinator'])));
    const results = await Promise.all(
      referrals.map((r, i) => t.as(coords[i] as typeof n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, bedId })),
    );
    const won = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status === 409);
    console.info(`[concurrency] ${t.db.kind}: ${CONCURRENT_ACCEPTS} concurrent accepts for one bed → ${won.length} won, ${lost.length} refused with 409`);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(CONCURRENT_ACCEPTS - 1);
    for (const l of lost) expect(l.body.error.code).toBe('referral.bed_taken');
    const live = await t.db.query<{ n: number }>("select count(*) as n from bed_reservations where bed_id = $1 and status in ('held','occupied')", [bedId]);
    expect(live[0]?.n).toBe(1);
    // The losers stayed submitted (their transaction rolled back whole) and can take the other bed.
    const loser = referrals[results.findIndex((r) => r.status === 409)] as { id: string; version: number };
    const after = await t.as(n.coord).get(`/api/referrals/${loser.id}`);
    expect(after.body).toMatchObject({ status: 'submitted', version: loser.version });
    const other = await t.as(n.coord).post(`/api/referrals/${loser.id}/accept`, { version: loser.version, bedId: n.ward.bedIds[1] });
    expect(other.status).toBe(200);
  });

  it('refuses a bed of another institution (404) and the database refuses a second live hold', async () => {
    const n = await network(t);
    const foreignWard = await t.factory.ward(n.low.id, n.lowDept.id, 1);
    const r = await submittedUp(t, n);
    const res = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, bedId: foreignWard.bedIds[0] });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('bed.not_found');
    const held = await reserved(t, n, n.ward.bedIds[0] as string);
    await expect(
      t.db.query("insert into bed_reservations (referral_id, bed_id, ward_id, status, held_at) values ($1,$2,$3,'held',now())", [r.id, n.ward.bedIds[0], n.ward.id]),
    ).rejects.toThrow(/bed_reservations_one_per_bed/);
    expect(held.status).toBe('bed_reserved');
  });

  it('expires a hold by itself (job, injected clock) back to accepted and frees the bed', async () => {
    const n = await network(t);
    const bedId = n.ward.bedIds[0] as string;
    const r = await reserved(t, n, bedId);
    t.clock.advance(11 * HOUR);
    await t.jobs.runDue();
    expect((await t.as(n.coord).get(`/api/referrals/${r.id}`)).body.status).toBe('bed_reserved');
    t.clock.advance(1 * HOUR + MINUTE);
    const before = await t.lastAuditId();
    await t.jobs.runDue();
    const after = await t.as(n.coord).get(`/api/referrals/${r.id}`);
    expect(after.body).toMatchObject({ status: 'accepted', reservation: { status: 'expired' } });
    expect(after.body.events.at(-1)).toMatchObject({ action: 'reservation_expired', fromStatus: 'bed_reserved', toStatus: 'accepted' });
    expect((await t.auditSince(before)).map((a) => a.action)).toContain('referral.reservation_expire');
    const board = await t.as(n.coord).get(`/api/wards/${n.ward.id}/occupancy`);
    expect(board.body.beds.find((b: { id: string }) => b.id === bedId).state).toBe('free');
    // The coordinator can hold a bed again.
    const again = await t.as(n.coord).post(`/api/referrals/${r.id}/reserve-bed`, { version: after.body.version, bedId });
    expect(again.body.status).toBe('bed_reserved');
  });

  it('releases a lapsed hold at write time when another referral asks for the bed (before the job ran)', async () => {
    const n = await network(t);
    const bedId = n.ward.bedIds[2] as string;
    const first = await reserved(t, n, bedId);
    const second = await submittedUp(t, n);
    t.clock.advance(11 * HOUR);
    await t.as(n.coord).get('/api/auth/me'); // sessions expire after 12 idle hours
    t.clock.advance(1 * HOUR + MINUTE);
    const res = await t.as(n.coord).post(`/api/referrals/${second.id}/accept`, { version: second.version, bedId });
    expect(res.status).toBe(200);
    expect(res.body.reservation.bedId).toBe(bedId);
    const firstNow = await t.as(n.coord).get(`/api/referrals/${first.id}`);
    expect(firstNow.body.status).toBe('accepted');
    await t.jobs.runDue(); // the first hold's own expiry job finds nothing left to do
    expect((await t.as(n.coord).get(`/api/referrals/${first.id}`)).body.status).toBe('accepted');
  });

  it('keeps the hold once the patient is on the way', async () => {
    const n = await network(t);
    const r = await reserved(t, n, n.ward.bedIds[3] as string);
    const departed = await t.as(n.doc).post(`/api/referrals/${r.id}/depart`, { version: r.version, transport: 'self', departureAt: t.clock.now().toISOString() });
    expect(departed.status).toBe(200);
    t.clock.advance(11 * HOUR);
    await t.as(n.coord).get('/api/auth/me');
    t.clock.advance(2 * HOUR);
    await t.jobs.runDue();
    expect((await t.as(n.coord).get(`/api/referrals/${r.id}`)).body).toMatchObject({ status: 'in_transit', reservation: { status: 'held' } });
  });

  it('uses the institution bed-hold setting, changeable by its admin only', async () => {
    const n = await network(t);
    const admin = await t.factory.user(n.top.id, ['admin']);
    expect((await t.as(n.coord).put('/api/referrals/settings', { bedHoldMinutes: 60 })).status).toBe(403);
    expect((await t.as(admin).put('/api/referrals/settings', { bedHoldMinutes: 5 })).status).toBe(400);
    const set = await t.as(admin).put('/api/referrals/settings', { bedHoldMinutes: 60 });
    expect(set.body).toMatchObject({ institutionId: n.top.id, bedHoldMinutes: 60, openLoopDays: 30 });
    const r = await reserved(t, n, n.ward.bedIds[0] as string);
    t.clock.advance(61 * MINUTE);
    await t.jobs.runDue();
    expect((await t.as(n.coord).get(`/api/referrals/${r.id}`)).body.status).toBe('accepted');
  });

  it('shows the ward board of the own institution only', async () => {
    const n = await network(t);
    await reserved(t, n, n.ward.bedIds[0] as string);
    const board = await t.as(n.coord).get('/api/referrals/wards');
    expect(board.status).toBe(200);
    const ward = board.body.find((w: { id: string }) => w.id === n.ward.id);
    expect(ward.counts).toEqual({ free: 3, held: 1, occupied: 0, out_of_service: 0 });
    expect((await t.as(n.outsider).get(`/api/wards/${n.ward.id}/occupancy`)).status).toBe(404);
    expect((await t.request(undefined, 'GET', '/api/referrals/wards')).status).toBe(401);
  });
});
