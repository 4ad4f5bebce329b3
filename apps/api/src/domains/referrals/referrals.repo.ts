import type {
  AcceptancePlan,
  DischargeSummaryDto,
  FollowUpPlanDto,
  GreenCategoryDto,
  Icd10Diagnosis,
  ReferralDirection,
  ReferralQuery,
  ReferralSettingsDto,
  ReferralStatus,
  ReferralUrgency,
  Tier,
  TransportMode,
} from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface ReferralRow {
  id: string;
  number: number;
  patient_id: string;
  from_institution_id: string;
  from_department_id: string | null;
  to_institution_id: string;
  to_department_id: string;
  created_by: string;
  direction: ReferralDirection;
  green_channel: boolean;
  green_category: string | null;
  urgency: ReferralUrgency;
  status: ReferralStatus;
  agreement_id: string | null;
  consult_id: string | null;
  reason: string;
  diagnoses: Icd10Diagnosis[];
  summary: string;
  consent_id: string | null;
  attachment_ids: string[];
  follow_up_plan: FollowUpPlanDto | null;
  response_due_at: Date | null;
  escalated_at: Date | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  accepted: boolean | null;
  acceptance_plan: AcceptancePlan | null;
  appointment_at: Date | null;
  accept_note: string | null;
  decline_reason: string | null;
  alternative: string | null;
  transport: TransportMode | null;
  departure_at: Date | null;
  in_transit_at: Date | null;
  arrived_at: Date | null;
  admitted_at: Date | null;
  discharged_at: Date | null;
  discharge_summary: DischargeSummaryDto | null;
  loop_closed_at: Date | null;
  loop_flagged_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A referral with the directory names the DTOs show (the directory is public inside the app). */
export interface ReferralListRow extends ReferralRow {
  from_name_zh: string;
  from_name_en: string;
  from_tier: Tier;
  to_name_zh: string;
  to_name_en: string;
  to_tier: Tier;
  dept_name_zh: string;
  dept_name_en: string;
  created_by_name: string;
}

const LIST_SELECT = `
  select r.*, fi.name_zh as from_name_zh, fi.name_en as from_name_en, fi.tier as from_tier,
         ti.name_zh as to_name_zh, ti.name_en as to_name_en, ti.tier as to_tier,
         d.name_zh as dept_name_zh, d.name_en as dept_name_en, u.display_name as created_by_name
    from referrals r
    join institutions fi on fi.id = r.from_institution_id
    join institutions ti on ti.id = r.to_institution_id
    join departments d on d.id = r.to_department_id
    join users u on u.id = r.created_by`;

export interface NewReferral {
  patientId: string;
  fromInstitutionId: string;
  fromDepartmentId: string | null;
  toInstitutionId: string;
  toDepartmentId: string;
  createdBy: string;
  direction: ReferralDirection;
  greenChannel: boolean;
  greenCategory: string | null;
  urgency: ReferralUrgency;
  consultId: string | null;
  consentId: string | null;
  reason: string;
  diagnoses: Icd10Diagnosis[];
  summary: string;
  attachmentIds: string[];
  followUpPlan: FollowUpPlanDto | null;
  now: Date;
}

export async function insertReferral(q: Queryable, r: NewReferral): Promise<ReferralRow> {
  const rows = await q.query<ReferralRow>(
    `insert into referrals (patient_id, from_institution_id, from_department_id, to_institution_id, to_department_id, created_by,
       direction, green_channel, green_category, urgency, consult_id, reason, diagnoses, summary, attachment_ids, follow_up_plan,
       created_at, updated_at, consent_id)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$17,$18) returning *`,
    [
      r.patientId,
      r.fromInstitutionId,
      r.fromDepartmentId,
      r.toInstitutionId,
      r.toDepartmentId,
      r.createdBy,
      r.direction,
      r.greenChannel,
      r.greenCategory,
      r.urgency,
      r.consultId,
      r.reason,
      JSON.stringify(r.diagnoses),
      r.summary,
      r.attachmentIds,
      r.followUpPlan ? JSON.stringify(r.followUpPlan) : null,
      r.now,
      r.consentId,
    ],
  );
  return rows[0] as ReferralRow;
}

export async function findReferral(q: Queryable, id: string, forUpdate = false): Promise<ReferralRow | undefined> {
  const rows = await q.query<ReferralRow>(`select * from referrals where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0];
}

export async function findReferralListRow(q: Queryable, id: string): Promise<ReferralListRow | undefined> {
  return (await q.query<ReferralListRow>(`${LIST_SELECT} where r.id = $1`, [id]))[0];
}

/** Columns a transition may set (camelCase → column); json columns are stringified. */
const COLUMNS: Record<string, string> = {
  status: 'status',
  consentId: 'consent_id',
  agreementId: 'agreement_id',
  responseDueAt: 'response_due_at',
  escalatedAt: 'escalated_at',
  submittedAt: 'submitted_at',
  decidedAt: 'decided_at',
  accepted: 'accepted',
  acceptancePlan: 'acceptance_plan',
  appointmentAt: 'appointment_at',
  acceptNote: 'accept_note',
  declineReason: 'decline_reason',
  alternative: 'alternative',
  transport: 'transport',
  departureAt: 'departure_at',
  inTransitAt: 'in_transit_at',
  arrivedAt: 'arrived_at',
  admittedAt: 'admitted_at',
  dischargedAt: 'discharged_at',
  dischargeSummary: 'discharge_summary',
  loopClosedAt: 'loop_closed_at',
  loopFlaggedAt: 'loop_flagged_at',
  cancelledAt: 'cancelled_at',
  cancelReason: 'cancel_reason',
};
const JSON_COLUMNS = new Set(['dischargeSummary']);

export type ReferralChanges = Partial<Record<keyof typeof COLUMNS, unknown>>;

/**
 * Applies changes and bumps the version (the caller holds the row lock and checked the version).
 * Flags set by timers (escalated, loop flagged) pass `bump: false` so they never make a user's edit stale.
 */
export async function updateReferral(q: Queryable, id: string, changes: ReferralChanges, now: Date, opts: { bump: boolean } = { bump: true }): Promise<ReferralRow> {
  const params: unknown[] = [id, now];
  const sets: string[] = opts.bump ? ['version = version + 1', 'updated_at = $2'] : ['updated_at = $2'];
  for (const [key, value] of Object.entries(changes)) {
    const column = COLUMNS[key];
    if (!column || value === undefined) continue;
    params.push(JSON_COLUMNS.has(key) && value !== null ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  const rows = await q.query<ReferralRow>(`update referrals set ${sets.join(', ')} where id = $1 returning *`, params);
  return rows[0] as ReferralRow;
}

export interface NewEvent {
  referralId: string;
  at: Date;
  actorUserId: string | null;
  actorInstitutionId: string | null;
  action: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  details?: Record<string, unknown>;
}

export async function insertEvent(q: Queryable, e: NewEvent): Promise<void> {
  await q.query(
    `insert into referral_events (referral_id, at, actor_user_id, actor_institution_id, action, from_status, to_status, details)
     values ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [e.referralId, e.at, e.actorUserId, e.actorInstitutionId, e.action, e.fromStatus, e.toStatus, JSON.stringify(e.details ?? {})],
  );
}

export interface EventRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus | null;
  details: Record<string, unknown>;
}

