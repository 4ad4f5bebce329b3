/** Where fresh start-up time goes on PGlite: import, open+migrate, each seeder. `tsx bench/experiments/startup-phases.ts` */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const t0 = performance.now();
const lap = (label: string) => console.log(`${label.padEnd(28)} ${Math.round(performance.now() - t0)} ms`);
const { openPglite } = await import('../../apps/api/src/db/pglite.js');
const { migrate } = await import('../../apps/api/src/db/migrate.js');
const seed = await import('../../apps/api/src/seed/seed.js');
lap('imports (db, seed)');
await import('../../apps/api/src/app.js');
lap('import app.ts (all domains)');
const dir = mkdtempSync(join(tmpdir(), 'yl-phases-'));
try {
  const db = await openPglite(join(dir, 'db'));
  lap('pglite open');
  await migrate(db);
  lap('migrations');
  await seed.seedDemo(db);
  lap('demo seed');
  await db.close();
  lap('close');
  const again = await openPglite(join(dir, 'db'));
  lap('reopen');
  await seed.seedDemo(again);
  lap('demo seed again (idempotent)');
  await again.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
