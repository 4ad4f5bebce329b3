import type {
  CloseoutReferral,
  ConsultClinicalSummary,
  ConsultKind,
  ConsultMode,
  ConsultQuery,
  ConsultStatus,
  ConsultUrgency,
  DueMeasure,
} from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface ConsultRow {
  id: string;
  requester_institution_id: string;
  requester_user_id: string;
  patient_id: string;
  consent_id: string | null;
  kind: ConsultKind;
  mode: ConsultMode;
  urgency: ConsultUrgency;
  status: ConsultStatus;
  target_institution_id: string | null;
  target_department_id: string | null;
  target_expert_user_id: string | null;
  assigned_expert_user_id: string | null;
  agreement_id: string | null;
  chief_complaint: string;
  history: string;
  findings: string;
  diagnoses: ConsultClinicalSummary['diagnoses'];
  question: string;
  submitted_at: Date | null;
  first_response_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  due_at: Date | null;
  due_measure: DueMeasure | null;
  paused_ms: number;
  info_requested_at: Date | null;
  overdue_at: Date | null;
  escalated_from_id: string | null;
  chain_root_id: string;
  decline_reason: string | null;
  cancel_reason: string | null;
  escalation_reason: string | null;
  closeout_useful: boolean | null;
  closeout_referral: CloseoutReferral | null;
  closeout_comment: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** A consult with the names the lists show. */
export interface ConsultListRow extends ConsultRow {
  patient_name: string;
  r_name_zh: string;
  r_name_en: string;
  r_tier: string;
  t_name_zh: string | null;
  t_name_en: string | null;
  t_tier: string | null;
  requester_name: string;
  expert_name: string | null;
}

const LIST_SELECT = `select c.*, p.name as patient_name,
    ri.name_zh as r_name_zh, ri.name_en as r_name_en, ri.tier as r_tier,
    ti.name_zh as t_name_zh, ti.name_en as t_name_en, ti.tier as t_tier,
    ru.display_name as requester_name, eu.display_name as expert_name
  from consults c
  join patients p on p.id = c.patient_id
  join institutions ri on ri.id = c.requester_institution_id
  left join institutions ti on ti.id = c.target_institution_id
  join users ru on ru.id = c.requester_user_id
  left join users eu on eu.id = c.assigned_expert_user_id`;

/** Who sees a consult: its requester while a draft; afterwards every requester and target along its escalation chain. */
export const VISIBLE = (c: string, inst: string) =>
  `((${c}.status = 'draft' and ${c}.requester_institution_id = ${inst}) or (${c}.status <> 'draft' and exists (
     select 1 from consults x where x.chain_root_id = ${c}.chain_root_id and x.status <> 'draft'
        and (x.requester_institution_id = ${inst} or x.target_institution_id = ${inst}))))`;

export async function findConsult(q: Queryable, id: string, forUpdate = false): Promise<ConsultRow | undefined> {
  return (await q.query<ConsultRow>(`select * from consults where id = $1${forUpdate ? ' for update' : ''}`, [id]))[0];
}

export async function isVisible(q: Queryable, id: string, institutionId: string): Promise<boolean> {
  const rows = await q.query(`select 1 from consults c where c.id = $1 and ${VISIBLE('c', '$2')}`, [id, institutionId]);
  return rows.length > 0;
}

export async function findListRows(q: Queryable, where: string, params: unknown[], order = 'c.created_at'): Promise<ConsultListRow[]> {
  return q.query<ConsultListRow>(`${LIST_SELECT} where ${where} order by ${order}`, params);
}

/** The escalation chain, lowest tier first (each link follows the one it was escalated from). */
export async function chainOf(q: Queryable, chainRootId: string): Promise<ConsultListRow[]> {
  const rows = await findListRows(q, 'c.chain_root_id = $1', [chainRootId], 'c.created_at, c.id');
  const ordered: ConsultListRow[] = [];
  let next = rows.find((r) => r.id === chainRootId);
  while (next && ordered.length < rows.length) {
    ordered.push(next);
    const from: string = next.id;
    next = rows.find((r) => r.escalated_from_id === from);
  }
  return ordered;
}

export type NewConsult = Omit<
  ConsultRow,
  | 'first_response_at'
  | 'answered_at'
  | 'closed_at'
  | 'paused_ms'
  | 'info_requested_at'
  | 'overdue_at'
  | 'decline_reason'
  | 'cancel_reason'
  | 'closeout_useful'
  | 'closeout_referral'
  | 'closeout_comment'
  | 'updated_at'
  | 'version'
>;

export async function insertConsult(q: Queryable, c: NewConsult): Promise<ConsultRow> {
  const cols = Object.keys(c);
  const values = cols.map((k) => {
    const v = c[k as keyof NewConsult];
    return k === 'diagnoses' ? JSON.stringify(v) : v;
  });
  const rows = await q.query<ConsultRow>(
    `insert into consults (${cols.join(', ')}, updated_at) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}, $${cols.length + 1}) returning *`,
    [...values, c.created_at],
  );
  return rows[0] as ConsultRow;
}

export type ConsultChanges = Partial<Omit<ConsultRow, 'id' | 'version' | 'created_at' | 'updated_at'>>;

/** Applies `changes` when the version still matches (bumping it); undefined when stale. */
export async function updateConsult(q: Queryable, id: string, version: number | null, changes: ConsultChanges, now: Date): Promise<ConsultRow | undefined> {
  const params: unknown[] = [id, now];
  const sets = ['updated_at = $2'];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    params.push(key === 'diagnoses' ? JSON.stringify(value) : value);
    sets.push(`${key} = $${params.length}`);
  }
  let where = 'id = $1';
  if (version !== null) {
    params.push(version);
    where += ` and version = $${params.length}`;
    sets.push('version = version + 1');
  }
  const rows = await q.query<ConsultRow>(`update consults set ${sets.join(', ')} where ${where} returning *`, params);
  return rows[0];
}

