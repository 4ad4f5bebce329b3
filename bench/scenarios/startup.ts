/**
 * Scenario 6: start-up. (a) A fresh PGlite data directory to ready with demo data (migrations + seed;
 * `npm install` excluded), (b) the same directory reopened, (c) a PGlite database holding 100,000
 * consults (and their workflow events) reopened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../apps/api/src/db/pglite.js';
import { generateConsults, generateInstitutions } from '../lib/consult-data.js';
import { pinned, startProcess } from '../lib/proc.js';

export interface StartupResult {
  freshToReadyMs: number;
  reopenMs: number;
  bigRows: number;
  bigTable: string;
  bigReopenMs: number;
}

async function readyMs(dir: string): Promise<number> {
  const [cmd, args] = pinned('0', process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts']);
  const p = await startProcess(cmd, args, { PGLITE_DIR: dir, PORT: '3993', SEED_DEMO: 'true', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', FILES_DIR: join(dir, '..', 'files') }, 'is ready on');
  await p.stop();
  return Math.round(p.readyMs);
}

export async function startup(opts: { rows: number; events?: boolean }): Promise<StartupResult> {
  const root = mkdtempSync(join(tmpdir(), 'yl-bench-startup-'));
  try {
    const dir = join(root, 'db');
    const freshToReadyMs = await readyMs(dir);
    const reopenMs = await readyMs(dir);
    // 100,000 consults (with 10,000 bench institutions and 100,000 patients) added by the deterministic
    // generator of scenarios 3/5/7, through the app's own PGlite adapter.
    const db = await openPglite(dir);
    const bigTable = 'consults';
    await generateInstitutions(db);
    await generateConsults(db, 0, opts.rows, { events: opts.events ?? true });
    const bigRows = (await db.query<{ n: number }>('select count(*)::int as n from consults'))[0]?.n ?? 0;
    await db.close();
    const bigReopenMs = await readyMs(dir);
    return { freshToReadyMs, reopenMs, bigRows, bigTable, bigReopenMs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
