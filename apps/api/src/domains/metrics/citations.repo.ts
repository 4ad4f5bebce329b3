import type { Queryable } from '../../db/db.js';

/** A case conference may cite a consult that is closed and was routed under the same agreement. */
export async function consultCitable(q: Queryable, consultId: string, agreementId: string): Promise<boolean> {
  const rows = await q.query<{ ok: boolean }>("select true as ok from consults where id = $1 and agreement_id = $2 and status = 'closed'", [consultId, agreementId]);
  return rows.length === 1;
}
