/**
 * Where scenario 2's time goes after the round-trip fixes: the same load on POST /api/consults with
 * (a) the product as it is, (b) the bench database's audit_append replaced by a version without the
 * chain lock (NOT a product option: it forks the chain; it measures the ceiling an asynchronous
 * chainer would reach), (c) synchronous_commit=off on the bench database (the share of WAL fsync in
 * the lock's hold time). `tsx bench/experiments/audit-lock.ts [seconds]`.
 */
import { spawnSync } from 'node:child_process';
import { consultFixture } from '../lib/consult-fixture.js';
import { medianOf, runLoad } from '../lib/load.js';
import { freshDatabase, pinned, startProcess } from '../lib/proc.js';

const seconds = Number(process.argv[2] ?? 5);
const apiUrl = freshDatabase('yl_bench_api');
const [ac, aa] = pinned('0', process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts']);
const api = await startProcess(ac, aa, { DATABASE_URL: apiUrl, PORT: '3992', HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10', WEB_DIST: '/nonexistent', NODE_ENV: 'development' }, 'is ready on');
const psql = (sql: string) => spawnSync('psql', ['-Xq', '-c', sql, apiUrl], { encoding: 'utf8' });
try {
  const f = await consultFixture(apiUrl);
  const login = await fetch('http://127.0.0.1:3992/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: f.username, password: f.password }) });
  const { token } = (await login.json()) as { token: string };
  const spec = (c: number) => ({ url: 'http://127.0.0.1:3992/api/consults', connections: c, seconds, method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'x-[<id>]' }, body: JSON.stringify(f.body(true)) });
  const round = (label: string) => {
    for (const c of [16, 64]) console.log(label, c, JSON.stringify(medianOf([runLoad(spec(c)), runLoad(spec(c)), runLoad(spec(c))])));
  };
  runLoad({ ...spec(16), seconds: 2 });
  round('as-is');
  const def = spawnSync('psql', ['-XtAc', "select pg_get_functiondef('audit_append'::regproc)", apiUrl], { encoding: 'utf8' }).stdout;
  if (!def.includes('pg_advisory_xact_lock(4242001)')) throw new Error('audit_append has changed: update this experiment');
  const replaced = psql(def.replace('perform pg_advisory_xact_lock(4242001);', ''));
  if (replaced.status !== 0) throw new Error(replaced.stderr);
  round('no-chain-lock');
  psql(`alter database yl_bench_api set synchronous_commit = off`);
  await api.stop();
  const api2 = await startProcess(ac, aa, { DATABASE_URL: apiUrl, PORT: '3992', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10', WEB_DIST: '/nonexistent', NODE_ENV: 'development' }, 'is ready on');
  round('no-lock+async-commit');
  await api2.stop();
} finally {
  await api.stop();
}
