import type { AuditQuery } from '@yilian/contracts';
import type { Queryable, Tx } from '../../db/db.js';
import type { ChainedContent } from './audit-chain.js';

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_institution_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/**
 * Appends one chained row in one round trip (migration 0420): the function takes the chain's advisory
 * lock (held to the end of the transaction), reads the head and inserts the row hashed over
 * `prev_hash || '|' || canonical`.
 */
export async function appendEvent(tx: Tx, content: ChainedContent, canonical: string): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    'select audit_append($1::timestamptz, $2::uuid, $3::text, $4::uuid, $5::text, $6::text, $7::text, $8::uuid, $9::text, $10::jsonb, $11::text) as id',
    [
      content.at,
      content.actorUserId,
      content.actorUsername,
      content.actorInstitutionId,
      content.action,
      content.entityType,
      content.entityId,
      content.patientId,
      content.ip,
      JSON.stringify(content.details),
      canonical,
    ],
  );
  return rows[0]?.id ?? 0;
}

export async function findEvents(
  db: Queryable,
  query: AuditQuery,
  institutionIds: readonly string[],
  limit: number,
  offset: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where: string[] = ['actor_institution_id = any($1::uuid[])'];
  const params: unknown[] = [institutionIds];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (query.actor) add('actor_username ilike ?', `%${query.actor}%`);
  if (query.action) add('action like ?', `${query.action}%`);
  if (query.entityType) add('entity_type = ?', query.entityType);
  if (query.entityId) add('entity_id = ?', query.entityId);
  if (query.patientId) add('patient_id = ?', query.patientId);
  if (query.from) add('at >= ?', new Date(query.from));
  if (query.to) add('at < ?', new Date(query.to));
  const sqlWhere = where.join(' and ');
  const totalRows = await db.query<{ n: number }>(`select count(*) as n from audit_events where ${sqlWhere}`, params);
  const rows = await db.query<AuditRow>(
    `select * from audit_events where ${sqlWhere} order by id desc limit ${limit} offset ${offset}`,
    params,
  );
  return { rows, total: totalRows[0]?.n ?? 0 };
}

export async function* allEventsInOrder(db: Queryable, batch = 5000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('select * from audit_events where id > $1 order by id limit $2', [
      after,
      batch,
    ]);
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = last.id;
  }
}
