export {
  attachmentNotFound,
  attachmentsOf,
  createDocumentService,
  type DocumentService,
  linkAttachmentIfAllowed,
  linkAttachments,
  type OwnerOptions,
  type OwnerVisibility,
  UPLOAD_ROLES,
} from './documents.service.js';
export { registerDocumentRoutes } from './documents.routes.js';
export { sniffMime } from './documents.store.js';
