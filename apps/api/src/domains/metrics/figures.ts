/**
 * Pure computations over rollups: derived figures (shares, percentiles from histograms) and target
 * progress. Everything here is deterministic and unit-tested in figures.test.ts.
 */
import { METRICS, type MetricKey, type TargetProgressDto, type TargetStatus } from '@yilian/contracts';

/** Histogram ladder (minutes): 1-minute buckets below 2 h, 10-minute buckets below 24 h, hourly after. */
export function bucketOf(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 120) return m;
  if (m < 1440) return Math.floor(m / 10) * 10;
  return Math.floor(m / 60) * 60;
}
/** The same ladder in SQL, for the rollup job. */
export const BUCKET_SQL = (expr: string) =>
  `(case when (${expr}) < 120 then floor(greatest(${expr}, 0)) when (${expr}) < 1440 then floor((${expr}) / 10) * 10 else floor((${expr}) / 60) * 60 end)::int`;

/** Nearest-rank percentile over a histogram: the lowest bucket whose cumulative count reaches p·N. */
export function percentile(hist: Map<number, number>, p: number): number | null {
  const buckets = [...hist.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucket;
  }
  return buckets[buckets.length - 1]?.[0] ?? null;
}

const share = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

/** Raw rollup sums (metric → value) and histograms (metric → bucket → n) → the published figures. */
export function deriveFigures(sums: Map<string, number>, hists: Map<string, Map<number, number>>): Partial<Record<MetricKey, number | null>> {
  const v = (k: string) => sums.get(k) ?? 0;
  const out: Partial<Record<MetricKey, number | null>> = {};
  for (const [key, kind] of Object.entries(METRICS) as [MetricKey, string][]) if (kind === 'count') out[key] = v(key);
  out['consult.within_target_share'] = share(v('consult.within_target'), v('consult.responded'));
  out['consult.useful_share'] = share(v('consult.useful'), v('consult.closed_out'));
  out['consult.referral_avoided_share'] = share(v('consult.referral_avoided'), v('consult.closed_out'));
  out['consult.response_median_minutes'] = percentile(hists.get('consult.response') ?? new Map(), 0.5);
  out['consult.response_p90_minutes'] = percentile(hists.get('consult.response') ?? new Map(), 0.9);
  out['referral.green_accept_within_30m_share'] = share(v('referral.green_within_30m'), v('referral.green_decided'));
  out['referral.accept_median_minutes'] = percentile(hists.get('referral.accept') ?? new Map(), 0.5);
  out['referral.loop_closure_share'] = share(v('referral.loop_closed'), v('referral.loop_due'));
  out['referral.followup_completion_share'] = share(v('referral.followups_done'), v('referral.followups_due'));
  return out;
}

/** Rollup sums and histogram buckets, keyed by their owner (an agreement id, or a side of an institution set). */
export interface SumRow {
  key: string;
  metric: string;
  value: number;
}
export interface HistRow {
  key: string;
  metric: string;
  bucket: number;
  n: number;
}
export type Figures = Partial<Record<MetricKey, number | null>>;
export interface KeyedFigures {
  figures: Figures;
  /** Manual adjustments included in the figures, per metric. */
  adjustments: Partial<Record<MetricKey, number>>;
}

/** Groups rollup rows by owner and derives each owner's figures; breakdowns (`*.by_*`) are published as they are. */
export function figuresByKey(keys: string[], sumRows: SumRow[], adjRows: SumRow[], histRows: HistRow[]): Map<string, KeyedFigures> {
  const result = new Map<string, KeyedFigures>();
  for (const key of keys) {
    const sums = new Map<string, number>();
    const adjustments: Partial<Record<MetricKey, number>> = {};
    for (const r of sumRows) if (r.key === key) sums.set(r.metric, Number(r.value));
    for (const r of adjRows) {
      if (r.key !== key) continue;
      sums.set(r.metric, (sums.get(r.metric) ?? 0) + Number(r.value));
      adjustments[r.metric as MetricKey] = Number(r.value);
    }
    const hists = new Map<string, Map<number, number>>();
    for (const r of histRows) {
      if (r.key !== key) continue;
      const h = hists.get(r.metric) ?? new Map<number, number>();
      h.set(Number(r.bucket), Number(r.n));
      hists.set(r.metric, h);
    }
    const figures = deriveFigures(sums, hists);
    for (const [k, v] of sums) if (k.includes('.by_')) (figures as Record<string, number>)[k] = v;
    result.set(key, { figures, adjustments });
  }
  return result;
}

/** Totals of the count metrics over several figure sets (shares and durations do not add up). */
export function countTotals(sets: Figures[]): Figures {
  const totals: Figures = {};
  for (const [key, kind] of Object.entries(METRICS) as [MetricKey, string][]) {
    if (kind === 'count') totals[key] = sets.reduce((s, f) => s + (f[key] ?? 0), 0);
  }
  return totals;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;

export interface TargetInputs {
  targetId: string;
  metric: MetricKey;
  comparison: 'gte' | 'lte';
  value: number;
  periodFrom: string;
  periodTo: string;
  periodLabel: { zh: string; en: string };
}

/**
 * Progress of one target on `asOf`. Count targets are pro-rated over the period (a target of 40 over a
 * year is expected to stand at 20 on 1 July); shares and durations are compared as they stand.
 */
export function targetProgress(t: TargetInputs, actual: number | null, asOf: string): TargetProgressDto {
  const total = days(t.periodFrom, t.periodTo);
  const elapsed = asOf < t.periodFrom ? 0 : Math.min(total, days(t.periodFrom, asOf));
  const elapsedShare = Math.round((elapsed / total) * 10_000) / 10_000;
  const isCount = METRICS[t.metric] === 'count';
  const expected = isCount && t.comparison === 'gte' ? Math.round(t.value * (elapsed / total) * 100) / 100 : t.value;
  let status: TargetStatus;
  if (elapsed === 0) status = 'not_started';
  else if (actual === null) status = 'no_data';
  else if (isCount && t.comparison === 'gte') status = actual >= t.value ? 'met' : actual >= expected ? 'on_track' : 'behind';
  else if (t.comparison === 'gte') status = actual >= t.value ? (elapsed === total ? 'met' : 'on_track') : 'behind';
  else status = actual <= t.value ? (elapsed === total ? 'met' : 'on_track') : 'behind';
  return { ...t, actual, expected, elapsedShare, status };
}
