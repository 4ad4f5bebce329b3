/**
 * Consults (consults.policy.ts RULES + consults.core.ts loadVisible): only the requesting and the
 * target institution see a consult (a draft only its requester; others get 404); each action is
 * taken by one side's role (wrong side or role: 403), the expert steps by the assigned expert only.
 * A record of scope S is requested by S (sent to a third institution) or sent to S, so only own-scope
 * records are ever reachable from the own institution.
 */
import type { Role } from '@yilian/contracts';
import { agreementOf, consult, nextHalfHour, patientAt, slot } from '../clinical.js';
import type { Allow, Expectations } from '../expectations.js';

const CLINICAL: Role[] = ['clinician', 'expert', 'coordinator'];
const own = (...roles: Role[]): Allow => ({ roles, scopes: ['own'] });

export const consultExpectations: Expectations = {
  'GET /api/consults': [
    { allow: { roles: CLINICAL, scopes: 'any' }, scopes: ['own'], plan: async () => ({ query: { view: 'requested' } }) },
    { name: 'incoming queue', allow: { roles: CLINICAL, scopes: 'any' }, scopes: ['own'], plan: async () => ({ query: { view: 'incoming', status: 'submitted' } }) },
  ],
  'GET /api/consults/targets': { allow: { roles: CLINICAL, scopes: 'any' }, scopes: ['own'], plan: async () => ({}) },
  'POST /api/consults': {
    name: 'patient id of the scope in the body',
    allow: own('clinician'),
    async plan(w, scope) {
      const p = await patientAt(w, w.inst[scope]);
      return { body: { patientId: p.id, kind: 'general', mode: 'async', urgency: 'routine', summary: { chiefComplaint: '胸闷' } } };
    },
  },
  'GET /api/consults/:id': [
    { name: 'requested by the scope', allow: own(...CLINICAL), plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by')).id } }) },
    { name: 'sent to the scope', allow: own(...CLINICAL), plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to')).id } }) },
    {
      name: 'a draft addressed to own stays with its requester',
      allow: own(),
      scopes: ['own'],
      plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'draft' })).id } }),
    },
  ],
  'PATCH /api/consults/:id': {
    allow: own('clinician'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by', { status: 'draft' })).id }, body: { version: 1, urgency: 'urgent' } }),
  },
  'GET /api/consults/:id/expert-suggestions': {
    allow: own('coordinator', 'expert'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to')).id } }),
  },
  'POST /api/consults/:id/submit': {
    allow: own('clinician'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by', { status: 'draft' })).id }, body: { version: 1 } }),
  },
  'POST /api/consults/:id/cancel': {
    allow: own('clinician', 'coordinator'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by')).id }, body: { version: 1, reason: '患者已好转' } }),
  },
  'POST /api/consults/:id/decline': {
    allow: own('coordinator'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to')).id }, body: { version: 1, reason: '非本院专科' } }),
  },
  'POST /api/consults/:id/assign': [
    {
      name: 'consult of the scope',
      allow: own('coordinator'),
      plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to')).id }, body: { version: 1, expertUserId: w.personas.expert.id } }),
    },
    {
      name: 'expert of the scope in the body',
      allow: own('coordinator'),
      deniedWith: [400],
      async plan(w, scope) {
        const c = await consult(w, 'own', 'sent-to');
        const expert = scope === 'own' ? w.personas.expert : await w.user(w.inst[scope], ['expert']);
        return { params: { id: c.id }, body: { version: 1, expertUserId: expert.id } };
      },
    },
  ],
  'POST /api/consults/:id/claim': {
    allow: own('expert'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to')).id }, body: { version: 1 } }),
  },
  'POST /api/consults/:id/schedule': {
    allow: own('coordinator'),
    async plan(w, scope) {
      const c = await consult(w, scope, 'sent-to', { status: 'assigned', mode: 'live', expert: w.personas.expert.id });
      return { params: { id: c.id }, body: { version: 1, slotId: await slot(w, w.personas.expert.id, w.inst.own) } };
    },
  },
  'POST /api/consults/:id/confirm-appointment': [
    {
      name: 'requester side',
      allow: own('clinician'),
      plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by', { status: 'scheduled', mode: 'live' })).id }, body: { version: 1 } }),
    },
    {
      name: 'assigned expert side',
      allow: own('expert'),
      plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'scheduled', mode: 'live', expert: w.personas.expert.id })).id }, body: { version: 1 } }),
    },
  ],
  'POST /api/consults/:id/start': {
    allow: own('expert'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'assigned', expert: w.personas.expert.id })).id }, body: { version: 1 } }),
  },
  'POST /api/consults/:id/messages': [
    {
      name: 'requester side',
      allow: own('clinician', 'coordinator'),
      plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by')).id }, body: { body: '补充：血压 180/100' } }),
    },
    {
      name: 'target side',
      allow: own('coordinator', 'expert'),
      plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'assigned', expert: w.personas.expert.id })).id }, body: { body: '请上传 CT' } }),
    },
  ],
  'POST /api/consults/:id/request-info': {
    allow: own('expert'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'in_progress', expert: w.personas.expert.id })).id }, body: { version: 1, body: '请补充心电图' } }),
  },
  'PUT /api/consults/:id/report': {
    allow: own('expert'),
    plan: async (w, scope) => ({
      params: { id: (await consult(w, scope, 'sent-to', { status: 'in_progress', expert: w.personas.expert.id })).id },
      body: { version: 1, impression: '考虑急性脑梗死', recommendations: '建议溶栓评估', referralAdvised: false },
    }),
  },
  'POST /api/consults/:id/sign': {
    allow: own('expert'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'in_progress', expert: w.personas.expert.id, report: true })).id }, body: { version: 1 } }),
  },
  'POST /api/consults/:id/addenda': {
    allow: own('expert'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'sent-to', { status: 'answered', expert: w.personas.expert.id, report: true })).id }, body: { body: '补充说明' } }),
  },
  'POST /api/consults/:id/closeout': {
    allow: own('clinician'),
    plan: async (w, scope) => ({ params: { id: (await consult(w, scope, 'requested-by', { status: 'answered' })).id }, body: { version: 1, useful: true, referral: 'avoided' } }),
  },
  'POST /api/consults/:id/escalate': {
    // The own institution is a county hospital; its parent (provincial) is a higher tier.
    allow: own('coordinator', 'expert'),
    plan: async (w, scope) => ({
      params: { id: (await consult(w, scope, 'sent-to', { status: 'assigned', expert: w.personas.expert.id })).id },
      body: { version: 1, targetInstitutionId: w.inst.parent, reason: '需上级医院会诊' },
    }),
  },
  'GET /api/expert-slots': {
    name: 'expert of the scope in the query',
    // Offered times are a directory for booking: any clinical role may read any expert's.
    allow: { roles: CLINICAL, scopes: 'any' },
    plan: async (w, scope) => ({ query: { expertUserId: scope === 'own' ? w.personas.expert.id : (await w.user(w.inst[scope], ['expert'])).id } }),
  },
  'POST /api/expert-slots': [
    { name: 'an expert offers a time', allow: { roles: ['expert'], scopes: 'any' }, scopes: ['own'], plan: async (w) => ({ body: nextHalfHour(w) }) },
    {
      name: 'a coordinator adds a time for an expert of the scope',
      allow: own('coordinator'),
      deniedWith: [400],
      async plan(w, scope) {
        const expert = await w.user(w.inst[scope], ['expert']);
        return { body: { expertUserId: expert.id, ...nextHalfHour(w) } };
      },
    },
  ],
  'PUT /api/agreements/:id/consult-targets': {
    name: 'agreement of the scope',
    allow: own('coordinator', 'admin'),
    plan: async (w, scope) => ({ params: { id: await agreementOf(w, scope) }, body: { urgency: 'routine', measure: 'report', minutes: 60 * 24 * (2 + Math.floor(Math.random() * 5)) } }),
  },
};
