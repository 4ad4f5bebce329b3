/**
 * Audit coverage of patient data. Every route of the patient-data domains (patients, consults,
 * referrals, attachments) is called once per case of its matrix expectation, as a persona the table
 * allows at the own institution: the request must leave exactly one audit row, naming the actor, an
 * action, the record and its patient (patient_id), and every patient whose id the answer carries must
 * be named by that row (patient_id, or the ids in its details for lists). Routes of other domains that
 * return patient ids are held to the naming rule too. Prints the report: routes with patient data vs
 * routes audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTATIONS } from './matrix/expectations/index.js';
import { casesOf, isAllowed } from './matrix/expectations.js';
import { keyOf } from './matrix/run-matrix.js';
import { buildWorld, PERSONAS, type World } from './matrix/world.js';

/** Routes of those domains that carry no patient data (settings, directories, boards, slots). */
const NO_PATIENT_DATA = new Set([
  'GET /api/consults/targets',
  'GET /api/consults/:id/expert-suggestions',
  'GET /api/referrals/green-categories',
  'PATCH /api/referrals/green-categories/:code',
  'GET /api/referrals/settings',
  'PUT /api/referrals/settings',
  'GET /api/referrals/wards',
]);
const PATIENT_DOMAINS = /^\/api\/(patients|consults|referrals|attachments)(\/|$)/;

/** The patient of the record a path id names, when it has one. */
async function patientOf(w: World, url: string, id: string | undefined): Promise<string | null> {
  if (!id) return null;
  const table = url.startsWith('/api/patients') ? null : url.startsWith('/api/consults') ? 'consults' : url.startsWith('/api/referrals') ? 'referrals' : url.startsWith('/api/attachments') ? 'attachments' : undefined;
  if (table === null) return id;
  if (!table) return null;
  const rows = await w.t.db.query<{ patient_id: string | null }>(`select patient_id::text as patient_id from ${table} where id = $1`, [id]);
  return rows[0]?.patient_id ?? null;
}

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.stop());

interface Line {
  route: string;
  case: string;
  status: number;
  auditRows: number;
  patientNamed: boolean;
  returnedPatients: number;
  ok: boolean;
  why: string;
}

describe('audit coverage of patient data', () => {
  it('leaves exactly one audit row naming the patient for every request that touches patient data', { timeout: 600_000 }, async () => {
    const patientIds = async () => new Set((await w.t.db.query<{ id: string }>('select id::text as id from patients')).map((r) => r.id));
    const report: Line[] = [];
    for (const route of w.t.routes) {
      const patientRoute = PATIENT_DOMAINS.test(route.url) && !NO_PATIENT_DATA.has(keyOf(route));
      for (const c of casesOf(EXPECTATIONS[keyOf(route)] ?? [])) {
        const persona = PERSONAS.find((p) => isAllowed(c.allow, p, 'own'));
        if (!persona) continue;
        const plan = await c.plan(w, 'own', persona);
        const before = await w.t.lastAuditId();
        const url = route.url.replace(/:(\w+)/g, (_, k: string) => plan.params?.[k] ?? '') + (plan.query ? `?${new URLSearchParams(plan.query)}` : '');
        const res = await w.t.request(plan.actor ?? w.personas[persona], route.method as 'GET', url, plan.body, plan.headers);
        const rows = await w.t.auditSince(before);
        const known = await patientIds();
        const returned = [...known].filter((id) => res.text.includes(id));
        if (!patientRoute && returned.length === 0) continue;
        const target = await patientOf(w, route.url, plan.params?.id);
        const named = (id: string) => rows.some((r) => r.patient_id === id || JSON.stringify(r.details).includes(id));
        const problems = [
          res.status >= 300 && `answered ${res.status}`,
          patientRoute && rows.length !== 1 && `${rows.length} audit rows`,
          rows.some((r) => !r.actor_user_id || !r.action) && 'row without actor or action',
          target && !rows.some((r) => r.patient_id === target) && 'record’s patient not in patient_id',
          target && !rows.some((r) => r.entity_id) && 'no record id',
          returned.some((id) => !named(id)) && `returned patients not named: ${returned.filter((id) => !named(id)).length}`,
        ].filter((p): p is string => !!p);
        report.push({
          route: keyOf(route),
          case: c.name ?? '',
          status: res.status,
          auditRows: rows.length,
          patientNamed: !target || rows.some((r) => r.patient_id === target),
          returnedPatients: returned.length,
          ok: problems.length === 0,
          why: problems.join('; '),
        });
      }
    }
    const routes = new Set(report.map((r) => r.route));
    const audited = new Set(report.filter((r) => r.ok).map((r) => r.route));
    const failed = report.filter((r) => !r.ok);
    console.log(
      `[audit coverage] routes touching patient data: ${routes.size} (${report.length} cases), fully audited: ${[...routes].filter((r) => !failed.some((f) => f.route === r)).length}\n${report
        .map((r) => `  ${r.ok ? 'ok     ' : 'MISSING'} ${r.route}${r.case ? ` [${r.case}]` : ''} status=${r.status} auditRows=${r.auditRows} returnedPatients=${r.returnedPatients}${r.why ? ` — ${r.why}` : ''}`)
        .join('\n')}`,
    );
    expect(audited.size).toBeGreaterThan(30);
    expect(failed).toEqual([]);
  });
});
