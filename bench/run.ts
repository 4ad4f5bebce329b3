/**
 * `npm run bench` — all scenarios; `npm run bench -- --quick` — short runs (under 5 minutes);
 * `--only=throughput,roundtrips,beds,growth,startup` — some scenarios; `--growth-steps=100000,1000000` — other
 * consult counts for scenarios 3/5/7 (default 10^5, 10^6, 2.75·10^6 ≈ 10^7 events, 10^7). Writes bench/results/<time>.json and latest.json, and
 * the results table between the markers in bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { PG_BASE, ROOT } from './lib/proc.js';
import { countQueries } from './querycount.js';
import { beds } from './scenarios/beds.js';
import { growth } from './scenarios/growth.js';
import { startup } from './scenarios/startup.js';
import { throughput } from './scenarios/throughput.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s: string) => !only || only.includes(s);
const growthSteps = process.argv
  .find((a) => a.startsWith('--growth-steps='))
  ?.slice(15)
  .split(',')
  .map((n) => Number(n.replace(/_/g, '')));
if (growthSteps?.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--growth-steps takes positive integers, e.g. 100000,1000000');
const started = new Date();

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  kernel: release(),
  node: process.version,
  postgres: spawnSync('psql', ['-XtAc', 'show server_version', PG_BASE], { encoding: 'utf8' }).stdout.trim(),
  loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  pinning: 'server on CPU 0 (taskset -c 0), autocannon on CPU 1 (taskset -c 1); PostgreSQL unpinned (both cores)',
};

const results: Record<string, unknown> = { started: started.toISOString(), mode: quick ? 'quick' : 'full', machine };
const table: string[] = ['| scenario | figure | value |', '|---|---|---|'];

if (want('throughput')) {
  console.log('▶ scenarios 1+2: ceiling and API create');
  const t = await throughput({ connections: [16, 64], seconds: quick ? 5 : 15, runs: 3 });
  table.push(`| pool | pg pool size (ceiling and API) | ${t.poolSize} |`);
  results.throughput = t;
  for (const r of t.results) {
    table.push(`| 1 ceiling (Fastify + pg insert), ${r.connections} conn | req/s · p50 · p99 | ${r.ceiling.rps} · ${r.ceiling.p50} ms · ${r.ceiling.p99} ms |`);
    table.push(`| 2 API create (${t.apiRoute}), ${r.connections} conn | req/s · p50 · p99 · ratio | ${r.api.rps} · ${r.api.p50} ms · ${r.api.p99} ms · **${r.ratio}** of ceiling${r.api.non2xx ? ` (${r.api.non2xx} non-2xx)` : ''} |`);
  }
}
if (want('roundtrips')) {
  console.log('▶ SQL round trips per request');
  const q = await countQueries(false);
  results.roundTrips = q;
  for (const [k, v] of Object.entries(q)) table.push(`| 2 SQL round trips per request: ${k} | count | ${v} |`);
}
if (want('beds')) {
  console.log('▶ scenario 4: referral accept with bed reservation under contention');
  const b = await beds({ referrals: quick ? 1000 : 4000, connections: 64 });
  results.beds = b;
  table.push(`| 4 accept + bed, ${b.referrals} referrals racing for ${b.freeBeds} free beds, ${b.connections} conn | req/s · p50 · p99 | ${b.rps} · ${b.p50} ms · ${b.p99} ms |`);
  table.push(`| 4 correctness | accepted · refused (409) · other errors · live reservations · beds held twice | ${b.accepted} · ${b.refused} · ${b.otherErrors} · ${b.liveReservations} · ${b.bedsWithTwoLiveReservations} → **${b.correct ? 'no double booking' : 'WRONG'}** |`);
}
if (want('growth')) {
  console.log('▶ scenarios 3, 5, 7: queue and dashboard as the data grows');
  const steps = await growth({
    steps: growthSteps ?? (quick ? [30_000, 100_000] : [100_000, 1_000_000, 2_750_000, 10_000_000]),
    iterations: quick ? 70 : 210,
    rawIterations: quick ? 5 : 9,
    onStep: (st) => console.log(`  ${st.consults} consults, ${st.events} events: queue p99 ${st.queue.busiest.p99} ms, dashboard p99 ${st.dashboard.p99} ms, raw p50 ${st.rawGroupBy.p50} ms`),
  });
  results.growth = steps;
  for (const st of steps) {
    const n = `${st.consults.toLocaleString('en')} consults / ${st.events.toLocaleString('en')} events`;
    table.push(`| 3/7 queue, ${n}: busiest hospital (${st.queue.busiestHospitalConsults.toLocaleString('en')} consults) · median hospital | p50 / p99 | ${st.queue.busiest.p50} / ${st.queue.busiest.p99} ms · ${st.queue.median.p50} / ${st.queue.median.p99} ms |`);
    table.push(`| 5/7 dashboard, ${n}: rollups (${st.rollupRows.toLocaleString('en')} rows) · plain GROUP BY over raw tables | p50 / p99 | ${st.dashboard.p50} / ${st.dashboard.p99} ms · ${st.rawGroupBy.p50} / ${st.rawGroupBy.p99} ms |`);
  }
  const last = steps.at(-1);
  if (last) results.queuePlan = last.queue.plan;
}
if (want('startup')) {
  console.log('▶ scenario 6: start-up');
  const s = await startup({ rows: 100_000, events: !quick });
  results.startup = s;
  table.push(`| 6 start-up, fresh PGlite + migrations + demo data → ready | ms | ${s.freshToReadyMs} |`);
  table.push(`| 6 start-up, reopen | ms | ${s.reopenMs} |`);
  table.push(`| 6 start-up, reopen with ${s.bigRows.toLocaleString('en')} ${s.bigTable} | ms | ${s.bigReopenMs} |`);
}

const dir = join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(results, null, 2));
writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2));

const md = [
  `Run ${started.toISOString()} (${quick ? 'quick: 5 s × 3 runs' : 'full: 15 s × 3 runs'}, medians), load average at start ${machine.loadAverageAtStart.join(' / ')}.`,
  `Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}, PostgreSQL ${machine.postgres}. ${machine.pinning}.`,
  '',
  ...table,
  ...(results.queuePlan ? ['', 'Queue plan (busiest hospital, largest step, EXPLAIN ANALYZE):', '```', ...(results.queuePlan as string[]), '```'] : []),
].join('\n');
const readmePath = join(ROOT, 'bench/README.md');
const readme = readFileSync(readmePath, 'utf8');
writeFileSync(readmePath, readme.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, `<!-- results:start -->\n${md}\n<!-- results:end -->`));
console.log(`\n${md}\n`);
