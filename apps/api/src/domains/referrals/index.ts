import type { DocumentService } from '../documents/index.js';
import type { ReferralDeps } from './referrals.core.js';
import { registerReferralJobs } from './referrals.jobs.js';
import { canSeeReferral } from './referrals.policy.js';
import { createReferralService } from './referrals.service.js';
import { createReferralTransitions } from './referrals.transitions.js';

export { JOBS as REFERRAL_JOBS, type ConsultLookup, type ReferralDeps } from './referrals.core.js';
export { canSeeReferral } from './referrals.policy.js';
export { registerReferralRoutes } from './referrals.routes.js';
export { directionOf } from './referrals.workflow.js';

/** Builds the referral domain: services, timers (jobs) and the attachment owner type `referral`. */
export function createReferralDomain(deps: ReferralDeps & { documents: Pick<DocumentService, 'registerOwner'> }) {
  const { documents, ...rest } = deps;
  documents.registerOwner('referral', canSeeReferral);
  registerReferralJobs(rest.jobs, rest);
  return { service: createReferralService(rest), transitions: createReferralTransitions(rest) };
}
export type ReferralDomain = ReturnType<typeof createReferralDomain>;
