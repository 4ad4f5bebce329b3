/**
 * SQL round trips per request: the real app in process on PostgreSQL with a counting `Db`, one
 * consult create+submit (Idempotency-Key) and one list, each query printed. `tsx bench/querycount.ts`.
 */
import { buildApp } from '../apps/api/src/app.js';
import { loadConfig } from '../apps/api/src/config.js';
import type { Db, Tx } from '../apps/api/src/db/db.js';
import { openDb } from '../apps/api/src/db/open.js';
import { seedDemo } from '../apps/api/src/seed/seed.js';
import { consultFixture } from './lib/consult-fixture.js';
import { freshDatabase } from './lib/proc.js';

export async function countQueries(verbose: boolean): Promise<Record<string, number>> {
  const url = freshDatabase('yl_bench_qc');
  const inner = await openDb({ databaseUrl: url, poolSize: 4 });
  let log: string[] = [];
  const wrap = (q: Tx): Tx => ({
    query(text, params) {
      log.push(text.replace(/\s+/g, ' ').slice(0, 110));
      return q.query(text, params);
    },
    exec(text) {
      log.push('exec');
      return q.exec(text);
    },
  });
  const db: Db = {
    ...wrap(inner),
    kind: inner.kind,
    transaction(fn) {
      log.push('begin … commit (2)');
      return inner.transaction((tx) => fn(wrap(tx)));
    },
    close: () => inner.close(),
  };
  const { app, close } = await buildApp({ config: loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent' }), db, logger: false });
  await seedDemo(db);
  const f = await consultFixture(url);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: f.username, password: f.password } });
  const token = (login.json() as { token: string }).token;
  const headers = { authorization: `Bearer ${token}` };
  const out: Record<string, number> = {};
  const run = async (name: string, method: 'GET' | 'POST', url: string, payload?: unknown, extra: Record<string, string> = {}) => {
    log = [];
    const res = await app.inject({ method, url, payload: payload as object, headers: { ...headers, ...extra } });
    if (res.statusCode >= 300) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    const n = log.reduce((s, l) => s + (l.startsWith('begin') ? 2 : 1), 0);
    out[name] = n;
    if (verbose) console.log(`\n${name}: ${n} round trips\n  ${log.join('\n  ')}`);
  };
  await run('POST /api/consults (create+submit)', 'POST', '/api/consults', f.body(true), { 'idempotency-key': 'querycount-0001' });
  await run('POST /api/consults (create+submit) again', 'POST', '/api/consults', f.body(true), { 'idempotency-key': 'querycount-0002' });
  await run('GET /api/consults (requested)', 'GET', '/api/consults?view=requested');
  await close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await countQueries(true));
