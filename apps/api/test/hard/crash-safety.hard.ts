/**
 * Crash safety (`npm run test:hard`): the API as a child process under concurrent idempotent writes,
 * SIGKILLed at random moments and restarted while clients retry. The writes are consult and referral creates
 * (submitted at once), each with its own Idempotency-Key, retried with the same key.
 * - PostgreSQL: a fresh database; acknowledged writes all present, none duplicated, one audit row each,
 *   audit chain verifies.
 * - PGlite: the data directory of a killed process reopens consistent (migrations complete, audit chain
 *   verifies, acknowledged writes present).
 * Needs TEST_DATABASE_URL for the PostgreSQL part (e.g. postgres://postgres@127.0.0.1:5432/test).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { openDb } from '../../src/db/open.js';
import { createAuditService } from '../../src/domains/audit/index.js';
import { scopeOf } from '../../src/domains/institutions/index.js';
import { systemClock } from '../../src/http/clock.js';
import { type CrashFigures, runCrashLoad } from './crash/crash-run.js';

const CRASHES = Number(process.env.CRASHES ?? 6);

/** Per key: how many consults / referrals carry it (the key is in the chief complaint / the reason). */
async function check(db: Db, f: CrashFigures, prefix: string) {
  const rows = await db.query<{ key: string; id: string; kind: string }>(
    `select substr(chief_complaint, 6) as key, id::text as id, 'consult' as kind from consults where chief_complaint like $1
     union all select substr(reason, 6), id::text, 'referral' from referrals where reason like $1`,
    [`崩溃测试 ${prefix}-%`],
  );
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id]);
  const lost = f.acks.filter((a) => !(byKey.get(a.key) ?? []).includes(a.id)).map((a) => a.key);
  const duplicates = [...byKey].filter(([, ids]) => ids.length > 1).map(([key]) => key);
  const ackedIds = new Set(f.acks.map((a) => a.id));
  // Committed but never acknowledged (the client gave up): allowed, but counted.
  const unacknowledged = rows.filter((r) => !ackedIds.has(r.id)).length;
  const audit = await db.query<{ entity_id: string; n: number }>(
    `select entity_id, count(*)::int as n from audit_events where action in ('consult.submit', 'referral.create') and entity_id = any($1::text[]) group by entity_id`,
    [rows.map((r) => r.id)],
  );
  const verify = await createAuditService({ db, clock: systemClock, scopeOf }).verify();
  const migrations = await db.query<{ version: number }>('select version from schema_migrations order by version');
  return {
    records: rows.length,
    lost,
    duplicates,
    unacknowledged,
    auditRows: audit.reduce((n, r) => n + Number(r.n), 0),
    auditDuplicates: audit.filter((r) => Number(r.n) > 1).length,
    verify,
    migrations: migrations.map((m) => m.version),
  };
}

describe('crash safety', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL: no acknowledged write lost or duplicated across SIGKILLs', { timeout: 1_800_000 }, async () => {
    const base = process.env.TEST_DATABASE_URL as string;
    const name = `yl_crash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const prefix = `PG${randomBytes(2).toString('hex')}`;
    try {
      const { figures: f, server } = await runCrashLoad({
        env: { DATABASE_URL: url.toString(), SEED_DEMO: 'true', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10', FILES_DIR: join(tmpdir(), name) },
        clients: 8,
        writesPerClient: Number(process.env.WRITES ?? 60),
        crashes: CRASHES,
        minUpMs: 400,
        maxUpMs: 2500,
        seed: 7,
        prefix,
      });
      await server.kill('SIGTERM');
      const db = await openDb({ databaseUrl: url.toString() });
      const r = await check(db, f, prefix);
      await db.close();
      console.log(
        `[crash-safety postgres] crashes ${f.crashes}, keys ${f.keys.length}, attempts ${f.attempts} (${f.retries} retries), acknowledged ${f.acknowledged}, connection errors ${f.connectionErrors}, replays ${f.replays} (mismatched ${f.replayMismatches.length}), records ${r.records}, lost ${r.lost.length}, duplicates ${r.duplicates.length}, audit rows ${r.auditRows} (duplicated ${r.auditDuplicates}), chain ${r.verify.ok ? 'verifies' : 'BROKEN'} (${r.verify.checked} rows)`,
      );
      expect(f.unexpected).toEqual([]);
      expect(f.replayMismatches).toEqual([]);
      expect(f.crashes).toBeGreaterThan(0);
      expect(f.acknowledged).toBe(f.keys.length);
      expect(r.lost).toEqual([]);
      expect(r.duplicates).toEqual([]);
      expect(r.records).toBe(f.keys.length);
      expect(r.auditRows).toBe(r.records);
      expect(r.auditDuplicates).toBe(0);
      expect(r.verify.ok).toBe(true);
    } finally {
      // Let the closed pool's connections finish ending: a forced drop would kill them with an unhandled FATAL.
      await new Promise((r) => setTimeout(r, 1000));
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });

  it('PGlite: a data directory killed mid-write reopens consistent', { timeout: 1_800_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yilian-crash-pglite-'));
    const prefix = `PL${randomBytes(2).toString('hex')}`;
    try {
      const { figures: f, server } = await runCrashLoad({
        env: { PGLITE_DIR: join(dir, 'db'), SEED_DEMO: 'true', LOG_LEVEL: 'warn', FILES_DIR: join(dir, 'files') },
        clients: 4,
        writesPerClient: Number(process.env.WRITES ?? 40),
        crashes: Math.max(2, Math.round(CRASHES / 2)),
        minUpMs: 500,
        maxUpMs: 3000,
        seed: 11,
        prefix,
      });
      // Kill the last one too, mid-idle, and open the directory directly.
      await server.kill('SIGKILL');
      const db = await openDb({ pgliteDir: join(dir, 'db') });
      const r = await check(db, f, prefix);
      await db.close();
      console.log(
        `[crash-safety pglite] crashes ${f.crashes + 1}, keys ${f.keys.length}, attempts ${f.attempts} (${f.retries} retries), acknowledged ${f.acknowledged}, replays ${f.replays} (mismatched ${f.replayMismatches.length}), records ${r.records}, lost ${r.lost.length}, duplicates ${r.duplicates.length}, migrations ${r.migrations.length}/${loadMigrations().length}, chain ${r.verify.ok ? 'verifies' : 'BROKEN'} (${r.verify.checked} rows)`,
      );
      expect(f.unexpected).toEqual([]);
      expect(f.replayMismatches).toEqual([]);
      expect(r.migrations).toEqual(loadMigrations().map((m) => m.version));
      expect(r.verify.ok).toBe(true);
      expect(r.lost).toEqual([]);
      expect(r.duplicates).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