export async function insertEvent(
  q: Queryable,
  e: { consultId: string; at: Date; actorUserId: string | null; actorInstitutionId: string | null; action: string; from: string | null; to: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await q.query(
    `insert into consult_events (consult_id, at, actor_user_id, actor_institution_id, action, from_status, to_status, details)
     values ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [e.consultId, e.at, e.actorUserId, e.actorInstitutionId, e.action, e.from, e.to, JSON.stringify(e.details ?? {})],
  );
}

export interface ListFilter {
  institutionId: string;
  userId: string;
  departmentIds: string[];
  now: Date;
}

/** The queue views with filters, paging and sort by due time. */
export async function listConsults(q: Queryable, query: ConsultQuery, f: ListFilter): Promise<{ rows: ConsultListRow[]; total: number }> {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  switch (query.view) {
    case 'requested':
      where.push(`c.requester_institution_id = ${p(f.institutionId)}`);
      break;
    case 'incoming':
      where.push(`c.target_institution_id = ${p(f.institutionId)}`, `c.status <> 'draft'`);
      break;
    case 'mine':
      where.push(`c.assigned_expert_user_id = ${p(f.userId)}`, `c.target_institution_id = ${p(f.institutionId)}`);
      break;
    case 'pool':
      where.push(
        `c.target_institution_id = ${p(f.institutionId)}`,
        `c.status = 'submitted'`,
        `(c.target_department_id is null or c.target_department_id = any(${p(f.departmentIds)}::uuid[]))`,
      );
      break;
  }
  if (query.status?.length) where.push(`c.status = any(${p(query.status)}::text[])`);
  if (query.urgency?.length) where.push(`c.urgency = any(${p(query.urgency)}::text[])`);
  if (query.kind?.length) where.push(`c.kind = any(${p(query.kind)}::text[])`);
  if (query.departmentId) where.push(`c.target_department_id = ${p(query.departmentId)}`);
  if (query.agreementId) where.push(`c.agreement_id = ${p(query.agreementId)}`);
  if (query.minAgeHours !== undefined) where.push(`c.submitted_at <= ${p(new Date(f.now.getTime() - query.minAgeHours * 3_600_000))}`);
  const overdue = `(c.overdue_at is not null and c.status in ('submitted','assigned','scheduled','in_progress'))`;
  if (query.overdue === 'true') where.push(overdue);
  if (query.overdue === 'false') where.push(`not ${overdue}`);
  const order = {
    due: 'c.due_at asc nulls last, c.created_at desc, c.id',
    created: 'c.created_at desc, c.id',
    updated: 'c.updated_at desc, c.id',
  }[query.sort];
  const w = where.join(' and ');
  const total = await q.query<{ n: number }>(`select count(*) as n from consults c where ${w}`, params);
  const rows = await q.query<ConsultListRow>(
    `${LIST_SELECT} where ${w} order by ${order} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

export async function activeAgreementBetween(q: Queryable, a: string, b: string, on: Date): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `select ag.id from agreements ag
       join agreement_parties p1 on p1.agreement_id = ag.id and p1.institution_id = $1
       join agreement_parties p2 on p2.agreement_id = ag.id and p2.institution_id = $2
      where ag.status = 'active' and ag.starts_on <= $3::date and ag.ends_on >= $3::date
      order by ag.starts_on desc, ag.id limit 1`,
    [a, b, on.toISOString().slice(0, 10)],
  );
  return rows[0]?.id ?? null;
}

export async function responseTarget(q: Queryable, urgency: ConsultUrgency, agreementId: string | null): Promise<{ measure: DueMeasure; minutes: number }> {
  const rows = await q.query<{ measure: DueMeasure; minutes: number }>(
    `select measure, minutes from consult_response_targets
      where urgency = $1 and (agreement_id is null or agreement_id = $2)
      order by agreement_id nulls last limit 1`,
    [urgency, agreementId],
  );
  return rows[0] ?? { measure: 'report', minutes: 72 * 60 };
}

export async function setResponseTarget(q: Queryable, agreementId: string, urgency: ConsultUrgency, measure: DueMeasure, minutes: number): Promise<void> {
  await q.query(`delete from consult_response_targets where agreement_id = $1 and urgency = $2`, [agreementId, urgency]);
  await q.query(`insert into consult_response_targets (agreement_id, urgency, measure, minutes) values ($1,$2,$3,$4)`, [agreementId, urgency, measure, minutes]);
}

export async function userHasRole(q: Queryable, userId: string, institutionId: string, role: string): Promise<boolean> {
  const rows = await q.query('select 1 from user_roles r join users u on u.id = r.user_id where r.user_id = $1 and r.institution_id = $2 and r.role = $3 and u.active', [userId, institutionId, role]);
  return rows.length > 0;
}

export async function departmentsOfUser(q: Queryable, userId: string, institutionId: string): Promise<string[]> {
  const rows = await q.query<{ department_id: string }>(
    'select department_id from practitioners where user_id = $1 and institution_id = $2 and department_id is not null and active',
    [userId, institutionId],
  );
  return rows.map((r) => r.department_id);
}
