/**
 * Backup and restore. PostgreSQL: a plain SQL dump with `pg_dump` (no owners or privileges, so it
 * restores under any role), restored with `psql` in one transaction that stops at the first error.
 * PGlite: a gzipped tarball of the data directory (`dumpDataDir`), restored with `loadDataDir`.
 * A restore only goes into an empty database, so it never merges with or overwrites data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

export interface BackupTarget {
  databaseUrl?: string | undefined;
  pgliteDir?: string | undefined;
}

function run(cmd: string, args: string[]): void {
  const res = spawnSync(cmd, args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} failed (exit ${res.status}): ${res.stderr || res.error?.message}`);
}

export async function backup(target: BackupTarget, file: string): Promise<{ kind: 'postgres' | 'pglite'; bytes: number }> {
  if (target.databaseUrl) {
    run('pg_dump', ['--no-owner', '--no-privileges', '--quote-all-identifiers', '--file', file, target.databaseUrl]);
    return { kind: 'postgres', bytes: readFileSync(file).length };
  }
  if (!target.pgliteDir || !existsSync(target.pgliteDir)) throw new Error(`no PGlite database at ${target.pgliteDir}`);
  const pg = await PGlite.create({ dataDir: target.pgliteDir });
  try {
    const dump = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeFileSync(file, bytes);
    return { kind: 'pglite', bytes: bytes.length };
  } finally {
    await pg.close();
  }
}

export async function restore(target: BackupTarget, file: string): Promise<void> {
  if (target.databaseUrl) {
    const check = spawnSync('psql', ['-tAc', "select count(*) from information_schema.tables where table_schema = 'public'", target.databaseUrl], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`psql failed: ${check.stderr}`);
    if (Number(check.stdout.trim()) > 0) throw new Error('restore needs an empty database (the target already has tables)');
    run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', file, target.databaseUrl]);
    return;
  }
  if (!target.pgliteDir) throw new Error('no PGLITE_DIR to restore into');
  if (existsSync(target.pgliteDir) && readdirSync(target.pgliteDir).length > 0) throw new Error(`restore needs an empty directory (${target.pgliteDir} is not)`);
  const pg = await PGlite.create({ dataDir: target.pgliteDir, loadDataDir: new Blob([readFileSync(file)]) });
  await pg.close();
}
