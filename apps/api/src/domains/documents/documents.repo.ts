import type { AttachmentDto, AttachmentMime } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface AttachmentRow {
  id: string;
  sha256: string;
  file_name: string;
  mime: AttachmentMime;
  size: number;
  uploaded_by: string;
  institution_id: string;
  patient_id: string | null;
  owner_type: string | null;
  owner_id: string | null;
  created_at: Date;
}

export const toAttachmentDto = (r: AttachmentRow): AttachmentDto => ({
  id: r.id,
  sha256: r.sha256,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  uploadedBy: r.uploaded_by,
  institutionId: r.institution_id,
  patientId: r.patient_id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  createdAt: r.created_at.toISOString(),
});

export async function insertAttachment(
  q: Queryable,
  a: { sha256: string; fileName: string; mime: AttachmentMime; size: number; userId: string; institutionId: string; now: Date },
): Promise<AttachmentRow> {
  const rows = await q.query<AttachmentRow>(
    `insert into attachments (sha256, file_name, mime, size, uploaded_by, institution_id, created_at)
     values ($1,$2,$3,$4,$5,$6,$7) returning *`,
    [a.sha256, a.fileName, a.mime, a.size, a.userId, a.institutionId, a.now],
  );
  return rows[0] as AttachmentRow;
}

export async function findAttachment(q: Queryable, id: string): Promise<AttachmentRow | undefined> {
  return (await q.query<AttachmentRow>('select * from attachments where id = $1', [id]))[0];
}

export async function attachmentsOf(q: Queryable, ownerType: string, ownerIds: readonly string[]): Promise<AttachmentRow[]> {
  if (ownerIds.length === 0) return [];
  return q.query<AttachmentRow>('select * from attachments where owner_type = $1 and owner_id = any($2::uuid[]) order by created_at, id', [ownerType, ownerIds]);
}

/**
 * Links unlinked attachments uploaded at `institutionId` (or already linked to this owner), of one of `mimes` when
 * given; returns the rows it linked.
 */
export async function linkToOwner(
  q: Queryable,
  ids: readonly string[],
  institutionId: string,
  ownerType: string,
  ownerId: string,
  patientId: string | null,
  mimes: readonly AttachmentMime[] | null = null,
): Promise<AttachmentRow[]> {
  return q.query<AttachmentRow>(
    `update attachments set owner_type = $3, owner_id = $4, patient_id = coalesce($5, patient_id)
      where id = any($1::uuid[]) and institution_id = $2
        and (owner_id is null or (owner_type = $3 and owner_id = $4))
        and ($6::text[] is null or mime = any($6::text[]))
      returning *`,
    [ids, institutionId, ownerType, ownerId, patientId, mimes],
  );
}
