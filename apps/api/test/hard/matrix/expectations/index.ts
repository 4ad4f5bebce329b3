/** Every domain's expectations, merged. A domain adds its file here with one import and one spread. */
import type { Expectations } from '../expectations.js';
import { agreementExpectations } from './agreements.js';
import { consultExpectations } from './consults.js';
import { foundationExpectations } from './foundation.js';
import { metricsExpectations } from './metrics.js';
import { partnershipWorkExpectations } from './partnership-work.js';
import { patientExpectations } from './patients.js';
import { referralExpectations } from './referrals.js';
import { sharedExpectations } from './shared.js';

export const EXPECTATIONS: Expectations = {
  ...foundationExpectations,
  ...patientExpectations,
  ...consultExpectations,
  ...referralExpectations,
  ...sharedExpectations,
  ...agreementExpectations,
  ...partnershipWorkExpectations,
  ...metricsExpectations,
};
