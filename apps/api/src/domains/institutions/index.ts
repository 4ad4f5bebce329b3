export { type InstitutionService, createInstitutionService, departmentNotFound, institutionNotFound } from './institutions.service.js';
export { registerInstitutionRoutes } from './institutions.routes.js';
export { adminScope, requireAdminOver } from './institutions.policy.js';
export { findDepartment, findInstitution, type InstitutionRow, practitionerInstitutions, scopeOf, toInstitutionDto, usersHoldRolesAt } from './institutions.repo.js';
