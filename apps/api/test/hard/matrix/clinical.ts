/**
 * Clinical records for the matrix, written with SQL (fast, and independent of the workflows under
 * test): consults in a chosen state on a chosen side of a scope. A consult "requested by" a scope is
 * sent from that scope's institution; one "sent to" a scope is addressed to it. The other party is
 * never the own institution unless the scope is own, so only own-scope records are visible at own.
 */
import type { ConsultStatus } from '@yilian/contracts';
import { unique } from '../../harness.js';
import type { Scope, World } from './world.js';

export type Side = 'requested-by' | 'sent-to';

export interface ConsultOpts {
  status?: ConsultStatus;
  mode?: 'async' | 'live';
  /** The assigned expert (a user id). */
  expert?: string;
  /** With a report draft (for signing) written by the assigned expert. */
  report?: boolean;
  chiefComplaint?: string;
}

/** The other party of a record of `scope`: the partner, or the unrelated institution when the scope is the partner. */
export const counterpart = (w: World, scope: Scope) => (scope === 'partner' ? w.inst.unrelated : w.inst.partner);

async function one<T>(w: World, sql: string, params: unknown[]): Promise<T> {
  const rows = await w.t.db.query<T>(sql, params);
  return rows[0] as T;
}

/** A patient registered at `institutionId` with a consultation consent; visible there. */
export async function patientAt(w: World, institutionId: string, name = `矩阵患者${unique('')}`): Promise<{ id: string; consentId: string }> {
  const p = await one<{ id: string }>(w, `insert into patients (name, sex, birth_date, registered_by_institution_id) values ($1, 'female', '1980-01-01', $2) returning id`, [name, institutionId]);
  await w.t.db.query(`insert into patient_access (patient_id, institution_id, reason) values ($1, $2, 'registration')`, [p.id, institutionId]);
  const recorder = (await w.t.db.query<{ id: string }>('select user_id as id from user_roles where institution_id = $1 limit 1', [institutionId]))[0]?.id ?? w.personas.clinician.id;
  const c = await one<{ id: string }>(
    w,
    `insert into consents (patient_id, scope, method, witness_name, recorded_by, institution_id, recorded_at) values ($1, 'consultation', 'verbal_witnessed', '见证人', $2, $3, now()) returning id`,
    [p.id, recorder, institutionId],
  );
  return { id: p.id, consentId: c.id };
}

export interface MatrixConsult {
  id: string;
  version: number;
  patientId: string;
  requester: string;
  target: string;
}

export async function consult(w: World, scope: Scope, side: Side, o: ConsultOpts = {}): Promise<MatrixConsult> {
  const requester = side === 'requested-by' ? w.inst[scope] : counterpart(w, scope);
  const target = side === 'requested-by' ? counterpart(w, scope) : w.inst[scope];
  const status = o.status ?? 'submitted';
  const patient = await patientAt(w, requester);
  const requesterUser = side === 'requested-by' && scope === 'own' ? w.personas.clinician.id : w.personas.admin.id;
  const row = await one<{ id: string; version: number }>(
    w,
    `insert into consults (requester_institution_id, requester_user_id, patient_id, consent_id, kind, mode, urgency, status, target_institution_id,
       assigned_expert_user_id, chief_complaint, question, submitted_at, answered_at, chain_root_id, created_at, updated_at, closeout_useful, closeout_referral)
     values ($1,$2,$3,$4,'general',$5,'routine',$6,$7,$8,$9,'是否需要转诊？', case when $6 = 'draft' then null else now() end,
       case when $6 in ('answered','closed') then now() else null end, gen_random_uuid(), now(), now(),
       case when $6 = 'closed' then true end, case when $6 = 'closed' then 'avoided' end)
     returning id, version`,
    [requester, requesterUser, patient.id, patient.consentId, o.mode ?? 'async', status, target, o.expert ?? null, o.chiefComplaint ?? '头晕 6 小时'],
  );
  await w.t.db.query('update consults set chain_root_id = id where id = $1', [row.id]);
  if (status !== 'draft') await w.t.db.query(`insert into patient_access (patient_id, institution_id, reason, source_id) values ($1, $2, 'consult', $3)`, [patient.id, target, row.id]);
  if (o.report) {
    await w.t.db.query(
      `insert into consult_reports (consult_id, impression, recommendations, referral_advised, author_user_id, updated_at, signed_at, signed_by)
       values ($1, '印象', '建议', false, $2, now(), $3, $4)`,
      [row.id, o.expert ?? w.personas.expert.id, status === 'answered' || status === 'closed' ? new Date() : null, status === 'answered' || status === 'closed' ? (o.expert ?? w.personas.expert.id) : null],
    );
  }
  return { id: row.id, version: row.version, patientId: patient.id, requester, target };
}

