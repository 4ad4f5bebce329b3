import type { ConsultAppointmentDto, ConsultEventDto, ConsultReportDto, ExpertSlotDto } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

/** SQL for the parts of a consult: thread, report and addenda, timeline, slots and appointments. */

export interface MessageRow {
  id: string;
  author_user_id: string | null;
  author_name: string | null;
  author_institution_id: string | null;
  kind: 'message' | 'info_request' | 'info_response';
  body: string;
  created_at: Date;
}

export async function insertMessage(
  q: Queryable,
  m: { consultId: string; userId: string; institutionId: string; kind: MessageRow['kind']; body: string; at: Date },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into consult_messages (consult_id, author_user_id, author_institution_id, kind, body, created_at)
     values ($1,$2,$3,$4,$5,$6) returning id`,
    [m.consultId, m.userId, m.institutionId, m.kind, m.body, m.at],
  );
  return rows[0]?.id ?? '';
}

export async function messagesOf(q: Queryable, consultId: string): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select m.*, u.display_name as author_name from consult_messages m left join users u on u.id = m.author_user_id
      where m.consult_id = $1 order by m.created_at, m.id`,
    [consultId],
  );
}

export async function consultOfMessage(q: Queryable, messageId: string): Promise<string | undefined> {
  return (await q.query<{ consult_id: string }>('select consult_id from consult_messages where id = $1', [messageId]))[0]?.consult_id;
}

export async function eventsOf(q: Queryable, consultId: string): Promise<ConsultEventDto[]> {
  const rows = await q.query<{
    id: number;
    at: Date;
    actor_user_id: string | null;
    actor_name: string | null;
    actor_institution_id: string | null;
    action: string;
    from_status: string | null;
    to_status: string | null;
    details: Record<string, unknown>;
  }>(
    `select e.*, u.display_name as actor_name from consult_events e left join users u on u.id = e.actor_user_id
      where e.consult_id = $1 order by e.id`,
    [consultId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorInstitutionId: r.actor_institution_id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    details: r.details,
  }));
}

interface ReportRow {
  impression: string;
  recommendations: string;
  referral_advised: boolean;
  referral_institution_id: string | null;
  referral_note: string | null;
  author_user_id: string;
  updated_at: Date;
  signed_at: Date | null;
  signed_by: string | null;
}

export async function reportOf(q: Queryable, consultId: string): Promise<ConsultReportDto | null> {
  const r = (await q.query<ReportRow>('select * from consult_reports where consult_id = $1', [consultId]))[0];
  if (!r) return null;
  const addenda = await q.query<{ id: string; body: string; author_user_id: string; created_at: Date }>(
    'select * from consult_report_addenda where consult_id = $1 order by created_at, id',
    [consultId],
  );
  return {
    impression: r.impression,
    recommendations: r.recommendations,
    referralAdvised: r.referral_advised,
    referralInstitutionId: r.referral_institution_id,
    referralNote: r.referral_note,
    authorUserId: r.author_user_id,
    updatedAt: r.updated_at.toISOString(),
    signedAt: r.signed_at?.toISOString() ?? null,
    signedBy: r.signed_by,
    addenda: addenda.map((a) => ({ id: a.id, body: a.body, authorUserId: a.author_user_id, createdAt: a.created_at.toISOString() })),
  };
}

export async function upsertReport(
  q: Queryable,
  r: { consultId: string; impression: string; recommendations: string; referralAdvised: boolean; referralInstitutionId: string | null; referralNote: string | null; userId: string; at: Date },
): Promise<void> {
  await q.query(
    `insert into consult_reports (consult_id, impression, recommendations, referral_advised, referral_institution_id, referral_note, author_user_id, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8)
     on conflict (consult_id) do update set impression = excluded.impression, recommendations = excluded.recommendations,
       referral_advised = excluded.referral_advised, referral_institution_id = excluded.referral_institution_id,
       referral_note = excluded.referral_note, author_user_id = excluded.author_user_id, updated_at = excluded.updated_at`,
    [r.consultId, r.impression, r.recommendations, r.referralAdvised, r.referralInstitutionId, r.referralNote, r.userId, r.at],
  );
}

export async function signReport(q: Queryable, consultId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await q.query('update consult_reports set signed_at = $2, signed_by = $3 where consult_id = $1 and signed_at is null returning consult_id', [consultId, at, userId]);
  return rows.length > 0;
}

