/**
 * Rollups of the workflow domains (consults, referrals), maintained by an idempotent job that reads
 * their append-only event tables past a watermark. For every record touched by new events it computes
 * what the record contributes now (`contribution*` below), compares with what it contributed before
 * (`metric_facts`) and adds the difference to `metric_daily` / `metric_histograms`.
 * Each record counts for its agreement (when routed under one) and for its sending and receiving
 * institutions (metric_inst_daily / metric_inst_histograms, side 'sent' / 'received').
 * Rules: drafts and cancelled records count nothing; an escalated consult counts through the consult
 * it was escalated to (a chain counts once); a record counts on the day it was submitted (Asia/Shanghai),
 * even when it is answered in a later period.
 */
import type { Queryable } from '../../db/db.js';
import { bucketOf } from './figures.js';

export interface Fact {
  agreementId: string | null;
  /** Requesting / referring institution and target / receiving institution (institution rollups). */
  senderId: string | null;
  receiverId: string | null;
  day: string | null;
  contrib: Record<string, number>;
  hist: Record<string, number>;
}
const EMPTY: Fact = { agreementId: null, senderId: null, receiverId: null, day: null, contrib: {}, hist: {} };
const minutesBetween = (a: Date, b: Date, pausedMs = 0) => (b.getTime() - a.getTime() - pausedMs) / 60_000;

export interface ConsultFactRow {
  id: string;
  agreement_id: string | null;
  sender_id: string | null;
  receiver_id: string | null;
  status: string;
  kind: string;
  urgency: string;
  day: string | null;
  submitted_at: Date | null;
  first_response_at: Date | null;
  answered_at: Date | null;
  due_at: Date | null;
  due_measure: 'first_response' | 'report' | null;
  paused_ms: number;
  closeout_useful: boolean | null;
  closeout_referral: string | null;
  requester_tier: string;
  target_tier: string | null;
}

export function consultContribution(r: ConsultFactRow): Fact {
  if (!r.submitted_at || !r.day || ['draft', 'cancelled', 'escalated'].includes(r.status)) return EMPTY;
  const c: Record<string, number> = { 'consult.total': 1, [`consult.by_kind.${r.kind}`]: 1, [`consult.by_urgency.${r.urgency}`]: 1, [`consult.by_tier.${r.requester_tier}>${r.target_tier ?? 'none'}`]: 1 };
  const hist: Record<string, number> = {};
  if (r.answered_at) {
    c['consult.answered'] = 1;
    hist['consult.response'] = bucketOf(minutesBetween(r.submitted_at, r.answered_at, Number(r.paused_ms)));
  }
  const measured = r.due_measure === 'first_response' ? r.first_response_at : r.answered_at;
  if (r.due_at && measured) {
    c['consult.responded'] = 1;
    if (measured.getTime() <= r.due_at.getTime()) c['consult.within_target'] = 1;
  }
  if (r.closeout_useful !== null) {
    c['consult.closed_out'] = 1;
    if (r.closeout_useful) c['consult.useful'] = 1;
    if (r.closeout_referral === 'avoided') c['consult.referral_avoided'] = 1;
  }
  return { agreementId: r.agreement_id, senderId: r.sender_id, receiverId: r.receiver_id, day: r.day, contrib: c, hist };
}

export interface ReferralFactRow {
  id: string;
  agreement_id: string | null;
  sender_id: string | null;
  receiver_id: string | null;
  status: string;
  direction: string;
  green_channel: boolean;
  day: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  accepted: boolean | null;
  discharged_at: Date | null;
  loop_closed_at: Date | null;
  followups_done: number;
  followups_missed: number;
}

export function referralContribution(r: ReferralFactRow): Fact {
  if (!r.submitted_at || !r.day || ['draft', 'cancelled'].includes(r.status)) return EMPTY;
  const c: Record<string, number> = { 'referral.total': 1, [`referral.${r.direction}`]: 1 };
  const hist: Record<string, number> = {};
  if (r.green_channel) c['referral.green_channel'] = 1;
  if (r.decided_at) {
    const minutes = minutesBetween(r.submitted_at, r.decided_at);
    if (r.accepted) hist['referral.accept'] = bucketOf(minutes);
    if (r.green_channel) {
      c['referral.green_decided'] = 1;
      if (minutes <= 30) c['referral.green_within_30m'] = 1;
    }
  }
  if (r.discharged_at || ['discharged', 'closed'].includes(r.status)) {
    c['referral.loop_due'] = 1;
    if (r.loop_closed_at) c['referral.loop_closed'] = 1;
  }
  if (r.direction === 'down' && r.followups_done + r.followups_missed > 0) {
    c['referral.followups_done'] = Number(r.followups_done);
    c['referral.followups_due'] = Number(r.followups_done) + Number(r.followups_missed);
  }
  return { agreementId: r.agreement_id, senderId: r.sender_id, receiverId: r.receiver_id, day: r.day, contrib: c, hist };
}

