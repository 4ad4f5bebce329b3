import type { FollowUpVisitDto, ReferralDto, ReferralEventDto, ReferralSummaryDto } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import { findPatientDto } from '../patients/index.js';
import { type FollowUpRow, followUpsOf, reservationDtoOf } from './beds.repo.js';
import { sideOf } from './referrals.policy.js';
import { eventsOf, type ReferralListRow } from './referrals.repo.js';
import { availableActions } from './referrals.workflow.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

type PatientBrief = ReferralSummaryDto['patient'];

/** Patient names come through the patients domain (one call per distinct patient). */
export async function patientBriefs(q: Queryable, ids: readonly string[]): Promise<Map<string, PatientBrief>> {
  const out = new Map<string, PatientBrief>();
  for (const id of new Set(ids)) {
    const p = await findPatientDto(q, id);
    if (p) out.set(id, { id: p.id, name: p.name, sex: p.sex, birthDate: p.birthDate });
  }
  return out;
}

export function toSummaryDto(r: ReferralListRow, patient: PatientBrief | undefined): ReferralSummaryDto {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    direction: r.direction,
    urgency: r.urgency,
    greenChannel: r.green_channel,
    greenCategory: r.green_category,
    patient: patient ?? { id: r.patient_id, name: '', sex: 'unknown', birthDate: '' },
    from: { id: r.from_institution_id, nameZh: r.from_name_zh, nameEn: r.from_name_en, tier: r.from_tier },
    to: { id: r.to_institution_id, nameZh: r.to_name_zh, nameEn: r.to_name_en, tier: r.to_tier },
    toDepartment: { id: r.to_department_id, nameZh: r.dept_name_zh, nameEn: r.dept_name_en },
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    submittedAt: iso(r.submitted_at),
    responseDueAt: iso(r.response_due_at),
    escalatedAt: iso(r.escalated_at),
    loopFlaggedAt: iso(r.loop_flagged_at),
    version: r.version,
  };
}

export const toFollowUpDto = (v: FollowUpRow): FollowUpVisitDto => ({
  id: v.id,
  seq: v.seq,
  dueOn: v.due_on,
  purpose: v.purpose,
  doneAt: iso(v.done_at),
  doneOn: v.done_on,
  notes: v.notes,
  missedAt: iso(v.missed_at),
  version: v.version,
});

export async function toDetailDto(q: Queryable, r: ReferralListRow, actor: Actor): Promise<ReferralDto> {
  const patients = await patientBriefs(q, [r.patient_id]);
  const [reservation, followUps, events] = await Promise.all([reservationDtoOf(q, r.id), followUpsOf(q, r.id), eventsOf(q, r.id)]);
  const side = sideOf(r, actor);
  const eventDtos: ReferralEventDto[] = events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actorUserId: e.actor_user_id,
    actorName: e.actor_name,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    details: e.details,
  }));
  return {
    ...toSummaryDto(r, patients.get(r.patient_id)),
    fromDepartmentId: r.from_department_id,
    consultId: r.consult_id,
    agreementId: r.agreement_id,
    diagnoses: r.diagnoses,
    summary: r.summary,
    createdBy: { id: r.created_by, name: r.created_by_name },
    consentId: r.consent_id,
    attachmentIds: r.attachment_ids,
    decidedAt: iso(r.decided_at),
    accepted: r.accepted,
    acceptancePlan: r.acceptance_plan,
    appointmentAt: iso(r.appointment_at),
    acceptNote: r.accept_note,
    declineReason: r.decline_reason,
    alternative: r.alternative,
    transport: r.transport,
    departureAt: iso(r.departure_at),
    arrivedAt: iso(r.arrived_at),
    admittedAt: iso(r.admitted_at),
    dischargedAt: iso(r.discharged_at),
    loopClosedAt: iso(r.loop_closed_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    dischargeSummary: r.discharge_summary,
    followUpPlan: r.follow_up_plan,
    reservation,
    followUps: followUps.map(toFollowUpDto),
    events: eventDtos,
    actions: side ? availableActions(r.status, side, actor.roles, followUps.some((f) => !f.done_at)) : [],
  };
}
