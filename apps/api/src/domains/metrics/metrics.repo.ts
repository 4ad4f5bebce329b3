import type { Queryable } from '../../db/db.js';
import type { HistRow, SumRow } from './figures.js';

export type { HistRow, SumRow } from './figures.js';

/**
 * The two rollup families: per agreement, and per institution and side (sent / received) for consults and
 * referrals. Rows come back keyed by agreement id, or by side once the institutions are summed.
 */
const ROLLUPS = {
  agreement: { daily: 'metric_daily', hist: 'metric_histograms', owner: 'agreement_id', key: 'agreement_id' },
  institution: { daily: 'metric_inst_daily', hist: 'metric_inst_histograms', owner: 'institution_id', key: 'side' },
} as const;
export type Rollup = keyof typeof ROLLUPS;

/** Sums of every rollup metric of the owners over [from, to]. */
export async function sums(q: Queryable, ownerIds: string[], from: string, to: string, of: Rollup = 'agreement') {
  const r = ROLLUPS[of];
  return q.query<SumRow>(
    `select ${r.key} as key, metric, sum(value) as value from ${r.daily}
      where ${r.owner} = any($1::uuid[]) and day between $2 and $3 group by ${r.key}, metric`,
    [ownerIds, from, to],
  );
}

/** Histogram buckets of the owners over [from, to] (median and p90 are read from them). */
export async function histograms(q: Queryable, ownerIds: string[], from: string, to: string, of: Rollup = 'agreement') {
  const r = ROLLUPS[of];
  return q.query<HistRow>(
    `select ${r.key} as key, metric, bucket, sum(n) as n from ${r.hist}
      where ${r.owner} = any($1::uuid[]) and day between $2 and $3 group by ${r.key}, metric, bucket`,
    [ownerIds, from, to],
  );
}

/** Manual adjustments (agreements only), reported apart and added to the figures. */
export async function adjustmentSums(q: Queryable, agreementIds: string[], from: string, to: string) {
  return q.query<SumRow>(
    `select agreement_id as key, metric, sum(delta) as value from metric_adjustments
      where agreement_id = any($1::uuid[]) and on_date between $2 and $3 group by agreement_id, metric`,
    [agreementIds, from, to],
  );
}

export async function monthly(q: Queryable, agreementId: string, from: string, to: string) {
  return q.query<{ month: string; metric: string; value: number }>(
    `select to_char(day, 'YYYY-MM') as month, metric, sum(value) as value from metric_daily
      where agreement_id = $1 and day between $2 and $3 and metric not like '%.by\\_%' group by 1, 2 order by 1`,
    [agreementId, from, to],
  );
}

export async function insertAdjustment(tx: Queryable, a: { agreementId: string; metric: string; onDate: string; delta: number; reason: string; userId: string; at: Date }) {
  const rows = await tx.query<{ id: string }>(
    'insert into metric_adjustments (agreement_id, metric, on_date, delta, reason, author_user_id, created_at) values ($1,$2,$3,$4,$5,$6,$7) returning id',
    [a.agreementId, a.metric, a.onDate, a.delta, a.reason, a.userId, a.at],
  );
  return rows[0]?.id ?? '';
}

export async function adjustmentsOf(q: Queryable, agreementId: string) {
  return q.query<{ id: string; metric: string; on_date: string; delta: number; reason: string; author_user_id: string; created_at: Date }>(
    'select * from metric_adjustments where agreement_id = $1 order by created_at desc',
    [agreementId],
  );
}

/** Agreements supervised by an institution in `scope` (program managers' overview). */
export async function supervisedAgreements(q: Queryable, scope: string[]) {
  return q.query<{ id: string; code: string; title_zh: string; title_en: string; status: string; starts_on: string; ends_on: string }>(
    `select a.id, a.code, a.title_zh, a.title_en, a.status, a.starts_on, a.ends_on from agreements a
      where exists (select 1 from agreement_parties p where p.agreement_id = a.id and p.role = 'supervising' and p.institution_id = any($1::uuid[]))
      order by a.starts_on, a.code`,
    [scope],
  );
}
