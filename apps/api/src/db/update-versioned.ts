import type { Queryable } from './db.js';

/**
 * `update <table> set …` for the fields present in `changes` (mapped to columns by `columns`; unknown and
 * undefined fields are skipped), bumping `version` and `updated_at`, only when the row still has the
 * version the caller read. Returns the updated row, or undefined when the version was stale (or the
 * row is gone): the caller answers 409.
 */
export async function updateVersioned<T>(
  db: Queryable,
  table: string,
  columns: Readonly<Record<string, string>>,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  now: Date,
): Promise<T | undefined> {
  const sets: string[] = [];
  const params: unknown[] = [id, version, now];
  for (const [key, value] of Object.entries(changes)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const rows = await db.query<T>(
    `update ${table} set ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where id = $1 and version = $2 returning *`,
    params,
  );
  return rows[0];
}
