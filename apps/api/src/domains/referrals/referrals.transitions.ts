import type {
  AcceptReferralInput,
  AdmitInput,
  DepartInput,
  DischargeInput,
  RecordFollowUpInput,
  ReferralAction,
  ReferralDto,
  ReferralStatus,
} from '@yilian/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import { errors } from '../../http/errors.js';
import * as beds from './beds.repo.js';
import { type Audience, createFollowUps, expireHold, holdBed, notifySide, type ReferralDeps, type Transition, writeEvents } from './referrals.core.js';
import { toDetailDto } from './referrals.dto.js';
import { referralErrors } from './referrals.errors.js';
import { mustSee, referralNotFound, requireActingRole, wrongSide } from './referrals.policy.js';
import * as repo from './referrals.repo.js';
import type { ReferralChanges, ReferralRow } from './referrals.repo.js';
import { isLegal, nextStatus, RULES, type Side } from './referrals.workflow.js';

interface StepContext {
  tx: Tx;
  row: ReferralRow;
  side: Side;
  now: Date;
  to: ReferralStatus;
}

interface StepResult {
  changes?: ReferralChanges;
  /** Defaults to one event `action`: from → to. */
  events?: Transition[];
  notify?: { audience: Audience; event: string };
  auditDetails?: Record<string, unknown>;
}

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function createReferralTransitions(deps: ReferralDeps) {
  const { db, clock, audit } = deps;

  /**
   * One workflow step in one transaction: lock the row (404 unless the actor's institution is a
   * party), role (403), side (403), version (409 `record.version_conflict`), legality (409
   * `workflow.illegal_transition`); then the change, its event rows, notifications, and the audit row last.
   * A bed hold that lapsed is released first (expiry is checked at write time as well as by the job).
   */
  async function step(actor: Actor, id: string, action: ReferralAction, version: number, run: (c: StepContext) => Promise<StepResult>): Promise<ReferralDto> {
    requireActingRole(actor);
    return db.transaction(async (tx) => {
      const now = clock.now();
      let { row, side } = mustSee(await repo.findReferral(tx, id, true), actor);
      if (!RULES[action].sides.includes(side) || (action === 'cancel' && row.status === 'draft' && side !== 'sender')) throw wrongSide();
      if (row.status === 'bed_reserved') {
        const live = await beds.liveReservationOf(tx, row.id);
        if (live?.status === 'held' && live.expires_at && live.expires_at <= now) row = (await expireHold(deps, tx, live, now)) ?? row;
      }
      if (row.version !== version) throw errors.versionConflict(row.version);
      if (!isLegal(action, row.status)) throw errors.illegalTransition(row.status, action);
      const to = nextStatus(action, row.status);
      const result = await run({ tx, row, side, now, to });
      const changes: ReferralChanges = { status: to, ...result.changes };
      const updated = await repo.updateReferral(tx, row.id, changes, now);
      await writeEvents(tx, row, actor, now, result.events ?? [{ action, from: row.status, to: updated.status }]);
      if (result.notify) await notifySide(deps, tx, updated, result.notify.audience, result.notify.event);
      const listRow = await repo.findReferralListRow(tx, id);
      if (!listRow) throw referralNotFound();
      const dto = await toDetailDto(tx, listRow, actor);
      await audit.record(tx, actor, {
        action: `referral.${action}`,
        entityType: 'referral',
        entityId: id,
        patientId: row.patient_id,
        details: { from: row.status, to: updated.status, ...result.auditDetails },
      });
      return dto;
    });
  }

  const other = (side: Side): Audience => (side === 'sender' ? 'receiver' : 'sender');

  /** Ends the live reservation of a referral (released on discharge or cancel). */
  async function releaseBed(tx: Tx, referralId: string, now: Date): Promise<string | null> {
    const live = await beds.liveReservationOf(tx, referralId);
    if (!live) return null;
    await beds.setReservationStatus(tx, live.id, 'released', now);
    return live.bed_id;
  }

  return {
    cancel: (actor: Actor, id: string, input: { version: number; reason: string }) =>
      step(actor, id, 'cancel', input.version, async ({ tx, row, side, now }) => {
        const bedId = await releaseBed(tx, row.id, now);
        return {
          changes: { cancelledAt: now, cancelReason: input.reason },
          events: [{ action: 'cancel', from: row.status, to: 'cancelled', details: { reason: input.reason, bySide: side, releasedBedId: bedId } }],
          ...(row.status === 'draft' ? {} : { notify: { audience: other(side), event: 'cancelled' } }),
        };
      }),

    accept: (actor: Actor, id: string, input: z.output<typeof AcceptReferralInput>) =>
      step(actor, id, 'accept', input.version, async ({ tx, row, now }) => {
        if (input.bedId && input.plan !== 'admission') throw referralErrors.bedOnlyForAdmission();
        if (input.plan === 'outpatient' && !input.appointmentAt) throw referralErrors.appointmentRequired();
        const changes: ReferralChanges = {
          decidedAt: now,
          accepted: true,
          acceptancePlan: input.plan,
          appointmentAt: input.appointmentAt ? new Date(input.appointmentAt) : null,
          acceptNote: input.note ?? null,
        };
        const events: Transition[] = [{ action: 'accept', from: 'submitted', to: 'accepted', details: { plan: input.plan } }];
        const followUps = await createFollowUps(deps, tx, row);
        if (!input.bedId) return { changes, events, notify: { audience: 'sender', event: 'accepted' }, auditDetails: { followUps } };
        const { reservation, bed, expiresAt } = await holdBed(deps, tx, row, input.bedId, actor.userId, now);
        events.push({ action: 'reserve_bed', from: 'accepted', to: 'bed_reserved', details: { reservationId: reservation.id, bedId: bed.id, bedCode: bed.code, expiresAt: expiresAt.toISOString() } });
        return { changes: { ...changes, status: 'bed_reserved' }, events, notify: { audience: 'sender', event: 'bed_reserved' }, auditDetails: { bedId: bed.id, followUps } };
      }),

    decline: (actor: Actor, id: string, input: { version: number; reason: string; alternative?: string | undefined }) =>
      step(actor, id, 'decline', input.version, async () => ({
        changes: { decidedAt: clock.now(), accepted: false, declineReason: input.reason, alternative: input.alternative ?? null },
        notify: { audience: 'sender', event: 'declined' },
      })),

    reserveBed: (actor: Actor, id: string, input: { version: number; bedId: string }) =>
      step(actor, id, 'reserve_bed', input.version, async ({ tx, row, now }) => {
        if (row.acceptance_plan === 'outpatient') throw referralErrors.bedOnlyForAdmission();
        const { reservation, bed, expiresAt } = await holdBed(deps, tx, row, input.bedId, actor.userId, now);
        return {
          events: [{ action: 'reserve_bed', from: 'accepted', to: 'bed_reserved', details: { reservationId: reservation.id, bedId: bed.id, bedCode: bed.code, expiresAt: expiresAt.toISOString() } }],
          notify: { audience: 'sender', event: 'bed_reserved' },
          auditDetails: { bedId: bed.id },
        };
      }),

    releaseBed: (actor: Actor, id: string, input: { version: number }) =>
      step(actor, id, 'release_bed', input.version, async ({ tx, row, now }) => {
        const bedId = await releaseBed(tx, row.id, now);
        return { events: [{ action: 'release_bed', from: 'bed_reserved', to: 'accepted', details: { bedId } }], notify: { audience: 'sender', event: 'bed_released' } };
      }),

    depart: (actor: Actor, id: string, input: z.output<typeof DepartInput>) =>
      step(actor, id, 'depart', input.version, async ({ row, side, now }) => ({
        changes: { transport: input.transport, departureAt: new Date(input.departureAt), inTransitAt: now },
        events: [{ action: 'depart', from: row.status, to: 'in_transit', details: { transport: input.transport, departureAt: input.departureAt, note: input.note ?? null } }],
        notify: { audience: other(side), event: 'in_transit' },
      })),

    arrive: (actor: Actor, id: string, input: { version: number }) =>
      step(actor, id, 'arrive', input.version, async ({ tx, row, now }) => {
        // The patient is here: the hold no longer lapses; it waits for admission.
        const live = await beds.liveReservationOf(tx, row.id);
        if (live?.status === 'held') await beds.setReservationStatus(tx, live.id, 'held', now, null);
        return { changes: { arrivedAt: now }, notify: { audience: 'sender', event: 'arrived' } };
      }),

    admit: (actor: Actor, id: string, input: z.output<typeof AdmitInput>) =>
      step(actor, id, 'admit', input.version, async ({ tx, row, now }) => {
        let live = await beds.liveReservationOf(tx, row.id);
        if (input.bedId && live && live.bed_id !== input.bedId) {
          await beds.setReservationStatus(tx, live.id, 'released', now);
          live = undefined;
        }
        let bedId = live?.bed_id ?? null;
        if (live) await beds.setReservationStatus(tx, live.id, 'occupied', now, null);
        else if (input.bedId) {
          const held = await holdBed(deps, tx, row, input.bedId, actor.userId, now);
          await beds.setReservationStatus(tx, held.reservation.id, 'occupied', now, null);
          bedId = held.bed.id;
        }
        return {
          changes: { admittedAt: now },
          events: [{ action: 'admit', from: 'arrived', to: 'admitted', details: { bedId } }],
          notify: { audience: 'sender', event: 'admitted' },
          auditDetails: { bedId },
        };
      }),

    discharge: (actor: Actor, id: string, input: z.output<typeof DischargeInput>) =>
      step(actor, id, 'discharge', input.version, async ({ tx, row, now }) => {
        const bedId = await releaseBed(tx, row.id, now);
        const summary = { diagnoses: input.diagnoses, course: input.course, recommendations: input.recommendations, dischargedOn: input.dischargedOn ?? chinaDate(now) };
        return {
          changes: { dischargedAt: now, dischargeSummary: summary },
          events: [{ action: 'discharge', from: row.status, to: 'discharged', details: { releasedBedId: bedId } }],
          notify: { audience: 'sender', event: 'discharged' },
        };
      }),

    acknowledge: (actor: Actor, id: string, input: { version: number }) =>
      step(actor, id, 'acknowledge', input.version, async ({ now }) => ({
        changes: { loopClosedAt: now },
        events: [{ action: 'acknowledge', from: 'discharged', to: 'closed', details: { loopClosed: true } }],
        notify: { audience: 'receiver', event: 'closed' },
      })),

    /** The receiving (lower-tier) institution records one follow-up visit of a down-referral. */
    async recordFollowUp(actor: Actor, id: string, visitId: string, input: z.output<typeof RecordFollowUpInput>): Promise<ReferralDto> {
      requireActingRole(actor);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const { row, side } = mustSee(await repo.findReferral(tx, id, true), actor);
        if (side !== 'receiver') throw wrongSide();
        const visit = await beds.findFollowUp(tx, visitId);
        if (!visit || visit.referral_id !== id) throw referralErrors.followUpNotFound();
        if (!isLegal('record_follow_up', row.status)) throw errors.illegalTransition(row.status, 'record_follow_up');
        if (visit.done_at) throw referralErrors.followUpAlreadyDone();
        const doneOn = input.doneOn ?? chinaDate(now);
        await beds.recordFollowUp(tx, visitId, actor.userId, input.notes, doneOn, now);
        await writeEvents(tx, row, actor, now, [{ action: 'follow_up_recorded', from: row.status, to: row.status, details: { visitId, seq: visit.seq, dueOn: visit.due_on, doneOn, late: doneOn > visit.due_on } }]);
        await notifySide(deps, tx, row, 'sender', 'follow_up_recorded');
        const listRow = await repo.findReferralListRow(tx, id);
        if (!listRow) throw referralNotFound();
        const dto = await toDetailDto(tx, listRow, actor);
        await audit.record(tx, actor, { action: 'referral.record_follow_up', entityType: 'referral', entityId: id, patientId: row.patient_id, details: { visitId } });
        return dto;
      });
    },
  };
}

export type ReferralTransitions = ReturnType<typeof createReferralTransitions>;