export async function eventsOf(q: Queryable, referralId: string): Promise<EventRow[]> {
  return q.query<EventRow>(
    `select e.id, e.at, e.actor_user_id, u.display_name as actor_name, e.action, e.from_status, e.to_status, e.details
       from referral_events e left join users u on u.id = e.actor_user_id
      where e.referral_id = $1 order by e.id`,
    [referralId],
  );
}

/** The referrals an institution sees: received (not drafts), sent, or both. Open ones first, then priority. */
export async function searchReferrals(
  q: Queryable,
  institutionId: string,
  query: ReferralQuery,
  now: Date,
): Promise<{ rows: ReferralListRow[]; total: number }> {
  const params: unknown[] = [institutionId];
  const where: string[] = [];
  const inbox = `(r.to_institution_id = $1 and r.status <> 'draft')`;
  const outbox = '(r.from_institution_id = $1)';
  where.push(query.box === 'inbox' ? inbox : query.box === 'outbox' ? outbox : `(${inbox} or ${outbox})`);
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (query.status) add('r.status = ?', query.status);
  if (query.direction) add('r.direction = ?', query.direction);
  if (query.open === 'true') where.push(`r.status not in ('declined','closed','cancelled')`);
  if (query.open === 'false') where.push(`r.status in ('declined','closed','cancelled')`);
  if (query.flagged === 'true') where.push('(r.loop_flagged_at is not null or r.escalated_at is not null)');
  const w = where.join(' and ');
  const total = await q.query<{ n: number }>(`select count(*) as n from referrals r where ${w}`, params);
  params.push(now);
  const rows = await q.query<ReferralListRow>(
    `${LIST_SELECT} where ${w}
      order by (r.status in ('declined','closed','cancelled')) asc,
               (r.status = 'submitted') desc,
               r.green_channel desc,
               array_position(array['emergency','urgent','routine'], r.urgency) asc,
               coalesce(r.submitted_at, r.created_at, $${params.length}) asc
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

export async function greenCategories(q: Queryable): Promise<GreenCategoryDto[]> {
  const rows = await q.query<{ code: string; name_zh: string; name_en: string; response_minutes: number; active: boolean }>(
    'select * from referral_green_categories order by sort, code',
  );
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, responseMinutes: r.response_minutes, active: r.active }));
}

export async function updateGreenCategory(
  q: Queryable,
  code: string,
  c: { nameZh?: string | undefined; nameEn?: string | undefined; responseMinutes?: number | undefined; active?: boolean | undefined },
): Promise<boolean> {
  const rows = await q.query(
    `update referral_green_categories set name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en),
            response_minutes = coalesce($4, response_minutes), active = coalesce($5, active)
      where code = $1 returning code`,
    [code, c.nameZh ?? null, c.nameEn ?? null, c.responseMinutes ?? null, c.active ?? null],
  );
  return rows.length > 0;
}

interface SettingsRow {
  institution_id: string | null;
  bed_hold_minutes: number;
  open_loop_days: number;
  follow_up_grace_days: number;
}
const toSettings = (r: SettingsRow): ReferralSettingsDto => ({
  institutionId: r.institution_id,
  bedHoldMinutes: r.bed_hold_minutes,
  openLoopDays: r.open_loop_days,
  followUpGraceDays: r.follow_up_grace_days,
});

/** The institution's own settings, or the network default. */
export async function settingsFor(q: Queryable, institutionId: string): Promise<ReferralSettingsDto> {
  const rows = await q.query<SettingsRow>(
    `select * from referral_settings where institution_id = $1 or institution_id is null
      order by institution_id is null limit 1`,
    [institutionId],
  );
  const row = rows[0];
  return row ? toSettings(row) : { institutionId: null, bedHoldMinutes: 720, openLoopDays: 30, followUpGraceDays: 3 };
}

export async function upsertSettings(q: Queryable, institutionId: string, s: ReferralSettingsDto, now: Date): Promise<ReferralSettingsDto> {
  const existing = await q.query<{ id: string }>('select id from referral_settings where institution_id = $1', [institutionId]);
  const params = [institutionId, s.bedHoldMinutes, s.openLoopDays, s.followUpGraceDays, now];
  const rows = existing.length
    ? await q.query<SettingsRow>(
        `update referral_settings set bed_hold_minutes = $2, open_loop_days = $3, follow_up_grace_days = $4, updated_at = $5
          where institution_id = $1 returning *`,
        params,
      )
    : await q.query<SettingsRow>(
        `insert into referral_settings (institution_id, bed_hold_minutes, open_loop_days, follow_up_grace_days, updated_at)
         values ($1,$2,$3,$4,$5) returning *`,
        params,
      );
  return toSettings(rows[0] as SettingsRow);
}

/** The active agreement (today within its term) to which both institutions are parties, newest first. */
export async function activeAgreementBetween(q: Queryable, a: string, b: string, today: string): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `select ag.id from agreements ag
       join agreement_parties pa on pa.agreement_id = ag.id and pa.institution_id = $1
       join agreement_parties pb on pb.agreement_id = ag.id and pb.institution_id = $2
      where ag.status = 'active' and ag.starts_on <= $3::date and ag.ends_on >= $3::date
      order by ag.starts_on desc, ag.id limit 1`,
    [a, b, today],
  );
  return rows[0]?.id ?? null;
}

/** Users to tell about a referral at an institution: holders of `roles` there. */
export async function usersWithRoles(q: Queryable, institutionId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>(
    `select distinct ur.user_id from user_roles ur join users u on u.id = ur.user_id
      where ur.institution_id = $1 and ur.role = any($2::text[]) and u.active`,
    [institutionId, [...roles]],
  );
  return rows.map((r) => r.user_id);
}

/** The receiving department's head(s): chief practitioners of the department with a user account. */
export async function departmentHeads(q: Queryable, departmentId: string): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>(
    `select user_id from practitioners where department_id = $1 and title = 'chief' and active and user_id is not null`,
    [departmentId],
  );
  return rows.map((r) => r.user_id);
}

export async function idempotentClaim(q: Queryable, scope: string, userId: string, key: string): Promise<{ claimed: boolean; resourceId: string | null }> {
  const inserted = await q.query<{ key: string }>(
    'insert into idempotency_keys (scope, user_id, key) values ($1,$2,$3) on conflict do nothing returning key',
    [scope, userId, key],
  );
  if (inserted.length) return { claimed: true, resourceId: null };
  const rows = await q.query<{ resource_id: string | null }>('select resource_id from idempotency_keys where scope = $1 and user_id = $2 and key = $3', [
    scope,
    userId,
    key,
  ]);
  return { claimed: false, resourceId: rows[0]?.resource_id ?? null };
}

export async function idempotentStore(q: Queryable, scope: string, userId: string, key: string, resourceId: string): Promise<void> {
  await q.query('update idempotency_keys set resource_id = $4 where scope = $1 and user_id = $2 and key = $3', [scope, userId, key, resourceId]);
}
