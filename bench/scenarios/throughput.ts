/**
 * Scenarios 1 and 2: the ceiling (bare Fastify + pg insert) and `POST /api/consults` through the real
 * API (create + submit with an Idempotency-Key per request: validation, authorisation, patient access,
 * target checks, insert, events, agreement/SLA lookup, patient-access grant, due-check job,
 * notifications, hash-chained audit row) at 16 and 64 connections.
 */
import { consultFixture } from '../lib/consult-fixture.js';
import { type LoadFigures, medianOf, runLoad } from '../lib/load.js';
import { freshDatabase, pinned, startProcess } from '../lib/proc.js';

export interface ThroughputResult {
  connections: number;
  ceiling: LoadFigures & { runs: number };
  api: LoadFigures & { runs: number };
  ratio: number;
}

export const API_ROUTE = 'POST /api/consults (create+submit, Idempotency-Key)';

export async function throughput(opts: { connections: number[]; seconds: number; runs: number; poolSize?: number }): Promise<{ results: ThroughputResult[]; apiRoute: string; poolSize: number }> {
  const poolSize = opts.poolSize ?? Number(process.env.BENCH_POOL_SIZE ?? 10);
  const ceilingUrl = freshDatabase('yl_bench_ceiling');
  const [cc, ca] = pinned('0', process.execPath, ['--import', 'tsx', 'bench/ceiling-server.ts']);
  const ceiling = await startProcess(cc, ca, { DATABASE_URL: ceilingUrl, PORT: '3991', DB_POOL_SIZE: String(poolSize) }, 'ceiling ready');
  const ceilingBody = JSON.stringify({ code: 'B[<id>]', nameZh: '压测', nameEn: 'Bench', specialty: 'bench' });
  const json = { 'content-type': 'application/json' };
  const ceilingFigures = new Map<number, LoadFigures & { runs: number }>();
  try {
    runLoad({ url: 'http://127.0.0.1:3991/insert', connections: 16, seconds: 2, method: 'POST', headers: json, body: ceilingBody });
    for (const c of opts.connections) {
      const runs = Array.from({ length: opts.runs }, () => runLoad({ url: 'http://127.0.0.1:3991/insert', connections: c, seconds: opts.seconds, method: 'POST', headers: json, body: ceilingBody }));
      ceilingFigures.set(c, medianOf(runs));
    }
  } finally {
    await ceiling.stop();
  }

  const apiUrl = freshDatabase('yl_bench_api');
  const [ac, aa] = pinned('0', process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts']);
  const api = await startProcess(ac, aa, { DATABASE_URL: apiUrl, PORT: '3992', HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', DB_POOL_SIZE: String(poolSize), WEB_DIST: '/nonexistent', NODE_ENV: 'development' }, 'is ready on');
  const results: ThroughputResult[] = [];
  try {
    const f = await consultFixture(apiUrl);
    const login = await fetch('http://127.0.0.1:3992/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username: f.username, password: f.password }) });
    const session = (await login.json()) as { token: string };
    const url = 'http://127.0.0.1:3992/api/consults';
    const headers = { ...json, authorization: `Bearer ${session.token}`, 'idempotency-key': 'bench-[<id>]' };
    const body = JSON.stringify(f.body(true));
    runLoad({ url, connections: 16, seconds: 2, method: 'POST', headers, body });
    for (const c of opts.connections) {
      const apiFigures = medianOf(Array.from({ length: opts.runs }, () => runLoad({ url, connections: c, seconds: opts.seconds, method: 'POST', headers, body })));
      const ceil = ceilingFigures.get(c) as LoadFigures & { runs: number };
      results.push({ connections: c, ceiling: ceil, api: apiFigures, ratio: Math.round((apiFigures.rps / Math.max(1, ceil.rps)) * 100) / 100 });
    }
  } finally {
    await api.stop();
  }
  return { results, apiRoute: API_ROUTE, poolSize };
}
