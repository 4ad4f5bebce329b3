import { REFERRAL_STATUSES } from '@yilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/harness.js';
import { seedFoundation } from './foundation.seed.js';
import { seedReferrals } from './referrals.seed.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('referral demo data', () => {
  it('holds referrals in every state, NEURO-DEMO beds held and occupied, and runs twice without duplicates', async () => {
    const now = t.clock.now();
    const first = await t.db.transaction(async (tx) => seedReferrals(tx, await seedFoundation(tx), now));
    const again = await t.db.transaction(async (tx) => seedReferrals(tx, await seedFoundation(tx), now));
    expect(first.referrals).toBeGreaterThanOrEqual(REFERRAL_STATUSES.length);
    expect(again.referrals).toBe(0);
    const states = await t.db.query<{ status: string }>('select distinct status from referrals');
    expect(states.map((s) => s.status).sort()).toEqual([...REFERRAL_STATUSES].sort());
    const board = await t.db.query<{ status: string; n: number }>(
      `select br.status, count(*) as n from bed_reservations br join wards w on w.id = br.ward_id
        where w.code = 'NEURO-DEMO' and br.status in ('held','occupied') group by br.status order by br.status`,
    );
    expect(board).toEqual([
      { status: 'held', n: 3 },
      { status: 'occupied', n: 2 },
    ]);
    const directions = await t.db.query<{ direction: string }>('select distinct direction from referrals order by direction');
    expect(directions.map((d) => d.direction)).toEqual(['down', 'up']);
    // Each referral's event log ends in its current state.
    const mismatched = await t.db.query(
      `select r.id from referrals r where r.status <> (select e.to_status from referral_events e where e.referral_id = r.id and e.to_status is not null and e.action <> 'escalate' order by e.id desc limit 1)`,
    );
    expect(mismatched).toEqual([]);
  });
});
