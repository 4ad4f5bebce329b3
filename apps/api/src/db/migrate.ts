import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.js';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK = 73_042_026;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Applies pending forward-only migrations, each in its own transaction, under an advisory lock so
 * that several API nodes starting at once migrate exactly once. Returns the current version.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number> {
  await db.query(`create table if not exists schema_migrations (
    version int primary key, name text not null, applied_at timestamptz not null default now())`);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const applied = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
    );
    let current = applied.size ? Math.max(...applied) : 0;
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      current = Math.max(current, migration.version);
    }
    return current;
  });
}

export async function migrationVersion(db: Db): Promise<number> {
  const rows = await db.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return rows[0]?.version ?? 0;
}
