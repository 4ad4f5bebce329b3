/**
 * Scenarios 3, 5 and 7 on one PostgreSQL database grown in steps (10^5, 10^6, 2.75·10^6 ≈ 10^7
 * workflow events, 10^7 consults; `--quick`: 10^5 and 3·10^5). At each step:
 * - the coordinator's queue (scenario 3, queue.ts) for the busiest and a median hospital;
 * - an agreement dashboard load (scenario 5): the rollup reads metrics.service `dashboard` makes
 *   (metrics.repo sums + adjustmentSums + histograms in parallel, then monthly) against
 * - the same figures computed by a plain GROUP BY over the raw tables (consult_events ⋈ consults).
 * The rollup tables are filled by one SQL aggregation over the generated consults (a stand-in for the
 * metrics.rollup job, whose per-record diffing is built for incremental updates, not a 10^7 backfill);
 * the dashboard reads them exactly as the product does.
 */
import { migrate } from '../../apps/api/src/db/migrate.js';
import type { Db } from '../../apps/api/src/db/db.js';
import { openDb } from '../../apps/api/src/db/open.js';
import { adjustmentSums, histograms, monthly, sums } from '../../apps/api/src/domains/metrics/metrics.repo.js';
import { generateAgreements, generateConsults, generateInstitutions } from '../lib/consult-data.js';
import { freshDatabase } from '../lib/proc.js';
import { measureQueue, type QueueFigures } from './queue.js';

const AGREEMENTS = 500;
const FROM = '2025-11-01';
const TO = '2026-10-31';

export interface GrowthStep {
  consults: number;
  events: number;
  generateSeconds: number;
  rollupRows: number;
  queue: QueueFigures;
  dashboard: { p50: number; p99: number; n: number };
  rawGroupBy: { p50: number; p99: number; n: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};
const agreement = (i: number) => `00000000-0000-4000-b000-${(i % AGREEMENTS).toString(16).padStart(12, '0')}`;

async function rebuildRollups(db: Db): Promise<number> {
  await db.exec('delete from metric_daily; delete from metric_histograms;');
  await db.query(
    `insert into metric_daily (agreement_id, metric, day, value)
     select c.agreement_id, m.metric, (c.submitted_at at time zone 'Asia/Shanghai')::date, sum(m.v)
       from consults c cross join lateral (values ('consult.total', 1), ('consult.responded', (c.first_response_at is not null)::int),
              ('consult.within_target', coalesce((c.first_response_at <= c.due_at)::int, 0)), ('consult.closed_out', (c.status = 'closed')::int),
              ('consult.useful', coalesce(c.closeout_useful::int, 0)), ('consult.by_urgency.' || c.urgency, 1), ('consult.by_kind.' || c.kind, 1)) m(metric, v)
      where c.agreement_id is not null and c.status not in ('draft', 'cancelled')
      group by 1, 2, 3`,
  );
  await db.query(
    `insert into metric_histograms (agreement_id, metric, day, bucket, n)
     select c.agreement_id, 'consult.response', (c.submitted_at at time zone 'Asia/Shanghai')::date,
            (2 ^ floor(log(2, greatest(1, extract(epoch from c.first_response_at - c.submitted_at) / 60))))::int, count(*)
       from consults c where c.agreement_id is not null and c.first_response_at is not null group by 1, 2, 3, 4`,
  );
  await db.exec('vacuum analyze metric_daily');
  await db.exec('vacuum analyze metric_histograms');
  return (await db.query<{ n: number }>('select (select count(*) from metric_daily) + (select count(*) from metric_histograms) as n'))[0]?.n ?? 0;
}

async function dashboardLoad(db: Db, id: string) {
  await Promise.all([sums(db, [id], FROM, TO), adjustmentSums(db, [id], FROM, TO), histograms(db, [id], FROM, TO)]);
  await monthly(db, id, FROM, TO);
}

async function rawLoad(db: Db, id: string) {
  const where = `c.agreement_id = $1 and c.submitted_at >= $2::date and c.submitted_at < $3::date + 1 and c.status not in ('draft','cancelled')`;
  await Promise.all([
    db.query(
      `select count(*) filter (where e.action = 'submit') as total, count(*) filter (where e.action = 'assign') as responded,
              count(*) filter (where e.action = 'assign' and c.first_response_at <= c.due_at) as within_target,
              count(*) filter (where e.action = 'close') as closed_out, c.urgency, c.kind,
              percentile_cont(0.5) within group (order by extract(epoch from c.first_response_at - c.submitted_at) / 60) filter (where e.action = 'assign') as median
         from consult_events e join consults c on c.id = e.consult_id where ${where} group by rollup (c.urgency, c.kind)`,
      [id, FROM, TO],
    ),
    db.query(`select to_char(e.at, 'YYYY-MM') as month, e.action, count(*) from consult_events e join consults c on c.id = e.consult_id where ${where} group by 1, 2`, [id, FROM, TO]),
  ]);
}

async function timeIt(n: number, fn: (i: number) => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p99: pct(times, 99), n };
}

export async function growth(opts: { steps: number[]; iterations: number; rawIterations: number; onStep?: (s: GrowthStep) => void }): Promise<GrowthStep[]> {
  const url = freshDatabase('yl_bench_growth');
  const db = await openDb({ databaseUrl: url, poolSize: 4 });
  const out: GrowthStep[] = [];
  try {
    await migrate(db);
    await generateInstitutions(db);
    await generateAgreements(db, AGREEMENTS);
    let have = 0;
    for (const size of opts.steps) {
      const t0 = performance.now();
      await generateConsults(db, have, size, { agreements: AGREEMENTS, events: true });
      have = size;
      const rollupRows = await rebuildRollups(db);
      const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
      const events = (await db.query<{ n: number }>('select count(*) as n from consult_events'))[0]?.n ?? 0;
      const queue = await measureQueue(db, size, generateSeconds, opts.iterations);
      await dashboardLoad(db, agreement(0));
      const dashboard = await timeIt(opts.iterations, (i) => dashboardLoad(db, agreement(i * 7)));
      const rawGroupBy = await timeIt(opts.rawIterations, (i) => rawLoad(db, agreement(i * 7)));
      const step = { consults: size, events, generateSeconds, rollupRows, queue, dashboard, rawGroupBy };
      opts.onStep?.(step);
      out.push(step);
    }
  } finally {
    await db.close();
  }
  return out;
}
