import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DbConfig {
  databaseUrl?: string | undefined;
  pgliteDir?: string | undefined;
  schema?: string | undefined;
  poolSize?: number | undefined;
}

/** PostgreSQL when a URL is given; otherwise PGlite in `pgliteDir` (or in memory). */
export function openDb(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) {
    return openPostgres({ connectionString: config.databaseUrl, schema: config.schema, max: config.poolSize });
  }
  return openPglite(config.pgliteDir);
}
