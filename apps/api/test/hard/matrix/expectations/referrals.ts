/**
 * Referrals (referrals.policy.ts sideOf/mustSee + referrals.workflow.ts RULES): only the sending and
 * the receiving institution see a referral (a draft only its sender; others 404). Any role there may
 * read it; acting needs a clinical or coordinating role (else 403) and the right side (else 403
 * referral.wrong_side). Settings and the ward board are the actor's own institution's.
 */
import type { Role } from '@yilian/contracts';
import { departmentAt, patientAt, referral } from '../clinical.js';
import type { Allow, Expectations, MatrixCase } from '../expectations.js';
import type { Scope, World } from '../world.js';

const ACTING: Role[] = ['clinician', 'expert', 'coordinator'];
const acting: Allow = { roles: ACTING, scopes: ['own'] };
const anyRoleOwn: Allow = { roles: 'any', scopes: ['own'] };

/** A transition case: a referral of the scope on `side` in `status`, and the body. */
const step = (side: 'sent-by' | 'sent-to', status: string, body: (w: World, scope: Scope) => Promise<Record<string, unknown>> | Record<string, unknown>, name?: string): MatrixCase => ({
  ...(name ? { name } : {}),
  allow: acting,
  async plan(w, scope) {
    const r = await referral(w, scope, side, { status });
    return { params: { id: r.id }, body: { version: r.version, ...(await body(w, scope)) } };
  },
});

export const referralExpectations: Expectations = {
  'GET /api/referrals/green-categories': { allow: 'signed-in', plan: async () => ({}) },
  // Network admins only (an admin of a root institution); the own institution has a parent.
  'PATCH /api/referrals/green-categories/:code': { allow: { roles: [], scopes: [] }, scopes: ['own'], plan: async () => ({ params: { code: 'stroke' }, body: { responseMinutes: 30 } }) },
  'GET /api/referrals/settings': { allow: 'signed-in', plan: async () => ({}) },
  'PUT /api/referrals/settings': { allow: { roles: ['admin'], scopes: 'any' }, scopes: ['own'], plan: async () => ({ body: { bedHoldMinutes: 120 } }) },
  'GET /api/referrals/wards': { allow: 'signed-in', plan: async () => ({}) },
  'GET /api/wards/:id/occupancy': { name: 'ward of the scope', allow: anyRoleOwn, plan: async (w, scope) => ({ params: { id: (await w.ward(scope)).id } }) },
  'POST /api/referrals': {
    name: 'patient id of the scope in the body',
    allow: acting,
    async plan(w, scope) {
      const p = await patientAt(w, w.inst[scope]);
      return {
        body: {
          patientId: p.id,
          toInstitutionId: w.inst.partner,
          toDepartmentId: await departmentAt(w, w.inst.partner),
          reason: '急性卒中，需血管内治疗评估',
          diagnoses: [{ code: 'I63.9', display: '脑梗死' }],
          summary: '突发右侧肢体无力 3 小时',
          consent: { method: 'verbal_witnessed', witnessName: '家属' },
        },
      };
    },
  },
  'GET /api/referrals': [
    { allow: anyRoleOwn, scopes: ['own'], plan: async () => ({ query: { box: 'all' } }) },
    { name: 'inbox', allow: anyRoleOwn, scopes: ['own'], plan: async () => ({ query: { box: 'inbox', open: 'true' } }) },
  ],
  'GET /api/referrals/:id': [
    { name: 'sent by the scope', allow: anyRoleOwn, plan: async (w, scope) => ({ params: { id: (await referral(w, scope, 'sent-by')).id } }) },
    { name: 'sent to the scope', allow: anyRoleOwn, plan: async (w, scope) => ({ params: { id: (await referral(w, scope, 'sent-to')).id } }) },
    {
      name: 'a draft addressed to own stays with its sender',
      allow: { roles: [], scopes: [] },
      scopes: ['own'],
      plan: async (w, scope) => ({ params: { id: (await referral(w, scope, 'sent-to', { status: 'draft' })).id } }),
    },
  ],
  'POST /api/referrals/:id/submit': step('sent-by', 'draft', () => ({})),
  'POST /api/referrals/:id/cancel': [
    step('sent-by', 'submitted', () => ({ reason: '家属要求' }), 'sender'),
    step('sent-to', 'accepted', () => ({ reason: '无法接收' }), 'receiver'),
  ],
  'POST /api/referrals/:id/accept': step('sent-to', 'submitted', () => ({ plan: 'admission' })),
  'POST /api/referrals/:id/decline': step('sent-to', 'submitted', () => ({ reason: '床位已满', alternative: '建议转省医院' })),
  'POST /api/referrals/:id/reserve-bed': [
    step('sent-to', 'accepted', async (w, scope) => ({ bedId: (await w.ward(scope)).bedIds[0] }), 'bed of the scope'),
    {
      name: 'bed of the scope in the body, referral of own',
      allow: acting,
      deniedWith: [400, 409],
      async plan(w, scope) {
        const r = await referral(w, 'own', 'sent-to', { status: 'accepted' });
        return { params: { id: r.id }, body: { version: r.version, bedId: (await w.ward(scope)).bedIds[0] } };
      },
    },
  ],
  'POST /api/referrals/:id/release-bed': {
    allow: acting,
    async plan(w, scope) {
      const r = await referral(w, scope, 'sent-to', { status: 'bed_reserved' });
      const ward = await w.ward(scope);
      await w.t.db.query(`insert into bed_reservations (referral_id, bed_id, ward_id, status, held_at, expires_at) values ($1, $2, $3, 'held', now(), now() + interval '1 day')`, [r.id, ward.bedIds[0], ward.id]);
      return { params: { id: r.id }, body: { version: r.version } };
    },
  },
  'POST /api/referrals/:id/follow-ups/:visitId': {
    allow: acting,
    async plan(w, scope) {
      const r = await referral(w, scope, 'sent-to', { status: 'discharged' });
      const rows = await w.t.db.query<{ id: string }>(`insert into referral_follow_up_visits (referral_id, seq, due_on, purpose) values ($1, 1, current_date + 7, '复查血压') returning id`, [r.id]);
      return { params: { id: r.id, visitId: rows[0]?.id ?? '' }, body: { notes: '血压平稳' } };
    },
  },
  'POST /api/referrals/:id/depart': [
    step('sent-by', 'accepted', (w) => ({ transport: 'ambulance', departureAt: w.t.clock.now().toISOString() }), 'sender'),
    step('sent-to', 'accepted', (w) => ({ transport: 'self', departureAt: w.t.clock.now().toISOString() }), 'receiver'),
  ],
  'POST /api/referrals/:id/arrive': step('sent-to', 'in_transit', () => ({})),
  'POST /api/referrals/:id/admit': step('sent-to', 'arrived', () => ({})),
  'POST /api/referrals/:id/discharge': step('sent-to', 'admitted', () => ({ diagnoses: [{ code: 'I63.9', display: '脑梗死' }], course: '溶栓后好转', recommendations: '社区随访' })),
  'POST /api/referrals/:id/acknowledge': step('sent-by', 'discharged', () => ({})),
};
