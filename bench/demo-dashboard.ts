/**
 * Agreement dashboards and KPI views on the demo data: the real app in process (HTTP through
 * `app.inject`, the same routes and SQL as the server) on a fresh PGlite and — when PostgreSQL answers —
 * a fresh PostgreSQL database, demo network seeded as `npm start` does. For every demo agreement the
 * dashboard is read `ROUNDS` times as its coordinator or leader sees it; the institution view of PUMCH and
 * the Hebei region view likewise, and one drill-down. Prints median / p95 / max per engine.
 * `npm run bench:demo` (`-- --rounds=N`, `--pglite-only`).
 */
import { buildApp } from '../apps/api/src/app.js';
import { loadConfig } from '../apps/api/src/config.js';
import { openDb } from '../apps/api/src/db/open.js';
import { seedDemo } from '../apps/api/src/seed/seed.js';
import { freshDatabase } from './lib/proc.js';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ROUNDS = Number(arg('rounds') ?? 30);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? Number.NaN;
};
const fmt = (xs: number[]) => `median ${pct(xs, 0.5).toFixed(1)} ms · p95 ${pct(xs, 0.95).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

async function measure(engine: 'pglite' | 'postgres'): Promise<Record<string, number[]>> {
  const databaseUrl = engine === 'postgres' ? freshDatabase('yl_bench_demo_dashboard') : undefined;
  const db = await openDb({ databaseUrl });
  const { app, close } = await buildApp({ config: loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', SEED_DEMO: 'false' }), db, logger: false });
  await seedDemo(db);
  const token = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Yilian@2026' } });
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  };
  const get = async (headers: Record<string, string>, url: string) => {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url, headers });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return { ms, body: res.json() as Record<string, unknown> };
  };
  const manager = await token('nhc.manager');
  const agreements = (await get(manager, '/api/agreements?pageSize=200')).body.items as { id: string; code: string }[];
  const out: Record<string, number[]> = { 'agreement dashboard (all demo agreements)': [], 'institution view (PUMCH)': [], 'region view (13 Hebei)': [], 'drill-down (PUMCH sent referrals)': [] };
  // One warm-up read each: the first dashboard read also catches the workflow rollups up.
  for (const a of agreements) await get(manager, `/api/agreements/${a.id}/dashboard`);
  for (let i = 0; i < ROUNDS; i++) for (const a of agreements) out['agreement dashboard (all demo agreements)']?.push((await get(manager, `/api/agreements/${a.id}/dashboard`)).ms);
  const pumch = await token('pumch.coord');
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: pumch });
  const pumchId = (me.json() as { activeInstitutionId: string }).activeInstitutionId;
  const hebei = await token('hebei.manager');
  for (let i = 0; i < ROUNDS; i++) {
    out['institution view (PUMCH)']?.push((await get(pumch, `/api/metrics/institutions/${pumchId}`)).ms);
    out['region view (13 Hebei)']?.push((await get(hebei, '/api/metrics/regions/13')).ms);
    out['drill-down (PUMCH sent referrals)']?.push((await get(pumch, `/api/metrics/institutions/${pumchId}/drilldown?metric=referral.total&side=received`)).ms);
  }
  console.log(`\n${engine}: ${agreements.length} agreements (${agreements.map((a) => a.code).join(', ')}), ${ROUNDS} rounds`);
  for (const [k, xs] of Object.entries(out)) console.log(`  ${k.padEnd(44)} ${fmt(xs)}`);
  await close();
  return out;
}

await measure('pglite');
if (!process.argv.includes('--pglite-only')) await measure('postgres');
