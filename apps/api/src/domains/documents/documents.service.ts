import { type AttachmentDto, type AttachmentMime, CLINICAL_ROLES, MAX_ATTACHMENT_BYTES, type Role } from '@yilian/contracts';
import type { Db, Queryable, Tx } from '../../db/db.js';
import { type Actor, hasRole, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import type { AuditLog } from '../audit/index.js';
import * as repo from './documents.repo.js';
import { cleanFileName, createFileStore, sniffMime } from './documents.store.js';

export const attachmentNotFound = () => errors.notFound({ code: 'attachment.not_found', zh: '附件', en: 'Attachment' });
const emptyFile = () => new AppError(400, 'attachment.empty', { zh: '文件为空', en: 'The file is empty' });
const badName = () =>
  new AppError(400, 'attachment.bad_file_name', { zh: '请在 x-file-name 头中提供文件名（URL 编码）', en: 'Give the file name in the x-file-name header (URL-encoded)' });
const badType = () =>
  new AppError(415, 'attachment.type_not_allowed', {
    zh: '仅支持 PDF、PNG、JPEG、DICOM 和纯文本文件',
    en: 'Only PDF, PNG, JPEG, DICOM and plain-text files are accepted',
  });
export const tooLarge = (max: number) =>
  new AppError(413, 'attachment.too_large', { zh: `文件超过 ${Math.round(max / 1048576)} MB 上限`, en: `The file exceeds the ${Math.round(max / 1048576)} MB limit` }, { maxBytes: max });
const notLinkable = (ids: string[]) =>
  new AppError(400, 'attachment.not_linkable', { zh: '附件不存在、不属于本机构或已被其他记录使用', en: 'An attachment does not exist, belongs to another institution or is already used elsewhere' }, { ids });

/** Decides whether `actor` sees the record that owns an attachment (e.g. a consult it is attached to). */
export type OwnerVisibility = (q: Queryable, actor: Actor, ownerId: string) => Promise<boolean>;

export interface OwnerOptions {
  /**
   * Roles that may open this owner type's attachments when `canSee` admits them. Default: the clinical roles —
   * attachments are patient records. An owner whose files carry no patient (an agreement's signed text) widens it.
   */
  readers?: readonly Role[];
}

/**
 * Who may upload: the clinical roles (patient files) and program managers (`leader`: an agreement's signed text).
 * An upload belongs to no record until a domain links it; until then it is seen by the clinical roles of the
 * uploader's institution only.
 */
export const UPLOAD_ROLES = [...CLINICAL_ROLES, 'leader'] as const satisfies readonly Role[];

/**
 * Links uploaded attachments to the record that uses them. Only attachments uploaded at the actor's
 * institution and not yet used elsewhere can be linked; otherwise 400 `attachment.not_linkable`.
 */
export async function linkAttachments(
  tx: Tx,
  actor: Pick<Actor, 'institutionId'>,
  ids: readonly string[],
  ownerType: string,
  ownerId: string,
  patientId: string | null,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const linked = (await repo.linkToOwner(tx, unique, actor.institutionId, ownerType, ownerId, patientId)).map((r) => r.id);
  if (linked.length !== unique.length) throw notLinkable(unique.filter((id) => !linked.includes(id)));
}

/**
 * Links one attachment to a record when it may be: uploaded at the actor's institution, of one of `mimes`, and not
 * used by another record (already linked to this owner is fine). Returns the linked attachment, or undefined when it
 * may not be linked — the owner's domain refuses with its own error (e.g. `agreement.document_invalid`).
 */
export async function linkAttachmentIfAllowed(
  tx: Tx,
  actor: Pick<Actor, 'institutionId'>,
  id: string,
  ownerType: string,
  ownerId: string,
  opts: { patientId: string | null; mimes: readonly AttachmentMime[] },
): Promise<AttachmentDto | undefined> {
  const [row] = await repo.linkToOwner(tx, [id], actor.institutionId, ownerType, ownerId, opts.patientId, opts.mimes);
  return row ? repo.toAttachmentDto(row) : undefined;
}

/** Attachments of the given owners, as DTOs (no audit: the owner's read is audited by its domain). */
export async function attachmentsOf(q: Queryable, ownerType: string, ownerIds: readonly string[]): Promise<AttachmentDto[]> {
  return (await repo.attachmentsOf(q, ownerType, ownerIds)).map(repo.toAttachmentDto);
}

export function createDocumentService(deps: { db: Db; clock: Clock; audit: AuditLog; filesDir: string; maxBytes?: number }) {
  const { db, clock, audit } = deps;
  const store = createFileStore(deps.filesDir);
  const maxBytes = deps.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const owners = new Map<string, { canSee: OwnerVisibility; readers: readonly Role[] }>();

  /**
   * The clinical roles of the uploader's institution see its uploads; anyone else only through the record that owns
   * the file, when that owner type admits the actor's role (clinical roles by default: patient records).
   */
  async function visible(q: Queryable, actor: Actor, row: repo.AttachmentRow): Promise<boolean> {
    if (row.institution_id === actor.institutionId && hasRole(actor, ...CLINICAL_ROLES)) return true;
    if (!row.owner_type || !row.owner_id) return false;
    const owner = owners.get(row.owner_type);
    return !!owner && hasRole(actor, ...owner.readers) && owner.canSee(q, actor, row.owner_id);
  }

  async function mustSee(tx: Tx, actor: Actor, id: string): Promise<repo.AttachmentRow> {
    // Roles no owner type admits are refused outright (403); otherwise a file the actor may not open is "not found".
    const readers = new Set<Role>([...CLINICAL_ROLES, ...[...owners.values()].flatMap((o) => o.readers)]);
    requireRole(actor, ...readers);
    const row = await repo.findAttachment(tx, id);
    if (!row || !(await visible(tx, actor, row))) throw attachmentNotFound();
    return row;
  }

  return {
    maxBytes,
    /** Each domain that owns attachments registers how to decide who sees its records (and, optionally, which roles read them). */
    registerOwner(ownerType: string, canSee: OwnerVisibility, options: OwnerOptions = {}): void {
      owners.set(ownerType, { canSee, readers: options.readers ?? CLINICAL_ROLES });
    },

    async upload(actor: Actor, input: { data: Buffer | undefined; fileName: string | undefined }): Promise<AttachmentDto> {
      requireRole(actor, ...UPLOAD_ROLES);
      const fileName = input.fileName === undefined ? undefined : cleanFileName(input.fileName);
      if (!fileName) throw badName();
      const data = input.data;
      if (!data || data.length === 0) throw emptyFile();
      if (data.length > maxBytes) throw tooLarge(maxBytes);
      const mime = sniffMime(data);
      if (!mime) throw badType();
      const sha256 = await store.put(data);
      return db.transaction(async (tx) => {
        const row = await repo.insertAttachment(tx, { sha256, fileName, mime, size: data.length, userId: actor.userId, institutionId: actor.institutionId, now: clock.now() });
        await audit.record(tx, actor, { action: 'attachment.upload', entityType: 'attachment', entityId: row.id, details: { sha256, mime, size: data.length } });
        return repo.toAttachmentDto(row);
      });
    },

    async metadata(actor: Actor, id: string): Promise<AttachmentDto> {
      return db.transaction(async (tx) => {
        const row = await mustSee(tx, actor, id);
        await audit.record(tx, actor, { action: 'attachment.read', entityType: 'attachment', entityId: id, patientId: row.patient_id });
        return repo.toAttachmentDto(row);
      });
    },

    async content(actor: Actor, id: string): Promise<{ attachment: AttachmentDto; data: Buffer }> {
      const row = await db.transaction(async (tx) => {
        const found = await mustSee(tx, actor, id);
        await audit.record(tx, actor, { action: 'attachment.download', entityType: 'attachment', entityId: id, patientId: found.patient_id });
        return found;
      });
      return { attachment: repo.toAttachmentDto(row), data: await store.get(row.sha256) };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
