export { type InstitutionService, createInstitutionService, departmentNotFound, institutionNotFound } from './institutions.service.js';
export { registerInstitutionRoutes } from './institutions.routes.js';
export { adminScope, requireAdminOver } from './institutions.policy.js';
export { findDepartment, findInstitution, type InstitutionRow, scopeOf, toInstitutionDto } from './institutions.repo.js';
