/**
 * Backup and restore round trip: a database with demo data and an audit chain is backed up with the
 * `db:backup` code path, restored into an empty database with `db:restore`, and compared table by
 * table; the restored audit chain must verify. PGlite always; PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { backup, restore } from '../../src/db/backup.js';
import type { Db } from '../../src/db/db.js';
import { migrate } from '../../src/db/migrate.js';
import { openDb } from '../../src/db/open.js';
import { createAuditService } from '../../src/domains/audit/index.js';
import { scopeOf } from '../../src/domains/institutions/index.js';
import { systemClock } from '../../src/http/clock.js';
import { seedDemo } from '../../src/seed/seed.js';

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) counts[table_name] = (await db.query<{ n: number }>(`select count(*) as n from "${table_name}"`))[0]?.n ?? 0;
  return counts;
}

const verify = (db: Db) => createAuditService({ db, clock: systemClock, scopeOf }).verify();

async function fill(db: Db) {
  await migrate(db);
  await seedDemo(db);
  const audit = createAuditService({ db, clock: systemClock, scopeOf });
  for (let i = 0; i < 25; i += 1) {
    await db.transaction((tx) => audit.record(tx, { userId: null, username: 'backup-test', institutionId: null, ip: '127.0.0.1' }, { action: 'test.row', entityType: 'test', details: { i, text: '中文 "quoted" \\ back' } }));
  }
}

describe('backup and restore', () => {
  it('round-trips a PGlite database (dumpDataDir → loadDataDir)', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yilian-backup-'));
    try {
      const source = await openDb({ pgliteDir: join(dir, 'source') });
      await fill(source);
      const before = await rowCounts(source);
      await source.close();
      const file = join(dir, 'backup.tar.gz');
      const { bytes } = await backup({ pgliteDir: join(dir, 'source') }, file);
      expect(bytes).toBeGreaterThan(1000);
      await expect(restore({ pgliteDir: join(dir, 'source') }, file)).rejects.toThrow(/empty/);
      await restore({ pgliteDir: join(dir, 'restored') }, file);
      const restored = await openDb({ pgliteDir: join(dir, 'restored') });
      expect(await rowCounts(restored)).toEqual(before);
      expect(before.audit_events).toBeGreaterThanOrEqual(25);
      expect(before.institutions).toBeGreaterThan(5);
      expect(await verify(restored)).toMatchObject({ ok: true, checked: before.audit_events });
      await restored.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('round-trips a PostgreSQL database (pg_dump → psql)', { timeout: 180_000 }, async () => {
    const base = process.env.TEST_DATABASE_URL as string;
    const names = [`yl_bk_${randomBytes(4).toString('hex')}`, `yl_bk_${randomBytes(4).toString('hex')}_r`];
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const urlOf = (name: string) => {
      const u = new URL(base);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const dir = mkdtempSync(join(tmpdir(), 'yilian-backup-pg-'));
    try {
      for (const n of names) await admin.query(`create database "${n}"`);
      const source = await openDb({ databaseUrl: urlOf(names[0] as string) });
      await fill(source);
      const before = await rowCounts(source);
      await source.close();
      const file = join(dir, 'backup.sql');
      await backup({ databaseUrl: urlOf(names[0] as string) }, file);
      await expect(restore({ databaseUrl: urlOf(names[0] as string) }, file)).rejects.toThrow(/empty/);
      await restore({ databaseUrl: urlOf(names[1] as string) }, file);
      const restored = await openDb({ databaseUrl: urlOf(names[1] as string) });
      expect(await rowCounts(restored)).toEqual(before);
      expect(await verify(restored)).toMatchObject({ ok: true, checked: before.audit_events });
      // The append-only guard survives the restore, and new rows continue the chain.
      await expect(restored.query('delete from audit_events')).rejects.toThrow(/append-only/);
      await restored.close();
    } finally {
      for (const n of names) await admin.query(`drop database if exists "${n}" with (force)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
