export { type AgreementService, agreementNotFound, createAgreementService } from './agreements.service.js';
export { registerAgreementRoutes } from './agreements.routes.js';
export { type AgreementAccess, accessTo, agreementContext, isOperatingParty, type RecordingContext, requireRecord, supervisedScope } from './agreements.policy.js';
export { type ActiveAgreement, activeAgreementBetween, type Partner, partnersOf } from './agreements.partners.js';
export { findAgreement } from './agreements.repo.js';
