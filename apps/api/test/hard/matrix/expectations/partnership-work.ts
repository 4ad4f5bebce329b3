/**
 * Partnership work under an agreement: dispatch (batches, activities, techniques), training (trainees,
 * assessments, completion, certificates) and tele-education (sessions, attendance). Every record hangs
 * off an agreement, and agreements.policy.ts decides alone (accessTo / agreementContext, docs/agreements.md
 * "Access"):
 * - reading: every user of a party — the supervising authority is a party too — and program managers
 *   (leaders) whose institution is or is above a supervising party (own and child, never parent or beside);
 *   others get 404;
 * - recording: coordinators and leaders of an assisting or assisted party only (supervisors oversee,
 *   they do not record: 403; other roles of a party: 403).
 * An agreement is placed relative to a scope (`matrix/partnership.ts`): the scope is a party (with its
 * counterpart), or the scope supervises two fresh hospitals. Ids in bodies (members, hosts, supervisors,
 * audiences, cited consults) must belong to the agreement's parties: a foreign one is refused with 400
 * (or 404 for a department or batch of another institution or agreement).
 */
import type { Role } from '@yilian/contracts';
import { consult } from '../clinical.js';
import type { Allow, Expectations, MatrixCase, RequestPlan } from '../expectations.js';
import { batch, educationSession, type PlacedAgreement, partyAgreement, practitionerAt, supervisedAgreement, technique, trainee } from '../partnership.js';
import type { Scope, World } from '../world.js';

/** Who records dispatch, trainees and education sessions (at an assisting or assisted party). */
export const RECORDERS: Role[] = ['coordinator', 'leader'];
const nobody: Allow = { roles: [], scopes: [] };
const recordersAt = (...scopes: Scope[]): Allow => ({ roles: RECORDERS, scopes });

type Make = (w: World, a: PlacedAgreement, scope: Scope) => Promise<RequestPlan>;

/**
 * Reading something under an agreement: any role of a party (own is assisted, or own supervises it), and
 * leaders over a supervising party below them (child). The party case comes first: the guessed-id,
 * CSRF, fuzz and audit-coverage runs use a route's first case.
 */
export function readCases(make: Make): MatrixCase[] {
  return [
    { name: 'agreement of the scope (a party)', allow: { roles: 'any', scopes: ['own'] }, plan: async (w, scope) => make(w, await partyAgreement(w, scope), scope) },
    { name: 'agreement own supervises (a party)', allow: { roles: 'any', scopes: ['own'] }, scopes: ['own'], plan: async (w, scope) => make(w, await supervisedAgreement(w, scope), scope) },
    {
      name: 'agreement the scope supervises',
      allow: { roles: ['leader'], scopes: ['child'] },
      scopes: ['child', 'parent', 'partner', 'unrelated'],
      plan: async (w, scope) => make(w, await supervisedAgreement(w, scope), scope),
    },
  ];
}

/** Recording under an agreement: coordinators and leaders of an operating party; never its supervisors. */
export function recordCases(make: Make): MatrixCase[] {
  return [
    { name: 'agreement of the scope (a party)', allow: recordersAt('own'), plan: async (w, scope) => make(w, await partyAgreement(w, scope), scope) },
    // Own supervising: everyone there sees it (403 to record); child supervising: leaders see it (403); else 404.
    { name: 'agreement the scope supervises (supervisors do not record)', allow: nobody, plan: async (w, scope) => make(w, await supervisedAgreement(w, scope), scope) },
  ];
}

/** A record under the own institution's agreement (own assisted, partner assisting) with an id of the scope in the body. */
const ownAgreement = (w: World) => partyAgreement(w, 'own');

const batchBody = async (w: World, a: PlacedAgreement) => ({
  agreementId: a.id,
  hostInstitutionId: a.assisted,
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  purpose: '矩阵派驻',
  members: [{ practitionerId: await practitionerAt(w, a.assisting), lead: true }],
  activities: [{ kind: 'clinic', onDate: '2026-03-02', quantity: 12 }],
});

