import { systemActor } from '../../http/actor.js';
import type { JobQueue } from '../../jobs/queue.js';
import * as beds from './beds.repo.js';
import { expireHold, JOBS, notifySide, type ReferralDeps, writeEvents } from './referrals.core.js';
import * as repo from './referrals.repo.js';
import { REFERRAL_FINAL_STATUSES } from '@yilian/contracts';

/**
 * Timers of the referral workflow. Each job carries ids only, re-reads the row under a lock and does
 * nothing when the moment has passed (answered, arrived, closed…), so running twice is harmless.
 */
export function registerReferralJobs(jobs: JobQueue, deps: ReferralDeps): void {
  const { audit } = deps;

  // Green channel: no answer within the category's target → escalate to the receiving department head and coordinators.
  jobs.register(JOBS.greenCheck, async (payload, { tx, clock }) => {
    const now = clock.now();
    const row = await repo.findReferral(tx, String(payload.referralId), true);
    if (row?.status !== 'submitted' || row.escalated_at || !row.response_due_at || row.response_due_at > now) return;
    await repo.updateReferral(tx, row.id, { escalatedAt: now }, now, { bump: false });
    const system = systemActor('referrals.green_channel', row.to_institution_id);
    await writeEvents(tx, row, system, now, [
      { action: 'escalate', from: row.status, to: row.status, details: { responseDueAt: row.response_due_at.toISOString(), category: row.green_category } },
    ]);
    await notifySide(deps, tx, row, 'both', 'escalated');
    await audit.record(tx, system, { action: 'referral.escalate', entityType: 'referral', entityId: row.id, patientId: row.patient_id });
  });

  jobs.register(JOBS.reservationExpire, async (payload, { tx, clock }) => {
    const now = clock.now();
    const reservation = await beds.findReservation(tx, String(payload.reservationId));
    if (reservation?.status !== 'held' || !reservation.expires_at || reservation.expires_at > now) return;
    await expireHold(deps, tx, reservation, now);
  });

  // A loop still open past the receiving institution's configured age is flagged for both sides.
  jobs.register(JOBS.loopCheck, async (payload, { tx, clock }) => {
    const now = clock.now();
    const row = await repo.findReferral(tx, String(payload.referralId), true);
    if (!row || row.loop_flagged_at || REFERRAL_FINAL_STATUSES.includes(row.status) || !row.submitted_at) return;
    const settings = await repo.settingsFor(tx, row.to_institution_id);
    if (row.submitted_at.getTime() + settings.openLoopDays * 86_400_000 > now.getTime()) return;
    await repo.updateReferral(tx, row.id, { loopFlaggedAt: now }, now, { bump: false });
    const system = systemActor('referrals.loop', row.to_institution_id);
    await writeEvents(tx, row, system, now, [{ action: 'loop_flagged', from: row.status, to: row.status, details: { openLoopDays: settings.openLoopDays } }]);
    await notifySide(deps, tx, row, 'both', 'loop_flagged');
    await audit.record(tx, system, { action: 'referral.loop_flag', entityType: 'referral', entityId: row.id, patientId: row.patient_id });
  });

  jobs.register(JOBS.followUpCheck, async (payload, { tx, clock }) => {
    const now = clock.now();
    const visit = await beds.findFollowUp(tx, String(payload.visitId));
    if (!visit || visit.done_at || visit.missed_at) return;
    const row = await repo.findReferral(tx, visit.referral_id, true);
    if (!row || row.status === 'cancelled') return;
    if (!(await beds.markFollowUpMissed(tx, visit.id, now))) return;
    const system = systemActor('referrals.follow_up', row.to_institution_id);
    await writeEvents(tx, row, system, now, [{ action: 'follow_up_missed', from: row.status, to: row.status, details: { visitId: visit.id, seq: visit.seq, dueOn: visit.due_on } }]);
    await notifySide(deps, tx, row, 'both', 'follow_up_missed');
    await audit.record(tx, system, { action: 'referral.follow_up_missed', entityType: 'referral', entityId: row.id, patientId: row.patient_id, details: { visitId: visit.id } });
  });
}
