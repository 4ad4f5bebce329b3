export { type AuditEntry, type AuditLog, type AuditService, createAuditService } from './audit.service.js';
export { registerAuditRoutes } from './audit.routes.js';
export { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain.js';
