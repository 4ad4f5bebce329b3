/**
 * Metrics and reports (metrics.service.ts, scope.service.ts, reports.service.ts; docs/agreements.md
 * "API" and "KPIs"):
 * - an agreement's dashboard, drill-down, adjustments and annual reports are read by whoever sees the
 *   agreement (agreementContext: any role of a party, leaders over a supervising party; others 404);
 *   adjusting takes a leader who sees it (403 otherwise);
 * - drill-down rows of consults and referrals only where the actor's institution may see the patient
 *   (patient_access), the rest counted as hidden;
 * - the overview: leaders, over the agreements supervised in their scope (own and below);
 * - an institution's figures: its own leaders and coordinators, and leaders whose scope holds it (child);
 * - a region (division code prefix): leaders, when institutions of it are in their scope (403 otherwise);
 * - a network (a supervising authority's tree): leaders at or above the authority (403), 404 for an id
 *   that is not an authority.
 * Answers carry aggregates only: no agreement of an institution outside the actor's view may appear.
 */
import { consult } from '../clinical.js';
import type { Expectations, MatrixCase } from '../expectations.js';
import { authorityBelow, divisionOf, partyAgreement, supervisedAgreement } from '../partnership.js';
import type { World } from '../world.js';
import { readCases } from './partnership-work.js';

/** Agreements own must never see in aggregates: parties and supervisors are parent, partner, unrelated (and others). */
const foreign = new Set<string>();
/** Consults counted under own's agreement whose patients own may not see (drill-down must hide them). */
const hiddenConsults = new Set<string>();

async function foreignAgreements(w: World): Promise<void> {
  for (const scope of ['parent', 'partner', 'unrelated'] as const) {
    foreign.add((await partyAgreement(w, scope)).id);
    foreign.add((await supervisedAgreement(w, scope)).id);
  }
  // The child is a party, but the parent supervises it: own's leaders, above the child only, must not see it.
  const other = await w.t.factory.institution({ tier: 'county' });
  const overChild = await w.t.factory.agreement([
    { institutionId: w.inst.child, role: 'assisted' },
    { institutionId: other.id, role: 'assisting' },
    { institutionId: w.inst.parent, role: 'supervising' },
  ]);
  foreign.add(overChild.id);
}
const notOwnView = (w: World) => [...foreign, ...hiddenConsults, w.inst.parent, w.inst.unrelated];

const year = { year: '2026' };
const report = readCases(async (_w, a) => ({ params: { id: a.id }, query: year }));

