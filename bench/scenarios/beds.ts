/**
 * Scenario 4: referral accept with bed reservation under contention. The demo network on PostgreSQL;
 * one submitted PUMCH referral is cloned into `referrals` copies (SQL), then pumch.coord accepts all of
 * them through `POST /api/referrals/:id/accept` with `bedId`, 64 connections, every request naming one
 * of the ward's few free beds (so most requests race for a bed somebody else just took). Correctness:
 * afterwards no bed has two live reservations, the number of live reservations equals the number of
 * 2xx answers and of referrals in `bed_reserved`, and every other answer is a clean 409.
 */
import pg from 'pg';
import { runLoad } from '../lib/load.js';
import { freshDatabase, pinned, startProcess } from '../lib/proc.js';

export interface BedsResult {
  referrals: number;
  freeBeds: number;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  accepted: number;
  refused: number;
  otherErrors: number;
  liveReservations: number;
  bedsWithTwoLiveReservations: number;
  referralsBedReserved: number;
  correct: boolean;
}

export async function beds(opts: { referrals: number; connections: number }): Promise<BedsResult> {
  const url = freshDatabase('yl_bench_beds');
  const [ac, aa] = pinned('0', process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts']);
  const api = await startProcess(ac, aa, { DATABASE_URL: url, PORT: '3994', HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10', WEB_DIST: '/nonexistent', NODE_ENV: 'development' }, 'is ready on');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const [src] = (await c.query<{ id: string; version: number; to_institution_id: string }>(
      `select r.id, r.version, r.to_institution_id from referrals r join institutions i on i.id = r.to_institution_id
        where i.code = 'PUMCH' and r.status = 'submitted' order by r.number limit 1`,
    )).rows;
    if (!src) throw new Error('no submitted PUMCH referral in the demo data');
    const cols = (await c.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'referrals' and column_name not in ('id','number') and table_schema = 'public'`)).rows.map((r) => r.column_name);
    const ids = (await c.query<{ id: string }>(
      `insert into referrals (${cols.join(',')}) select ${cols.join(',')} from referrals, generate_series(1, $2) where id = $1 returning id`,
      [src.id, opts.referrals],
    )).rows.map((r) => r.id);
    const free = (await c.query<{ id: string }>(
      `select b.id from beds b join wards w on w.id = b.ward_id
        where w.institution_id = $1 and not exists (select 1 from bed_reservations r where r.bed_id = b.id and r.status in ('held','occupied'))
        order by w.id, b.id limit 16`,
      [src.to_institution_id],
    )).rows.map((r) => r.id);
    const login = await fetch('http://127.0.0.1:3994/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'pumch.coord', password: 'Yilian@2026' }) });
    const { token } = (await login.json()) as { token: string };
    const load = runLoad({
      url: 'http://127.0.0.1:3994/',
      connections: opts.connections,
      seconds: 120,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      paths: ids.map((id) => `/api/referrals/${id}/accept`),
      bodies: ids.map((_, i) => JSON.stringify({ version: src.version, plan: 'admission', bedId: free[i % free.length] })),
    });
    const q1 = async (sql: string, params: unknown[] = []) => Number((await c.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    const liveReservations = await q1(`select count(*) as n from bed_reservations where status in ('held','occupied') and referral_id = any($1::uuid[])`, [ids]);
    const bedsWithTwoLiveReservations = await q1(`select count(*) as n from (select bed_id from bed_reservations where status in ('held','occupied') group by bed_id having count(*) > 1) x`);
    const referralsBedReserved = await q1(`select count(*) as n from referrals where status = 'bed_reserved' and id = any($1::uuid[])`, [ids]);
    const accepted = ids.length - load.non2xx - load.errors;
    const refused = load.non2xx;
    return {
      referrals: ids.length,
      freeBeds: free.length,
      connections: opts.connections,
      rps: load.rps,
      p50: load.p50,
      p99: load.p99,
      accepted,
      refused,
      otherErrors: load.errors,
      liveReservations,
      bedsWithTwoLiveReservations,
      referralsBedReserved,
      correct: bedsWithTwoLiveReservations === 0 && liveReservations === accepted && referralsBedReserved === accepted && accepted <= free.length && load.errors === 0,
    };
  } finally {
    await c.end();
    await api.stop();
  }
}