export async function insertAddendum(q: Queryable, consultId: string, body: string, userId: string, at: Date): Promise<string> {
  const rows = await q.query<{ id: string }>(
    'insert into consult_report_addenda (consult_id, body, author_user_id, created_at) values ($1,$2,$3,$4) returning id',
    [consultId, body, userId, at],
  );
  return rows[0]?.id ?? '';
}

interface SlotRow {
  id: string;
  expert_user_id: string;
  institution_id: string;
  starts_at: Date;
  ends_at: Date;
  booked: boolean;
}
const toSlotDto = (r: SlotRow): ExpertSlotDto => ({
  id: r.id,
  expertUserId: r.expert_user_id,
  institutionId: r.institution_id,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  booked: r.booked,
});
const SLOT_SELECT = `select s.*, exists (select 1 from consult_appointments a where a.slot_id = s.id and a.status = 'active') as booked from expert_slots s`;

export async function insertSlot(q: Queryable, s: { expertUserId: string; institutionId: string; startsAt: Date; endsAt: Date; createdBy: string; at: Date }): Promise<ExpertSlotDto> {
  const rows = await q.query<SlotRow>(
    `insert into expert_slots (expert_user_id, institution_id, starts_at, ends_at, created_by, created_at) values ($1,$2,$3,$4,$5,$6)
     returning *, false as booked`,
    [s.expertUserId, s.institutionId, s.startsAt, s.endsAt, s.createdBy, s.at],
  );
  return toSlotDto(rows[0] as SlotRow);
}

export async function findSlot(q: Queryable, id: string): Promise<ExpertSlotDto | undefined> {
  const rows = await q.query<SlotRow>(`${SLOT_SELECT} where s.id = $1`, [id]);
  return rows[0] ? toSlotDto(rows[0]) : undefined;
}

export async function slotsOf(q: Queryable, expertUserId: string, from: Date, to: Date): Promise<ExpertSlotDto[]> {
  const rows = await q.query<SlotRow>(`${SLOT_SELECT} where s.expert_user_id = $1 and s.ends_at > $2 and s.starts_at < $3 order by s.starts_at limit 500`, [expertUserId, from, to]);
  return rows.map(toSlotDto);
}

interface AppointmentRow {
  id: string;
  slot_id: string;
  expert_user_id: string;
  starts_at: Date;
  ends_at: Date;
  requester_confirmed_at: Date | null;
  expert_confirmed_at: Date | null;
  join_url: string;
}
const toAppointmentDto = (r: AppointmentRow): ConsultAppointmentDto => ({
  id: r.id,
  slotId: r.slot_id,
  expertUserId: r.expert_user_id,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  requesterConfirmedAt: r.requester_confirmed_at?.toISOString() ?? null,
  expertConfirmedAt: r.expert_confirmed_at?.toISOString() ?? null,
  joinUrl: r.join_url,
});

export async function activeAppointment(q: Queryable, consultId: string): Promise<ConsultAppointmentDto | null> {
  const rows = await q.query<AppointmentRow>(`select * from consult_appointments where consult_id = $1 and status = 'active'`, [consultId]);
  return rows[0] ? toAppointmentDto(rows[0]) : null;
}

export async function cancelAppointments(q: Queryable, consultId: string): Promise<void> {
  await q.query(`update consult_appointments set status = 'cancelled' where consult_id = $1 and status = 'active'`, [consultId]);
}

export async function insertAppointment(
  q: Queryable,
  a: { consultId: string; slot: ExpertSlotDto; joinUrl: string; at: Date },
): Promise<ConsultAppointmentDto> {
  const rows = await q.query<AppointmentRow>(
    `insert into consult_appointments (consult_id, slot_id, expert_user_id, starts_at, ends_at, join_url, created_at)
     values ($1,$2,$3,$4,$5,$6,$7) returning *`,
    [a.consultId, a.slot.id, a.slot.expertUserId, a.slot.startsAt, a.slot.endsAt, a.joinUrl, a.at],
  );
  return toAppointmentDto(rows[0] as AppointmentRow);
}

export async function confirmAppointment(q: Queryable, consultId: string, side: 'requester' | 'expert', at: Date): Promise<void> {
  const column = side === 'requester' ? 'requester_confirmed_at' : 'expert_confirmed_at';
  await q.query(`update consult_appointments set ${column} = coalesce(${column}, $2) where consult_id = $1 and status = 'active'`, [consultId, at]);
}
