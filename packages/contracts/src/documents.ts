export const ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/dicom', 'text/plain'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];
/** Default per-file upload limit (bytes). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface AttachmentDto {
  id: string;
  sha256: string;
  fileName: string;
  mime: AttachmentMime;
  size: number;
  uploadedBy: string;
  institutionId: string;
  patientId: string | null;
  ownerType: string | null;
  ownerId: string | null;
  createdAt: string;
}
