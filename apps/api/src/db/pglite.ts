import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Tx } from './db.js';
import { createTxGuard } from './tx-guard.js';

const parsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.NUMERIC]: (value: string) => Number(value),
  [types.DATE]: (value: string) => value,
};

/** Opens (creating if needed) a PGlite database. `dataDir` undefined means in memory. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir, parsers });
  const asQueryable = (target: { query: PGlite['query']; exec: PGlite['exec'] }): Tx => ({
    async exec(text: string): Promise<void> {
      await target.exec(text);
    },
    async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
      const result = await target.query<T>(text, params ? [...params] : undefined);
      return result.rows;
    },
  });
  const root = asQueryable(pg);
  const guard = createTxGuard();
  return {
    kind: 'pglite',
    query(text, params) {
      guard.assertOutside('db.query');
      return root.query(text, params);
    },
    exec(text) {
      guard.assertOutside('db.exec');
      return root.exec(text);
    },
    transaction(fn) {
      guard.assertOutside('db.transaction');
      return guard.inside(() => pg.transaction((tx) => fn(asQueryable(tx))));
    },
    close: () => pg.close(),
  };
}