const CONSULT_FACTS_SQL = `
  select c.id, c.agreement_id, c.requester_institution_id as sender_id, c.target_institution_id as receiver_id, c.status, c.kind, c.urgency, (c.submitted_at at time zone 'Asia/Shanghai')::date as day,
         c.submitted_at, c.first_response_at, c.answered_at, c.due_at, c.due_measure, c.paused_ms, c.closeout_useful, c.closeout_referral,
         ri.tier as requester_tier, ti.tier as target_tier
    from consults c join institutions ri on ri.id = c.requester_institution_id left join institutions ti on ti.id = c.target_institution_id
   where c.id = any($1::uuid[])`;

const REFERRAL_FACTS_SQL = `
  select r.id, r.agreement_id, r.from_institution_id as sender_id, r.to_institution_id as receiver_id, r.status, r.direction, r.green_channel, (r.submitted_at at time zone 'Asia/Shanghai')::date as day,
         r.submitted_at, r.decided_at, r.accepted, r.discharged_at, r.loop_closed_at,
         (select count(*) from referral_follow_up_visits v where v.referral_id = r.id and v.done_at is not null) as followups_done,
         (select count(*) from referral_follow_up_visits v where v.referral_id = r.id and v.done_at is null and v.missed_at is not null) as followups_missed
    from referrals r where r.id = any($1::uuid[])`;

const SOURCES = {
  consult: { events: 'consult_events', key: 'consult_id', sql: CONSULT_FACTS_SQL, fact: (r: unknown) => consultContribution(r as ConsultFactRow) },
  referral: { events: 'referral_events', key: 'referral_id', sql: REFERRAL_FACTS_SQL, fact: (r: unknown) => referralContribution(r as ReferralFactRow) },
} as const;

/** Events may commit slightly out of id order; re-reading this many ids behind the watermark is harmless (idempotent). */
const OVERLAP = 1000;

type FactRow = { source_id: string; agreement_id: string | null; sender_id: string | null; receiver_id: string | null; day: string | null; contrib: Record<string, number>; hist: Record<string, number> };

/** Differences to apply to the rollups: key = owner (agreement id, or institution id|side) | metric | day (| bucket). */
class Deltas {
  readonly daily = new Map<string, number>();
  readonly hist = new Map<string, number>();
  private add(m: Map<string, number>, key: string, n: number) {
    m.set(key, (m.get(key) ?? 0) + n);
  }
  apply(owner: string, f: Fact, sign: 1 | -1) {
    for (const [metric, v] of Object.entries(f.contrib)) this.add(this.daily, `${owner}|${metric}|${f.day}`, sign * v);
    for (const [metric, bucket] of Object.entries(f.hist)) this.add(this.hist, `${owner}|${metric}|${f.day}|${bucket}`, sign);
  }
  rows(m: Map<string, number>, parts: number): string[][] {
    return [...m.entries()].filter(([, v]) => v !== 0).map(([k, v]) => [...k.split('|').slice(0, parts), String(v)]);
  }
}

/**
 * Adds `rows` (key columns…, value) to a rollup table, summing on conflict. Table and column names are
 * the constants below, never input.
 */
async function addTo(tx: Queryable, table: string, keys: [string, string][], value: [string, string], rows: string[][]): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...keys, value];
  await tx.query(
    `insert into ${table} (${cols.map(([c]) => c).join(', ')})
     select * from unnest(${cols.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
     on conflict (${keys.map(([c]) => c).join(', ')}) do update set ${value[0]} = ${table}.${value[0]} + excluded.${value[0]}`,
    cols.map((_, i) => rows.map((r) => r[i] ?? '')),
  );
}

const METRIC_DAY: [string, string][] = [
  ['metric', 'text'],
  ['day', 'date'],
];
const BUCKET: [string, string] = ['bucket', 'int'];

/** Adds agreement deltas to metric_daily / metric_histograms. */
async function applyAgreementDeltas(tx: Queryable, d: Deltas): Promise<void> {
  const owner: [string, string][] = [['agreement_id', 'uuid']];
  await addTo(tx, 'metric_daily', [...owner, ...METRIC_DAY], ['value', 'numeric'], d.rows(d.daily, 3));
  await addTo(tx, 'metric_histograms', [...owner, ...METRIC_DAY, BUCKET], ['n', 'bigint'], d.rows(d.hist, 4));
}

