/**
 * Times each incoming-queue variant of scenario 3 for the busiest hospital on an existing bench database
 * (default: the growth database the last `npm run bench` left, `yl_bench_growth`), and prints its plan.
 * `npx tsx bench/experiments/queue-variants.ts [database-url]`
 */
import type { ConsultQuery } from '@yilian/contracts';
import { openDb } from '../../apps/api/src/db/open.js';
import { listConsults } from '../../apps/api/src/domains/consults/consults.repo.js';
import { BUSIEST } from '../lib/consult-data.js';
import { VARIANTS } from '../scenarios/queue.js';

const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/yl_bench_growth';
const db = await openDb({ databaseUrl: url, poolSize: 2 });
const [{ n } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::int as n from consults');
console.log(`${n} consults`);
for (const v of VARIANTS) {
  const q = { view: 'incoming', sort: 'due', page: 1, pageSize: 20, ...v } as ConsultQuery;
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await listConsults(db, q, { institutionId: BUSIEST, userId: '', departmentIds: [], now: new Date('2026-11-01T00:00:00+08:00') });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify(v), `min ${times[0]?.toFixed(1)} ms · median ${times[7]?.toFixed(1)} ms · max ${times[14]?.toFixed(1)} ms`);
}
await db.close();
