/**
 * The signed text of an agreement: an attachment of the documents domain owned by the agreement (owner type
 * 'agreement', no patient). Whoever sees the agreement may open it, whatever their role — it is no patient record.
 * Replacing or detaching it only changes `agreements.document_attachment_id`: earlier texts stay owned by the
 * agreement (its version snapshots name them), so they remain readable and can never be reused by another record.
 */
import { AGREEMENT_DOCUMENT_MIMES, type AttachmentDto, ROLES } from '@yilian/contracts';
import type { Queryable, Tx } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { attachmentsOf, type DocumentService, linkAttachmentIfAllowed } from '../documents/index.js';
import { accessTo } from './agreements.policy.js';

export const AGREEMENT_OWNER = 'agreement';

export const documentInvalid = (attachmentId: string) =>
  new AppError(
    400,
    'agreement.document_invalid',
    {
      zh: '协议文本须为本机构上传的 PDF 或图片（PNG、JPEG），且未用于其他记录',
      en: 'The signed text must be a PDF or an image (PNG, JPEG) uploaded at your institution and not used by another record',
    },
    { attachmentId },
  );

/** Registers the owner type so the attachment content route lets everyone who sees the agreement read its texts. */
export function registerAgreementDocuments(documents: Pick<DocumentService, 'registerOwner'>): void {
  documents.registerOwner(AGREEMENT_OWNER, async (q, actor, agreementId) => (await accessTo(q, actor, agreementId)).see, { readers: ROLES });
}

/**
 * Links `attachmentId` to the agreement as its signed text, or throws 400 `agreement.document_invalid` (unknown,
 * uploaded at another institution, used by another record, not a PDF or image). A text the agreement already owns
 * (an earlier one, brought back) is accepted whoever uploaded it. Call inside the writing transaction.
 */
export async function linkDocument(tx: Tx, actor: Actor, agreementId: string, attachmentId: string): Promise<AttachmentDto> {
  const owned = (await attachmentsOf(tx, AGREEMENT_OWNER, [agreementId])).find((a) => a.id === attachmentId);
  if (owned) return owned;
  const linked = await linkAttachmentIfAllowed(tx, actor, attachmentId, AGREEMENT_OWNER, agreementId, { patientId: null, mimes: AGREEMENT_DOCUMENT_MIMES });
  if (!linked) throw documentInvalid(attachmentId);
  return linked;
}

/** The current signed text's metadata (null when none, or when the id predates linking and names no owned file). */
export async function documentOf(q: Queryable, agreementId: string, attachmentId: string | null): Promise<AttachmentDto | null> {
  if (!attachmentId) return null;
  return (await attachmentsOf(q, AGREEMENT_OWNER, [agreementId])).find((a) => a.id === attachmentId) ?? null;
}

/** How an audit row names a document: enough to tell later which file was the signed text. */
export const auditedDocument = (a: AttachmentDto | null) => (a ? { id: a.id, fileName: a.fileName, sha256: a.sha256, mime: a.mime } : null);
