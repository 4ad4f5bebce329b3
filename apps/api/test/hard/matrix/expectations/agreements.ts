/**
 * Agreements (agreements.policy.ts accessTo): an agreement is seen by every user of a party, and by
 * program managers (leaders) of a supervising party or an institution above one (their own and
 * every institution below it); others get 404. Amending and ending: leaders who see it. Recording
 * one: leaders who are a party or supervise a party named in it.
 */
import { unique } from '../../../harness.js';
import { agreementOf } from '../clinical.js';
import type { Expectations, MatrixCase } from '../expectations.js';
import type { Scope, World } from '../world.js';

/** An agreement between two other institutions, supervised by the scope's institution. */
export async function supervisedBy(w: World, scope: Scope): Promise<{ id: string; assisting: string }> {
  const a = await w.t.factory.institution({ tier: 'county' });
  const b = await w.t.factory.institution({ tier: 'township' });
  const agreement = await w.t.factory.agreement([
    { institutionId: a.id, role: 'assisting' },
    { institutionId: b.id, role: 'assisted' },
    { institutionId: w.inst[scope], role: 'supervising' },
  ]);
  return { id: agreement.id, assisting: a.id };
}
const supervisedId = async (w: World, scope: Scope) => (await supervisedBy(w, scope)).id;

const byId = (body?: (w: World) => Record<string, unknown>): MatrixCase[] => {
  const plan = (make: (w: World, scope: Scope) => Promise<string>) => async (w: World, scope: Scope) => ({ params: { id: await make(w, scope) }, ...(body ? { body: body(w) } : {}) });
  return [
    // Every user of a party sees it; amending and ending take a leader.
    { name: 'a party is the scope', allow: { roles: body ? ['leader'] : 'any', scopes: ['own'] }, plan: plan(agreementOf) },
    { name: 'own supervises it (a party)', allow: { roles: body ? ['leader'] : 'any', scopes: ['own'] }, scopes: ['own'], plan: plan(supervisedId) },
    // Leaders see what institutions below theirs supervise, never what those above or beside do.
    { name: 'supervised by the scope', allow: { roles: ['leader'], scopes: ['child'] }, scopes: ['child', 'parent', 'partner', 'unrelated'], plan: plan(supervisedId) },
  ];
};

const createBody = async (w: World, scope: Scope) => {
  const a = await w.t.factory.institution({ tier: 'county' });
  const b = await w.t.factory.institution({ tier: 'township' });
  return {
    code: unique('MXA'),
    titleZh: '矩阵协议',
    titleEn: 'Matrix agreement',
    kind: 'paired_assistance',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    parties: [
      { institutionId: a.id, role: 'assisting' },
      { institutionId: b.id, role: 'assisted' },
      { institutionId: w.inst[scope], role: 'supervising' },
    ],
  };
};

export const agreementExpectations: Expectations = {
  'GET /api/agreements': { allow: 'signed-in', plan: async () => ({ query: { page: '1' } }) },
  'GET /api/agreements/:id': byId(),
  'GET /api/agreements/:id/versions': byId(),
  'POST /api/agreements': {
    name: 'supervising party of the scope in the body',
    allow: { roles: ['leader'], scopes: ['own', 'child'] },
    plan: async (w, scope) => ({ body: await createBody(w, scope) }),
  },
  'POST /api/agreements/:id/amend': byId(() => ({ version: 1, reason: '矩阵修订', titleEn: `Amended ${unique('')}` })),
  'POST /api/agreements/:id/end': byId(() => ({ version: 1, endedOn: '2025-12-31', reason: '矩阵终止' })),
};
