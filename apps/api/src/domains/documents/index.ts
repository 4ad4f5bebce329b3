export {
  attachmentNotFound,
  attachmentsOf,
  createDocumentService,
  type DocumentService,
  linkAttachments,
  type OwnerVisibility,
} from './documents.service.js';
export { registerDocumentRoutes } from './documents.routes.js';
export { sniffMime } from './documents.store.js';
