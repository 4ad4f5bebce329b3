import { z } from 'zod';

export const AuditQuery = z.strictObject({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(80).optional(),
  patientId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditEventDto {
  id: number;
  at: string;
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

export interface AuditVerifyDto {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}
