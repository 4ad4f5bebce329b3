/**
 * Concurrency on the consult workflow: many clients racing on the same transition of the same consult.
 * Exactly one wins each race; every loser gets a 409 (stale version or illegal transition), never a
 * 5xx; the consult ends in the winner's state, its event trail is a legal walk of the state machine,
 * and exactly one audit row is written per winning step. (Bed reservations race in
 * src/domains/referrals/referrals-beds.int.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/domains/consults/consults.policy.js';
import { consultNetwork, type Net, submittedConsult } from '../consults-fixture.js';
import { startTestApp, type TestResponse, type TestUser } from '../harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let n: Net;
let experts: TestUser[];
const RACERS = Number(process.env.RACERS ?? 12);

beforeAll(async () => {
  t = await startTestApp();
  n = await consultNetwork(t);
  experts = [n.countyExpert, n.countyExpert2];
  while (experts.length < RACERS) experts.push(await t.factory.practitioner(n.county.id, n.countyMed.id, ['expert'], ['internal_medicine']));
});
afterAll(() => t.stop());

const CONFLICTS = new Set(['record.version_conflict', 'workflow.illegal_transition']);

type Res = TestResponse<any>;

function oneWinner(results: Res[]): Res {
  const winners = results.filter((r) => r.status === 200);
  const losers = results.filter((r) => r.status !== 200);
  expect(winners, results.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join('\n')).toHaveLength(1);
  for (const l of losers) {
    expect(l.status).toBe(409);
    expect(CONFLICTS.has(l.body.error.code), l.text).toBe(true);
  }
  return winners[0] as Res;
}

/** The event trail must be a walk of the state machine: each step starts where the previous ended. */
async function assertLegalTrail(id: string) {
  const events = await t.db.query<{ action: string; from_status: string | null; to_status: string | null }>(
    'select action, from_status, to_status from consult_events where consult_id = $1 order by at, id',
    [id],
  );
  let status: string | null = null;
  for (const e of events) {
    if (status !== null) expect(e.from_status, JSON.stringify(events)).toBe(status);
    const rule = RULES[e.action as keyof typeof RULES];
    if (rule && e.from_status) expect(rule.from as readonly string[]).toContain(e.from_status);
    status = e.to_status ?? status;
  }
  const [row] = await t.db.query<{ status: string }>('select status from consults where id = $1', [id]);
  expect(row?.status).toBe(status);
}

describe('racing consult transitions', () => {
  it('lets exactly one of many experts claim a consult', async () => {
    const c = await submittedConsult(t, n);
    const before = await t.lastAuditId();
    const results = await Promise.all(experts.map((e) => t.as(e).post(`/api/consults/${c.id}/claim`, { version: c.version })));
    const winner = oneWinner(results);
    const winnerIndex = results.indexOf(winner);
    const [row] = await t.db.query<{ status: string; assigned_expert_user_id: string }>('select status, assigned_expert_user_id from consults where id = $1', [c.id]);
    expect(row).toEqual({ status: 'assigned', assigned_expert_user_id: experts[winnerIndex]?.id });
    expect((await t.auditSince(before)).filter((r) => r.entity_id === c.id).map((r) => r.action)).toEqual(['consult.claim']);
    await assertLegalTrail(c.id);
  });

  it('lets exactly one of many racing assigns win a version', async () => {
    const c = await submittedConsult(t, n);
    const results = await Promise.all(experts.map((e) => t.as(n.countyCoord).post(`/api/consults/${c.id}/assign`, { version: c.version, expertUserId: e.id })));
    const winner = oneWinner(results);
    expect(winner.body.status).toBe('assigned');
    await assertLegalTrail(c.id);
  });

  it('settles a race of different transitions (claim, assign, decline, cancel) on one state', async () => {
    for (let round = 0; round < 3; round += 1) {
      const c = await submittedConsult(t, n);
      const url = (a: string) => `/api/consults/${c.id}/${a}`;
      const results = await Promise.all([
        ...experts.slice(0, 4).map((e) => t.as(e).post(url('claim'), { version: c.version })),
        t.as(n.countyCoord).post(url('assign'), { version: c.version, expertUserId: n.countyExpert.id }),
        t.as(n.countyCoord).post(url('decline'), { version: c.version, reason: '非本院专科' }),
        t.as(n.villageDoc).post(url('cancel'), { version: c.version, reason: '患者已好转' }),
      ]);
      const winner = oneWinner(results);
      expect(['assigned', 'declined', 'cancelled']).toContain(winner.body.status);
      await assertLegalTrail(c.id);
    }
  });

  it('keeps the version sequence: racing starts after a claim, only the assigned expert wins once', async () => {
    const c = await submittedConsult(t, n);
    const claimed = await t.as(n.countyExpert).post(`/api/consults/${c.id}/claim`, { version: c.version });
    expect(claimed.status).toBe(200);
    const results = await Promise.all(Array.from({ length: RACERS }, () => t.as(n.countyExpert).post(`/api/consults/${c.id}/start`, { version: claimed.body.version })));
    const winner = oneWinner(results);
    expect(winner.body).toMatchObject({ status: 'in_progress', version: claimed.body.version + 1 });
    // Another expert of the target is refused outright (not the assigned expert): 403, whatever the version.
    expect((await t.as(n.countyExpert2).post(`/api/consults/${c.id}/start`, { version: winner.body.version })).status).toBe(403);
    await assertLegalTrail(c.id);
  });

  it('keeps the audit chain whole after the races', async () => {
    expect(await t.services.audit.verify()).toMatchObject({ ok: true });
  });
});