export const metricsExpectations: Expectations = {
  'GET /api/agreements/:id/dashboard': readCases(async (_w, a) => ({ params: { id: a.id }, query: { from: '2026-01-01', to: '2026-12-31' } })),
  'GET /api/agreements/:id/drilldown': [
    ...readCases(async (_w, a) => ({ params: { id: a.id }, query: { metric: 'dispatch.batches', from: '2026-01-01', to: '2026-12-31' } })),
    {
      name: 'consult rows of own’s agreement: only patients own may see',
      allow: { roles: 'any', scopes: ['own'] },
      scopes: ['own'],
      async plan(w) {
        const a = await partyAgreement(w, 'own');
        // Sent to own (own has access) and one between partner and unrelated counted under the same agreement.
        const seen = await consult(w, 'own', 'sent-to');
        const hidden = await consult(w, 'partner', 'requested-by');
        hiddenConsults.add(hidden.id);
        hiddenConsults.add(hidden.patientId);
        await w.t.db.query('update consults set agreement_id = $1 where id = any($2::uuid[])', [a.id, [seen.id, hidden.id]]);
        return { params: { id: a.id }, query: { metric: 'consult.total', from: '2020-01-01', to: '2099-12-31' } };
      },
      mustNotContain: (w) => notOwnView(w),
    },
  ],
  'GET /api/agreements/:id/adjustments': readCases(async (_w, a) => ({ params: { id: a.id } })),
  'POST /api/agreements/:id/adjustments': (() => {
    const plan = (place: typeof partyAgreement): MatrixCase['plan'] => async (w, scope) => ({
      params: { id: (await place(w, scope)).id },
      body: { metric: 'dispatch.person_times', onDate: '2026-02-01', delta: 2, reason: '补录纸质记录' },
    });
    return [
      { name: 'agreement of the scope (a party)', allow: { roles: ['leader'], scopes: ['own'] }, plan: plan(partyAgreement) },
      // Leaders who see it through supervision adjust too (like amending); coordinators record, they do not adjust.
      { name: 'agreement the scope supervises', allow: { roles: ['leader'], scopes: ['own', 'child'] }, plan: plan(supervisedAgreement) },
    ];
  })(),

  'GET /api/metrics/overview': {
    allow: { roles: ['leader'], scopes: 'any' },
    scopes: ['own'],
    async plan(w) {
      await supervisedAgreement(w, 'own');
      await supervisedAgreement(w, 'child');
      await foreignAgreements(w);
      return { query: { from: '2026-01-01', to: '2026-12-31' } };
    },
    mustNotContain: notOwnView,
  },
  'GET /api/metrics/institutions/:id': [
    {
      name: 'own institution (its leaders and coordinators)',
      allow: { roles: ['leader', 'coordinator'], scopes: ['own'] },
      scopes: ['own'],
      async plan(w, scope) {
        await foreignAgreements(w);
        return { params: { id: w.inst[scope] }, query: { from: '2026-01-01', to: '2026-12-31' } };
      },
      mustNotContain: notOwnView,
    },
    {
      name: 'institution of the scope (leaders over it)',
      allow: { roles: ['leader'], scopes: ['child'] },
      scopes: ['child', 'parent', 'partner', 'unrelated'],
      async plan(w, scope) {
        await foreignAgreements(w);
        return { params: { id: w.inst[scope] } };
      },
      mustNotContain: notOwnView,
    },
  ],
  // Drill-downs of the institution, region and network views: the same gates as the views. Sent/received rows are
  // the institution set's own consults; one between partner and unrelated never appears, nor a foreign agreement's records.
  'GET /api/metrics/institutions/:id/drilldown': [
    {
      name: 'own institution: consults it received',
      allow: { roles: ['leader', 'coordinator'], scopes: ['own'] },
      scopes: ['own'],
      async plan(w) {
        await foreignAgreements(w);
        await consult(w, 'own', 'sent-to');
        const elsewhere = await consult(w, 'partner', 'requested-by');
        hiddenConsults.add(elsewhere.id);
        hiddenConsults.add(elsewhere.patientId);
        return { params: { id: w.inst.own }, query: { metric: 'consult.total', side: 'received', from: '2020-01-01', to: '2099-12-31' } };
      },
      mustNotContain: (w) => notOwnView(w),
    },
    {
      name: 'institution of the scope (leaders over it): its agreements’ batches',
      allow: { roles: ['leader'], scopes: ['child'] },
      scopes: ['child', 'parent', 'partner', 'unrelated'],
      async plan(w, scope) {
        await foreignAgreements(w);
        return { params: { id: w.inst[scope] }, query: { metric: 'dispatch.batches' } };
      },
      mustNotContain: notOwnView,
    },
  ],
  'GET /api/metrics/regions/:code/drilldown': {
    name: 'division of the scope: consults sent',
    allow: { roles: ['leader'], scopes: ['own', 'child'] },
    async plan(w, scope) {
      await foreignAgreements(w);
      return { params: { code: await divisionOf(w, scope) }, query: { metric: 'consult.total', side: 'sent', from: '2020-01-01', to: '2099-12-31' } };
    },
    mustNotContain: notOwnView,
  },
  'GET /api/metrics/networks/:id/drilldown': [
    {
      name: 'authority below the scope: agreements’ batches',
      allow: { roles: ['leader'], scopes: ['own', 'child'] },
      plan: async (w, scope) => ({ params: { id: await authorityBelow(w, scope) }, query: { metric: 'dispatch.batches' } }),
      mustNotContain: notOwnView,
    },
    { name: 'an institution that is not an authority', allow: { roles: [], scopes: [] }, plan: async (w, scope) => ({ params: { id: w.inst[scope] }, query: { metric: 'referral.total', side: 'received' } }) },
  ],
  'GET /api/metrics/regions/:code': {
    name: 'division of the scope',
    allow: { roles: ['leader'], scopes: ['own', 'child'] },
    async plan(w, scope) {
      await foreignAgreements(w);
      return { params: { code: await divisionOf(w, scope) }, query: { from: '2026-01-01', to: '2026-12-31' } };
    },
    mustNotContain: notOwnView,
  },
  'GET /api/metrics/networks/:id': [
    {
      name: 'authority below the scope',
      allow: { roles: ['leader'], scopes: ['own', 'child'] },
      plan: async (w, scope) => ({ params: { id: await authorityBelow(w, scope) } }),
      mustNotContain: notOwnView,
    },
    // A hospital is no network root (404), even one's own.
    { name: 'an institution that is not an authority', allow: { roles: [], scopes: [] }, plan: async (w, scope) => ({ params: { id: w.inst[scope] } }) },
  ],

  // Annual reports: whoever sees the agreement (the same gate as the dashboard; PDF, workbook, HTML).
  'GET /api/agreements/:id/reports/annual.pdf': report,
  'GET /api/agreements/:id/reports/annual.xlsx': report,
  'GET /api/agreements/:id/reports/annual.html': report,
};
