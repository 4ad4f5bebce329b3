export { createConsultService, type ConsultService } from './consults.module.js';
export { registerConsultRoutes } from './consults.routes.js';
export { CHECK_DUE_JOB } from './consults.sla.js';
/** Whether a consult is visible to an institution (referrals link the consult that advised them). */
export { isVisible as consultVisibleTo } from './consults.repo.js';