const techniqueBody = (a: PlacedAgreement) => ({ agreementId: a.id, hostInstitutionId: a.assisted, nameZh: '矩阵新技术', nameEn: 'Matrix technique', introducedOn: '2026-03-01' });

const traineeBody = (a: PlacedAgreement) => ({
  agreementId: a.id,
  nameZh: '矩阵进修',
  homeInstitutionId: a.assisted,
  hostInstitutionId: a.assisting,
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  rotationPlan: [{ nameZh: '心内科', startsOn: '2026-01-01', endsOn: '2026-03-31' }],
});

const sessionBody = (a: PlacedAgreement) => ({
  agreementId: a.id,
  kind: 'lecture',
  topicZh: '矩阵讲座',
  heldAt: '2026-03-01T08:00:00+08:00',
  durationMinutes: 60,
  hostInstitutionId: a.assisting,
  presenters: [{ name: '矩阵主讲' }],
  audienceInstitutionIds: [a.assisted],
});

export const partnershipWorkExpectations: Expectations = {
  // Dispatch (dispatch.service.ts).
  'GET /api/dispatch/batches': readCases(async (w, a) => {
    await batch(w, a);
    return { query: { agreementId: a.id } };
  }),
  'POST /api/dispatch/batches': [
    ...recordCases(async (w, a) => ({ body: await batchBody(w, a) })),
    {
      name: 'experts of the scope in the body',
      // The experts come from the other party (partner); own's are the host's, the rest belong to no party.
      allow: recordersAt('partner'),
      deniedWith: [400],
      async plan(w, scope) {
        const a = await ownAgreement(w);
        return { body: { ...(await batchBody(w, a)), members: [{ practitionerId: await practitionerAt(w, w.inst[scope]), lead: true }] } };
      },
    },
    {
      name: 'host of the scope in the body',
      allow: recordersAt('own'),
      deniedWith: [400],
      async plan(w, scope) {
        const a = await ownAgreement(w);
        return { body: { ...(await batchBody(w, a)), hostInstitutionId: w.inst[scope] } };
      },
    },
    {
      name: 'host department of the scope in the body',
      allow: recordersAt('own'),
      async plan(w, scope) {
        const a = await ownAgreement(w);
        return { body: { ...(await batchBody(w, a)), hostDepartmentId: (await w.department(scope)).id } };
      },
    },
    {
      name: 'an ended agreement of own (no more recording)',
      allow: nobody,
      scopes: ['own'],
      deniedWith: [409],
      async plan(w) {
        const a = await ownAgreement(w);
        await w.t.db.query(`update agreements set status = 'ended', ended_on = '2026-12-31', end_reason = '矩阵终止' where id = $1`, [a.id]);
        return { body: await batchBody(w, a) };
      },
    },
  ],
  'GET /api/dispatch/batches/:id': readCases(async (w, a) => ({ params: { id: await batch(w, a) } })),
  'POST /api/dispatch/batches/:id/activities': recordCases(async (w, a) => ({
    params: { id: await batch(w, a) },
    body: { activities: [{ kind: 'teaching_round', onDate: '2026-03-05', quantity: 8, title: '矩阵查房' }] },
  })),
  'GET /api/dispatch/techniques': readCases(async (w, a) => {
    await technique(w, a);
    return { query: { agreementId: a.id } };
  }),
  'POST /api/dispatch/techniques': [
    ...recordCases(async (_w, a) => ({ body: techniqueBody(a) })),
    {
      name: 'batch of the scope in the body',
      // A technique may name a batch of its own agreement only (another agreement's batch: 404).
      allow: recordersAt('own'),
      async plan(w, scope) {
        const a = await ownAgreement(w);
        const b = await batch(w, scope === 'own' ? a : await partyAgreement(w, scope));
        return { body: { ...techniqueBody(a), batchId: b } };
      },
    },
  ],
  'POST /api/dispatch/techniques/:id/independent': recordCases(async (w, a) => ({ params: { id: await technique(w, a) }, body: { version: 1, firstIndependentOn: '2026-05-01' } })),

  // Training (training.service.ts). Trainee names are personal data of the parties' staff: parties and supervisors only.
  'GET /api/trainees': readCases(async (w, a) => {
    await trainee(w, a);
    return { query: { agreementId: a.id } };
  }),
  'POST /api/trainees': [
    ...recordCases(async (_w, a) => ({ body: traineeBody(a) })),
    {
      name: 'home institution of the scope in the body',
      allow: recordersAt('own'),
      deniedWith: [400],
      plan: async (w, scope) => ({ body: { ...traineeBody(await ownAgreement(w)), homeInstitutionId: w.inst[scope] } }),
    },
    {
      name: 'supervisor of the scope in the body',
      // The supervisor works at the host (partner); a practitioner of any other institution is refused.
      allow: recordersAt('partner'),
      deniedWith: [400],
      plan: async (w, scope) => ({ body: { ...traineeBody(await ownAgreement(w)), supervisorPractitionerId: await practitionerAt(w, w.inst[scope]) } }),
    },
  ],
  'GET /api/trainees/:id': readCases(async (w, a) => ({ params: { id: await trainee(w, a) } })),
  'POST /api/trainees/:id/assessments': recordCases(async (w, a) => ({
    params: { id: await trainee(w, a) },
    body: { onDate: '2026-03-15', kind: 'theory', score: 88, result: 'pass', assessor: '矩阵考官' },
  })),
  'POST /api/trainees/:id/complete': recordCases(async (w, a) => ({ params: { id: await trainee(w, a, { passedFinal: true }) }, body: { version: 1, completedOn: '2026-06-30' } })),
  'POST /api/trainees/:id/withdraw': recordCases(async (w, a) => ({ params: { id: await trainee(w, a) }, body: { version: 1, reason: '个人原因' } })),
  'GET /api/trainees/:id/certificate.pdf': readCases(async (w, a) => ({ params: { id: await trainee(w, a, { status: 'completed' }) } })),

  // Tele-education (education.service.ts).
  'GET /api/education/sessions': readCases(async (w, a) => {
    await educationSession(w, a);
    return { query: { agreementId: a.id } };
  }),
  'POST /api/education/sessions': [
    ...recordCases(async (_w, a) => ({ body: sessionBody(a) })),
    {
      name: 'audience institution of the scope in the body',
      // Own and partner are the parties of own's agreement.
      allow: recordersAt('own', 'partner'),
      deniedWith: [400],
      plan: async (w, scope) => ({ body: { ...sessionBody(await ownAgreement(w)), audienceInstitutionIds: [w.inst[scope]] } }),
    },
    {
      name: 'closed consult of the scope cited',
      // A case conference cites a closed consult of the same agreement only: own's consult, routed under it.
      allow: recordersAt('own'),
      deniedWith: [400],
      async plan(w, scope) {
        const a = await ownAgreement(w);
        const c = await consult(w, scope, 'requested-by', { status: 'closed' });
        const under = scope === 'own' ? a.id : (await partyAgreement(w, scope)).id;
        await w.t.db.query('update consults set agreement_id = $2 where id = $1', [c.id, under]);
        return { body: { ...sessionBody(a), kind: 'case_conference', citedConsultId: c.id, caseSummary: '老年男性，胸痛 3 小时，心电图提示前壁 ST 段抬高。' } };
      },
    },
  ],
  'GET /api/education/sessions/:id': readCases(async (w, a) => ({ params: { id: await educationSession(w, a) } })),
  'POST /api/education/sessions/:id/attendance': [
    ...recordCases(async (w, a) => ({ params: { id: await educationSession(w, a) }, body: { attendees: [{ personName: '矩阵学员', institutionId: a.assisted, minutes: 60 }] } })),
    {
      name: 'attendee institution of the scope in the body',
      allow: recordersAt('own', 'partner'),
      deniedWith: [400],
      async plan(w, scope) {
        const a = await ownAgreement(w);
        return { params: { id: await educationSession(w, a) }, body: { attendees: [{ personName: '矩阵学员', institutionId: w.inst[scope], minutes: 45 }] } };
      },
    },
  ],
};
