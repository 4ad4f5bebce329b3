/** Expectations for the foundation routes: health, auth, institutions directory, users, audit. */
import { TEST_PASSWORD, unique } from '../../../harness.js';
import { adminOverSubtree, type Expectations } from '../expectations.js';

const institutionBody = (parentId: string | undefined) => ({
  code: unique('MX'),
  nameZh: '矩阵测试医院',
  nameEn: 'Matrix test hospital',
  tier: 'township',
  type: 'general',
  divisionCode: '110101',
  regionZh: '测试区',
  regionEn: 'Test region',
  ...(parentId ? { parentId } : {}),
});

export const foundationExpectations: Expectations = {
  'GET /api/health': { allow: 'public', plan: async () => ({}) },
  'POST /api/auth/login': {
    allow: 'public',
    async plan(w) {
      const u = await w.user(w.inst.own, ['clinician']);
      return { body: { username: u.username, password: TEST_PASSWORD } };
    },
  },
  'GET /api/auth/me': { allow: 'signed-in', plan: async () => ({}) },
  'POST /api/auth/switch': {
    name: 'institution id in the body',
    // Personas hold roles only at the own institution, so they may switch only there.
    allow: { roles: 'any', scopes: ['own'] },
    plan: async (w, scope) => ({ body: { institutionId: w.inst[scope] } }),
  },
  'POST /api/auth/logout': {
    allow: 'signed-in',
    plan: async (w, _scope, persona) => ({ actor: await w.freshActor(persona) }),
  },
  'POST /api/auth/logout-all': {
    allow: 'signed-in',
    plan: async (w, _scope, persona) => ({ actor: await w.freshActor(persona) }),
  },

  // The directory is readable by every signed-in user (no patient data; routing needs it).
  'GET /api/institutions': { allow: 'signed-in', plan: async () => ({ query: { tier: 'county', page: '1' } }) },
  'GET /api/institutions/tree': { allow: 'signed-in', plan: async () => ({}) },
  'GET /api/institutions/:id': {
    allow: { roles: 'any', scopes: 'any' },
    plan: async (w, scope) => ({ params: { id: w.inst[scope] } }),
  },
  'POST /api/institutions': [
    { name: 'parent id in the body', allow: adminOverSubtree, plan: async (w, scope) => ({ body: institutionBody(w.inst[scope]) }) },
    // A new network root needs an admin of a root; the own institution has a parent.
    { name: 'new root', allow: { roles: [], scopes: [] }, scopes: ['own'], plan: async () => ({ body: institutionBody(undefined) }) },
  ],
  'PATCH /api/institutions/:id': [
    {
      name: 'institution in the path',
      allow: adminOverSubtree,
      plan: async (w, scope) => ({ params: { id: w.inst[scope] }, body: { version: await w.versionOf('institutions', w.inst[scope]), address: unique('addr') } }),
    },
    {
      name: 'new parent id in the body',
      allow: adminOverSubtree,
      async plan(w, scope) {
        const leaf = await w.t.factory.institution({ tier: 'village', parentId: w.inst.child });
        return { params: { id: leaf.id }, body: { version: 1, parentId: w.inst[scope] } };
      },
    },
  ],
  'POST /api/institutions/:id/departments': {
    allow: adminOverSubtree,
    plan: async (w, scope) => ({ params: { id: w.inst[scope] }, body: { code: unique('DX'), nameZh: '矩阵科', nameEn: 'Matrix dept', specialty: 'cardiology' } }),
  },
  'PATCH /api/departments/:id': {
    allow: adminOverSubtree,
    async plan(w, scope) {
      const d = await w.department(scope);
      return { params: { id: d.id }, body: { version: 1, nameEn: 'Renamed' } };
    },
  },
  'POST /api/institutions/:id/wards': [
    {
      name: 'institution in the path',
      allow: adminOverSubtree,
      async plan(w, scope) {
        const d = await w.department(scope);
        return { params: { id: w.inst[scope] }, body: { departmentId: d.id, code: unique('WX'), nameZh: '矩阵病区', nameEn: 'Matrix ward', bedCount: 1 } };
      },
    },
    {
      name: 'department of another institution in the body',
      allow: { roles: ['admin'], scopes: ['own'] },
      async plan(w, scope) {
        const d = await w.department(scope);
        return { params: { id: w.inst.own }, body: { departmentId: d.id, code: unique('WX'), nameZh: '矩阵病区', nameEn: 'Matrix ward' } };
      },
    },
  ],
  'POST /api/wards/:id/beds': {
    allow: adminOverSubtree,
    plan: async (w, scope) => ({ params: { id: (await w.ward(scope)).id }, body: { count: 1 } }),
  },
  'POST /api/institutions/:id/practitioners': {
    allow: adminOverSubtree,
    plan: async (w, scope) => ({ params: { id: w.inst[scope] }, body: { nameZh: '矩阵医师', nameEn: 'Matrix doctor', title: 'resident' } }),
  },
  'PATCH /api/practitioners/:id': {
    allow: adminOverSubtree,
    async plan(w, scope) {
      const p = await w.practitioner(scope);
      return { params: { id: p.id }, body: { version: p.version, nameEn: 'Renamed doctor' } };
    },
  },

  'GET /api/users': [
    { name: 'no filter', allow: { roles: ['admin'], scopes: 'any' }, scopes: ['own'], plan: async () => ({}), mustNotContain: (w) => [w.inst.unrelated, w.inst.partner, w.inst.parent] },
    { name: 'institution id in the query', allow: adminOverSubtree, plan: async (w, scope) => ({ query: { institutionId: w.inst[scope] } }) },
  ],
  'GET /api/users/:id': {
    allow: adminOverSubtree,
    plan: async (w, scope) => ({ params: { id: (await w.user(w.inst[scope], ['clinician'])).id } }),
  },
  'POST /api/users': {
    name: 'institution id in the roles of the body',
    allow: adminOverSubtree,
    plan: async (w, scope) => ({
      body: { username: unique('nu'), displayName: '新用户', password: 'Matrix-pass-2026', roles: [{ institutionId: w.inst[scope], role: 'clinician' }] },
    }),
  },
  'PATCH /api/users/:id': {
    allow: adminOverSubtree,
    plan: async (w, scope) => ({ params: { id: (await w.user(w.inst[scope], ['clinician'])).id }, body: { version: 1, displayName: '改名' } }),
  },
  'POST /api/users/:id/roles': [
    {
      name: 'user of the scope, role at own',
      allow: adminOverSubtree,
      plan: async (w, scope) => ({ params: { id: (await w.user(w.inst[scope], ['clinician'])).id }, body: { institutionId: w.inst.own, role: 'expert' } }),
    },
    {
      name: 'user of own, role at the scope (id in the body)',
      allow: adminOverSubtree,
      plan: async (w, scope) => ({ params: { id: (await w.user(w.inst.own, ['clinician'])).id }, body: { institutionId: w.inst[scope], role: 'expert' } }),
    },
  ],
  'POST /api/users/:id/roles/revoke': {
    allow: adminOverSubtree,
    plan: async (w, scope) => ({ params: { id: (await w.user(w.inst[scope], ['clinician', 'expert'])).id }, body: { institutionId: w.inst[scope], role: 'expert' } }),
  },

  'GET /api/audit-events': [
    { name: 'whole log', allow: { roles: ['auditor'], scopes: 'any' }, scopes: ['own'], plan: async () => ({}), mustNotContain: (w) => [w.inst.unrelated, w.inst.partner, w.inst.parent] },
    {
      name: 'entity id of the scope in the query',
      allow: { roles: ['auditor'], scopes: 'any' },
      plan: async (w, scope) => ({ query: { entityId: w.inst[scope] } }),
      mustNotContain: (w) => [w.inst.unrelated, w.inst.partner, w.inst.parent],
    },
  ],
  'GET /api/audit-events/export.csv': {
    allow: { roles: ['auditor'], scopes: 'any' },
    scopes: ['own'],
    plan: async () => ({ query: { action: 'institution' } }),
    mustNotContain: (w) => [w.inst.unrelated, w.inst.partner, w.inst.parent],
  },
  'POST /api/audit-events/verify': { allow: { roles: ['auditor', 'admin'], scopes: 'any' }, scopes: ['own'], plan: async () => ({}) },
};
