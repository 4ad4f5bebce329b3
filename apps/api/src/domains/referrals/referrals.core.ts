import type { ReferralStatus } from '@yilian/contracts';
import { type Db, PG_UNIQUE_VIOLATION, pgErrorCode, type Tx } from '../../db/db.js';
import { type AuditActor, systemActor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { AuditLog } from '../audit/index.js';
import type { Notifier } from '../notifications/index.js';
import * as beds from './beds.repo.js';
import { referralErrors } from './referrals.errors.js';
import { referralMessage } from './referrals.messages.js';
import * as repo from './referrals.repo.js';
import { departmentHeads, type ReferralRow, usersWithRoles } from './referrals.repo.js';
import { followUpMissedAt } from './referrals.workflow.js';

/** Checks that a consult exists and is visible to the actor's institution (wired when consults exist). */
export type ConsultLookup = (q: Tx, institutionId: string, consultId: string) => Promise<boolean>;

export interface ReferralDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  audit: AuditLog;
  notifier: Notifier;
  consultVisible?: ConsultLookup;
}

export const JOBS = {
  greenCheck: 'referrals.green_check',
  reservationExpire: 'referrals.reservation_expire',
  loopCheck: 'referrals.loop_check',
  followUpCheck: 'referrals.follow_up_check',
} as const;

export type Audience = 'sender' | 'receiver' | 'both';

/** Tells one side of a referral: the referrer (and the sending coordinators) or the receiving coordinators and department heads. */
export async function notifySide(deps: ReferralDeps, tx: Tx, row: ReferralRow, audience: Audience, event: string): Promise<void> {
  const users: string[] = [];
  if (audience !== 'receiver') users.push(row.created_by);
  if (audience !== 'sender') {
    users.push(...(await usersWithRoles(tx, row.to_institution_id, ['coordinator'])));
    users.push(...(await departmentHeads(tx, row.to_department_id)));
  }
  await deps.notifier.notifyUsers(tx, users, referralMessage(event, row));
}

export interface Transition {
  action: string;
  from: ReferralStatus | null;
  to: ReferralStatus | null;
  details?: Record<string, unknown>;
}

export async function writeEvents(tx: Tx, row: ReferralRow, actor: AuditActor, at: Date, events: Transition[]): Promise<void> {
  for (const e of events) {
    await repo.insertEvent(tx, {
      referralId: row.id,
      at,
      actorUserId: actor.userId,
      actorInstitutionId: actor.institutionId,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      details: e.details ?? {},
    });
  }
}

/**
 * Holds `bedId` for the referral. Expired holds on that bed are released first, in this same
 * transaction; the partial unique index then decides any race: the loser gets 409 `referral.bed_taken`.
 */
export async function holdBed(deps: ReferralDeps, tx: Tx, row: ReferralRow, bedId: string, userId: string | null, now: Date) {
  const bed = await beds.findBed(tx, bedId);
  if (!bed || bed.institution_id !== row.to_institution_id) throw referralErrors.bedNotFound();
  if (!bed.in_service) throw referralErrors.bedOutOfService(bed.code);
  await expireDueHolds(deps, tx, now, bedId);
  const settings = await repo.settingsFor(tx, row.to_institution_id);
  const expiresAt = new Date(now.getTime() + settings.bedHoldMinutes * 60_000);
  let reservation: beds.ReservationRow;
  try {
    reservation = await beds.insertReservation(tx, { referralId: row.id, bedId, wardId: bed.ward_id, status: 'held', now, expiresAt, createdBy: userId });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw referralErrors.bedTaken(bed.code);
    throw error;
  }
  await deps.jobs.enqueue(tx, JOBS.reservationExpire, { reservationId: reservation.id }, expiresAt);
  return { reservation, bed, expiresAt };
}

/** Expires one lapsed hold: the bed is freed and the referral goes back to accepted. */
export async function expireHold(deps: ReferralDeps, tx: Tx, reservation: beds.ReservationRow, now: Date): Promise<ReferralRow | undefined> {
  const row = await repo.findReferral(tx, reservation.referral_id, true);
  if (row?.status !== 'bed_reserved') return undefined;
  await beds.setReservationStatus(tx, reservation.id, 'expired', now);
  const updated = await repo.updateReferral(tx, row.id, { status: 'accepted' }, now);
  const system = systemActor('referrals.expiry', row.to_institution_id);
  await writeEvents(tx, row, system, now, [
    { action: 'reservation_expired', from: 'bed_reserved', to: 'accepted', details: { reservationId: reservation.id, bedId: reservation.bed_id } },
  ]);
  await notifySide(deps, tx, row, 'both', 'reservation_expired');
  await deps.audit.record(tx, system, {
    action: 'referral.reservation_expire',
    entityType: 'referral',
    entityId: row.id,
    patientId: row.patient_id,
    details: { reservationId: reservation.id, bedId: reservation.bed_id },
  });
  return updated;
}

/** Releases every lapsed hold (on one bed when given). Referral rows are locked before reservation rows. */
export async function expireDueHolds(deps: ReferralDeps, tx: Tx, now: Date, bedId?: string): Promise<number> {
  const due = await beds.dueHolds(tx, now, bedId);
  let n = 0;
  for (const reservation of due) if (await expireHold(deps, tx, reservation, now)) n += 1;
  return n;
}

/** Follow-up visits of a down-referral, created at acceptance with a missed-visit check each. */
export async function createFollowUps(deps: ReferralDeps, tx: Tx, row: ReferralRow): Promise<number> {
  const plan = row.follow_up_plan;
  if (!plan || plan.visits.length === 0) return 0;
  const settings = await repo.settingsFor(tx, row.to_institution_id);
  const visits = await beds.insertFollowUps(tx, row.id, plan.visits);
  for (const v of visits) {
    await deps.jobs.enqueue(tx, JOBS.followUpCheck, { visitId: v.id }, followUpMissedAt(v.due_on, settings.followUpGraceDays));
  }
  return visits.length;
}
