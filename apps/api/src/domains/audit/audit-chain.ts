import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's key reordering does not change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedContent {
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorInstitutionId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The hashed text of a row after its predecessor's hash and '|' (the database function audit_append hashes the same bytes). */
export function chainedText(content: ChainedContent): string {
  return canonicalJson({ ...content, at: content.at.toISOString() });
}

export function chainHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('|').update(chainedText(content)).digest('hex');
}