/** Adds institution deltas (owner = institution id|side) to metric_inst_daily / metric_inst_histograms. */
async function applyInstitutionDeltas(tx: Queryable, d: Deltas): Promise<void> {
  const owner: [string, string][] = [
    ['institution_id', 'uuid'],
    ['side', 'text'],
  ];
  await addTo(tx, 'metric_inst_daily', [...owner, ...METRIC_DAY], ['value', 'numeric'], d.rows(d.daily, 4));
  await addTo(tx, 'metric_inst_histograms', [...owner, ...METRIC_DAY, BUCKET], ['n', 'bigint'], d.rows(d.hist, 5));
}

/** Recomputes the facts of the given records and applies the differences to the rollups. */
export async function refreshFacts(tx: Queryable, source: keyof typeof SOURCES, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const s = SOURCES[source];
  const rows = await tx.query<{ id: string }>(s.sql, [ids]);
  const old = await tx.query<FactRow>('select source_id, agreement_id, sender_id, receiver_id, day, contrib, hist from metric_facts where source = $1 and source_id = any($2::uuid[])', [source, ids]);
  const oldById = new Map(old.map((o) => [o.source_id, o]));
  const byAgreement = new Deltas();
  const byInstitution = new Deltas();
  const apply = (f: Fact, sign: 1 | -1) => {
    if (!f.day) return;
    if (f.agreementId) byAgreement.apply(f.agreementId, f, sign);
    if (f.senderId) byInstitution.apply(`${f.senderId}|sent`, f, sign);
    if (f.receiverId) byInstitution.apply(`${f.receiverId}|received`, f, sign);
  };
  const next: { id: string; f: Fact }[] = [];
  for (const row of rows) {
    const f = s.fact(row);
    const o = oldById.get(row.id);
    if (o) apply({ agreementId: o.agreement_id, senderId: o.sender_id, receiverId: o.receiver_id, day: o.day, contrib: o.contrib, hist: o.hist }, -1);
    apply(f, 1);
    next.push({ id: row.id, f });
  }
  await applyAgreementDeltas(tx, byAgreement);
  await applyInstitutionDeltas(tx, byInstitution);
  await tx.query(
    `insert into metric_facts (source, source_id, agreement_id, sender_id, receiver_id, day, contrib, hist)
     select $1, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::date[], $7::jsonb[], $8::jsonb[])
     on conflict (source, source_id) do update set agreement_id = excluded.agreement_id, sender_id = excluded.sender_id, receiver_id = excluded.receiver_id,
       day = excluded.day, contrib = excluded.contrib, hist = excluded.hist`,
    [
      source,
      next.map((n) => n.id),
      next.map((n) => n.f.agreementId),
      next.map((n) => n.f.senderId),
      next.map((n) => n.f.receiverId),
      next.map((n) => n.f.day),
      next.map((n) => JSON.stringify(n.f.contrib)),
      next.map((n) => JSON.stringify(n.f.hist)),
    ],
  );
}

/**
 * Reads new events of both sources past their watermarks (at most `limit` each) and refreshes the
 * records they touch. Returns how many events it read; call again while it returns `limit`.
 * Runs under an advisory lock so two workers never interleave (the second one skips).
 */
export async function catchUpWorkflowRollups(tx: Queryable, limit = 20_000): Promise<number> {
  const [lock] = await tx.query<{ ok: boolean }>("select pg_try_advisory_xact_lock(hashtext('metrics.rollup')) as ok");
  if (!lock?.ok) return 0;
  let read = 0;
  for (const source of ['consult', 'referral'] as const) {
    const s = SOURCES[source];
    await tx.query('insert into metric_watermarks (source, last_id) values ($1, 0) on conflict do nothing', [s.events]);
    const [wm] = await tx.query<{ last_id: number }>('select last_id from metric_watermarks where source = $1', [s.events]);
    const from = Math.max(0, (wm?.last_id ?? 0) - OVERLAP);
    const events = await tx.query<{ id: number; rid: string }>(`select id, ${s.key} as rid from ${s.events} where id > $1 order by id limit $2`, [from, limit + OVERLAP]);
    const fresh = events.filter((e) => e.id > (wm?.last_id ?? 0));
    if (fresh.length === 0) continue;
    read += fresh.length;
    await refreshFacts(tx, source, [...new Set(events.map((e) => e.rid))]);
    await tx.query('update metric_watermarks set last_id = $2, updated_at = now() where source = $1', [s.events, fresh[fresh.length - 1]?.id ?? 0]);
  }
  return read;
}
