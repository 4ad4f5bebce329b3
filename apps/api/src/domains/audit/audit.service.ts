import type { AuditEventDto, AuditQuery, AuditVerifyDto, Page } from '@yilian/contracts';
import type { Db, Queryable, Tx } from '../../db/db.js';
import { type Actor, type AuditActor, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { type ChainedContent, chainedText, chainHash, GENESIS_HASH } from './audit-chain.js';
import { type AuditRow, allEventsInOrder, appendEvent, findEvents } from './audit.repo.js';

export interface AuditEntry {
  /** `domain.verb`, e.g. `consult.read`, `patient.create`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends one chained row inside the caller's transaction. Call it last, just before commit. */
  record(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<number>;
}

export interface AuditService extends AuditLog {
  list(actor: Actor, query: AuditQuery): Promise<Page<AuditEventDto>>;
  exportCsv(actor: Actor, query: AuditQuery): Promise<string>;
  verify(db?: Queryable): Promise<AuditVerifyDto>;
}

/** The chained fields of a stored row, as the hash covers them. */
function rowContent(row: AuditRow): ChainedContent {
  return {
    at: row.at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorInstitutionId: row.actor_institution_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    patientId: row.patient_id,
    ip: row.ip,
    details: row.details,
  };
}

export function toAuditDto(row: AuditRow): AuditEventDto {
  return { id: row.id, ...rowContent(row), at: row.at.toISOString() };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Neutralise spreadsheet formulas and quote everything.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function createAuditService(deps: {
  db: Db;
  clock: Clock;
  /** The institutions whose events an auditor at `institutionId` may see (itself and those below it). */
  scopeOf: (db: Queryable, institutionId: string) => Promise<string[]>;
}): AuditService {
  const { db, clock } = deps;

  async function record(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<number> {
    const content: ChainedContent = {
      at: clock.now(),
      actorUserId: actor.userId,
      actorUsername: actor.username,
      actorInstitutionId: actor.institutionId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      patientId: entry.patientId ?? null,
      ip: actor.ip,
      details: entry.details ?? {},
    };
    // Lock, head and insert in one statement: the chain lock is held from here to commit only.
    return appendEvent(tx, content, chainedText(content));
  }

  async function query(actor: Actor, q: AuditQuery, limit: number, offset: number) {
    requireRole(actor, 'auditor');
    const scope = await deps.scopeOf(db, actor.institutionId);
    return findEvents(db, q, scope, limit, offset);
  }

  return {
    record,
    async list(actor, q) {
      const { rows, total } = await query(actor, q, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: rows.map(toAuditDto), total, page: q.page, pageSize: q.pageSize };
    },
    async exportCsv(actor, q) {
      const { rows } = await query(actor, q, 50_000, 0);
      const header = ['id', 'at', 'actor', 'actor_institution_id', 'action', 'entity_type', 'entity_id', 'patient_id', 'ip', 'details'];
      const lines = rows.map((r) =>
        [r.id, r.at.toISOString(), r.actor_username, r.actor_institution_id, r.action, r.entity_type, r.entity_id, r.patient_id, r.ip, r.details]
          .map(csvCell)
          .join(','),
      );
      await db.transaction((tx) =>
        record(tx, actor, { action: 'audit.export', entityType: 'audit_log', details: { rows: rows.length, filter: q } }),
      );
      return `\uFEFF${header.join(',')}\n${lines.join('\n')}\n`;
    },
    async verify(target = db) {
      let prev = GENESIS_HASH;
      let checked = 0;
      for await (const row of allEventsInOrder(target)) {
        checked += 1;
        if (row.prev_hash !== prev) {
          return { ok: false, checked, firstBrokenId: row.id, reason: 'previous hash does not match (a row was removed or reordered)' };
        }
        const expected = chainHash(prev, rowContent(row));
        if (expected !== row.hash) {
          return { ok: false, checked, firstBrokenId: row.id, reason: 'content does not match its hash (the row was edited)' };
        }
        prev = row.hash;
      }
      return { ok: true, checked, firstBrokenId: null, reason: null };
    },
  };
}
