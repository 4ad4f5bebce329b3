/** Patients: an institution sees a patient only through a patient_access row (its registration here). */
import { unique } from '../../../harness.js';
import type { Expectations } from '../expectations.js';

const CARE = ['clinician', 'expert', 'coordinator'] as const;

export const patientExpectations: Expectations = {
  'POST /api/patients': {
    allow: { roles: CARE, scopes: 'any' },
    scopes: ['own'],
    plan: async () => ({ body: { name: `矩阵患者${unique('')}`, sex: 'male', birthDate: '1975-05-05' } }),
  },
  'GET /api/patients': {
    allow: { roles: CARE, scopes: 'any' },
    scopes: ['own'],
    plan: async () => ({ query: { q: '矩阵患者' } }),
    // Patients registered elsewhere carry the other institutions' ids in registeredByInstitutionId. The partner's
    // patients of consults and referrals sent to own are shared with own (patient_access), so only those may appear.
    mustNotContain: (w) => [w.inst.unrelated, w.inst.parent, w.inst.child],
  },
  'GET /api/patients/:id': {
    allow: { roles: CARE, scopes: ['own'] },
    plan: async (w, scope) => ({ params: { id: (await w.patient(scope)).id } }),
  },
  'POST /api/patients/:id/consents': {
    allow: { roles: ['clinician', 'coordinator'], scopes: ['own'] },
    plan: async (w, scope) => ({ params: { id: (await w.patient(scope)).id }, body: { scope: 'consultation', method: 'verbal_witnessed', witnessName: '见证人' } }),
  },
};
