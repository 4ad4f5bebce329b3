import { IdParams, PatientQuery, RecordConsentInput, RegisterPatientInput } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { PatientService } from './patients.service.js';

export function registerPatientRoutes(r: Router, s: PatientService): void {
  const tags = ['patients'];
  r.route({ method: 'POST', url: '/api/patients', summary: 'Register a patient, or match the one with the same resident ID', tags, status: 201, body: RegisterPatientInput, handler: ({ actor, body }) => s.register(actor, body) });
  r.route({ method: 'GET', url: '/api/patients', summary: 'Patients this institution may see (audited)', tags, query: PatientQuery, handler: ({ actor, query }) => s.search(actor, query) });
  r.route({ method: 'GET', url: '/api/patients/:id', summary: 'A patient with consents (audited)', tags, params: IdParams, handler: ({ actor, params }) => s.get(actor, params.id) });
  r.route({ method: 'POST', url: '/api/patients/:id/consents', summary: 'Record a consent (signed form or verbal with witness)', tags, status: 201, params: IdParams, body: RecordConsentInput, handler: ({ actor, params, body }) => s.addConsent(actor, params.id, body) });
}
