/**
 * Scenario 3 (and the queue half of 7): the coordinator's filtered, paged queue. The figures time the
 * exact SQL `GET /api/consults?view=incoming…` runs (consults.repo.ts listConsults: a count and one
 * page), called through the repo on a PostgreSQL pool, for the busiest hospital and for a median one,
 * over a mix of filters and pages. EXPLAIN (ANALYZE) of the heaviest variant is kept in the results.
 */
import type { ConsultQuery } from '@yilian/contracts';
import { migrate } from '../../apps/api/src/db/migrate.js';
import { openDb } from '../../apps/api/src/db/open.js';
import type { Db } from '../../apps/api/src/db/db.js';
import { listConsults } from '../../apps/api/src/domains/consults/consults.repo.js';
import { BUSIEST, generateConsults, generateInstitutions } from '../lib/consult-data.js';
import { freshDatabase } from '../lib/proc.js';

export interface QueueFigures {
  rows: number;
  busiestHospitalConsults: number;
  busiest: { p50: number; p99: number; n: number };
  median: { p50: number; p99: number; n: number };
  generateSeconds: number;
  plan: string[];
}

/** The coordinator's queue as used: unfiltered, by status, by urgency, overdue, by creation, deeper pages. */
export const VARIANTS: Partial<ConsultQuery>[] = [
  {},
  { status: ['submitted', 'assigned'] },
  { status: ['submitted'], urgency: ['emergency', 'urgent'] },
  { overdue: 'true' },
  { sort: 'created' },
  { page: 5 },
  { urgency: ['emergency'], sort: 'created', page: 2 },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 100) / 100;
};

async function timeQueue(db: Db, institutionId: string, iterations: number) {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const v = VARIANTS[i % VARIANTS.length];
    const q = { view: 'incoming', sort: 'due', page: 1, pageSize: 20, ...v } as ConsultQuery;
    const t0 = performance.now();
    await listConsults(db, q, { institutionId, userId: '', departmentIds: [], now: new Date('2026-11-01T00:00:00+08:00') });
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p99: pct(times, 99), n: times.length };
}

/** A database with `rows` consults; grows an existing one (growth curve) when `db` is given. */
export async function queueDatabase(rows: number): Promise<Db> {
  const url = freshDatabase('yl_bench_queue');
  const db = await openDb({ databaseUrl: url, poolSize: 4 });
  await migrate(db);
  await generateInstitutions(db);
  await generateConsults(db, 0, rows);
  return db;
}

export async function measureQueue(db: Db, rows: number, generateSeconds: number, iterations: number): Promise<QueueFigures> {
  const [{ n: busiestHospitalConsults } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::int as n from consults where target_institution_id = $1', [BUSIEST]);
  const [med] = await db.query<{ t: string }>(
    `select t from (select target_institution_id as t, count(*) as n from consults group by 1) x order by n, t offset (select count(distinct target_institution_id) / 2 from consults) limit 1`,
  );
  await timeQueue(db, BUSIEST, 20);
  const busiest = await timeQueue(db, BUSIEST, iterations);
  const median = await timeQueue(db, med?.t ?? BUSIEST, iterations);
  const plan = (
    await db.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, costs off) select c.id from consults c where c.target_institution_id = $1 and c.status <> 'draft'
        order by c.due_at asc nulls last, c.created_at desc, c.id limit 20`,
      [BUSIEST],
    )
  ).map((r) => r['QUERY PLAN']);
  return { rows, busiestHospitalConsults, busiest, median, generateSeconds, plan };
}

export async function queue(opts: { rows: number; iterations: number }): Promise<QueueFigures> {
  const t0 = performance.now();
  const db = await queueDatabase(opts.rows);
  try {
    return await measureQueue(db, opts.rows, Math.round((performance.now() - t0) / 100) / 10, opts.iterations);
  } finally {
    await db.close();
  }
}