let hour = 0;
/** A fresh future half hour (each call a different one, so slots of one expert never overlap). */
export function nextHalfHour(w: World): { startsAt: string; endsAt: string } {
  hour += 1;
  const start = new Date(w.t.clock.now().getTime() + (48 + hour) * 3_600_000);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 1_800_000).toISOString() };
}

/** A future slot offered by `expertUserId` at `institutionId`. */
export async function slot(w: World, expertUserId: string, institutionId: string): Promise<string> {
  const t = nextHalfHour(w);
  const r = await one<{ id: string }>(
    w,
    `insert into expert_slots (expert_user_id, institution_id, starts_at, ends_at, created_by, created_at) values ($1, $2, $3, $4, $1, now()) returning id`,
    [expertUserId, institutionId, t.startsAt, t.endsAt],
  );
  return r.id;
}

/** An agreement between the scope's institution and its counterpart (own + partner for the own scope). */
export async function agreementOf(w: World, scope: Scope): Promise<string> {
  const a = await w.t.factory.agreement([
    { institutionId: w.inst[scope], role: 'assisted' },
    { institutionId: counterpart(w, scope), role: 'assisting' },
  ]);
  return a.id;
}

const departments = new Map<string, string>();
/** One department per institution for referral destinations (cached). */
export async function departmentAt(w: World, institutionId: string): Promise<string> {
  const known = departments.get(`${w.inst.own}/${institutionId}`);
  if (known) return known;
  const d = await w.t.factory.department(institutionId, { specialty: 'neurology' });
  departments.set(`${w.inst.own}/${institutionId}`, d.id);
  return d.id;
}

export interface ReferralOpts {
  status?: string;
  /** Clinical text stored in the reason and summary. */
  text?: string;
}

/** A referral sent by the scope's institution (to its counterpart) or sent to it, in `status`. */
export async function referral(w: World, scope: Scope, side: 'sent-by' | 'sent-to', o: ReferralOpts = {}): Promise<MatrixConsult> {
  const from = side === 'sent-by' ? w.inst[scope] : counterpart(w, scope);
  const to = side === 'sent-by' ? counterpart(w, scope) : w.inst[scope];
  const status = o.status ?? 'submitted';
  const patient = await patientAt(w, from);
  const stamp = (states: string[]) => (states.includes(status) ? new Date() : null);
  const row = await one<{ id: string; version: number }>(
    w,
    `insert into referrals (patient_id, from_institution_id, to_institution_id, to_department_id, created_by, direction, urgency, status, reason, diagnoses, summary,
       submitted_at, decided_at, accepted, in_transit_at, arrived_at, discharged_at, discharge_summary, created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,'routine',$7,$8,'[{"code":"I63.9","display":"脑梗死"}]'::jsonb,$8,$9,$10,$11,$12,$13,$14,$15,now(),now()) returning id, version`,
    [
      patient.id,
      from,
      to,
      await departmentAt(w, to),
      side === 'sent-by' && scope === 'own' ? w.personas.clinician.id : w.personas.admin.id,
      side === 'sent-by' ? 'up' : 'down',
      status,
      o.text ?? '急性缺血性卒中，需上级医院评估',
      status === 'draft' ? null : new Date(),
      stamp(['accepted', 'bed_reserved', 'in_transit', 'arrived', 'admitted', 'discharged', 'closed']),
      status === 'draft' || status === 'submitted' ? null : true,
      stamp(['in_transit', 'arrived', 'admitted', 'discharged', 'closed']),
      stamp(['arrived', 'admitted', 'discharged', 'closed']),
      stamp(['discharged', 'closed']),
      ['discharged', 'closed'].includes(status) ? JSON.stringify({ course: '好转', recommendations: '随访', diagnoses: [] }) : null,
    ],
  );
  if (status !== 'draft') await w.t.db.query(`insert into patient_access (patient_id, institution_id, reason, source_id) values ($1, $2, 'referral', $3)`, [patient.id, to, row.id]);
  return { id: row.id, version: row.version, patientId: patient.id, requester: from, target: to };
}
