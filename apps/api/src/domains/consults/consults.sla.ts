import type { Tx } from '../../db/db.js';
import { systemActor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { type ConsultDeps, link, recordTransition } from './consults.core.js';
import * as repo from './consults.repo.js';

/**
 * Response targets. Each urgency has a target (defaults in migration 0130: emergency 30 minutes to a
 * first response; urgent 24 hours and routine 72 hours to a signed report); an agreement may override
 * them (consult_response_targets rows with its agreement_id). The clock pauses while the expert waits
 * for information the requester must add: the pause is added to due_at when the requester answers.
 */
export const CHECK_DUE_JOB = 'consults.check_due';
const OPEN = ['submitted', 'assigned', 'scheduled', 'in_progress'];

export async function dueFor(tx: Tx, c: Pick<repo.ConsultRow, 'urgency' | 'agreement_id'>, from: Date) {
  const target = await repo.responseTarget(tx, c.urgency, c.agreement_id);
  return { dueAt: new Date(from.getTime() + target.minutes * 60_000), measure: target.measure };
}

export function targetMet(c: repo.ConsultRow): boolean {
  return c.due_measure === 'first_response' ? c.first_response_at !== null : c.answered_at !== null;
}

export async function scheduleDueCheck(deps: Pick<ConsultDeps, 'jobs'>, tx: Tx, consultId: string, dueAt: Date): Promise<void> {
  await deps.jobs.enqueue(tx, CHECK_DUE_JOB, { consultId }, dueAt);
}

/** Resumes a paused clock (the requester answered): due_at moves by the pause. Returns the changes. */
export function resumeChanges(c: repo.ConsultRow, now: Date): repo.ConsultChanges {
  if (!c.info_requested_at) return {};
  const pause = Math.max(0, now.getTime() - c.info_requested_at.getTime());
  return {
    info_requested_at: null,
    paused_ms: c.paused_ms + pause,
    due_at: c.due_at ? new Date(c.due_at.getTime() + pause) : null,
  };
}

/**
 * The job: flags a consult overdue when its target passed unmet, writes the event and notifies the
 * target's coordinators (and the assigned expert). Safe to run twice; re-enqueues itself when the
 * due time moved (a pause) and skips consults that are paused, met or no longer open.
 */
export function registerSlaJob(deps: ConsultDeps): void {
  deps.jobs.register(CHECK_DUE_JOB, async (payload, { tx, clock }) => {
    const id = typeof payload.consultId === 'string' ? payload.consultId : undefined;
    if (!id) return;
    await flagIfOverdue(deps, tx, clock, id);
  });
}

export async function flagIfOverdue(deps: ConsultDeps, tx: Tx, clock: Clock, id: string): Promise<boolean> {
  const c = await repo.findConsult(tx, id, true);
  if (!c || !OPEN.includes(c.status) || c.overdue_at || !c.due_at || c.info_requested_at || targetMet(c)) return false;
  const now = clock.now();
  if (c.due_at > now) {
    await scheduleDueCheck(deps, tx, id, c.due_at);
    return false;
  }
  await repo.updateConsult(tx, id, null, { overdue_at: now }, now);
  if (c.target_institution_id) {
    const message = {
      kind: 'consult.overdue',
      titleZh: '会诊已超时',
      titleEn: 'Consult overdue',
      bodyZh: `会诊“${c.chief_complaint.slice(0, 40)}”已超过应答时限`,
      bodyEn: `The consult "${c.chief_complaint.slice(0, 40)}" is past its response target`,
      link: link(id),
    };
    await deps.notifications.notifyRole(tx, c.target_institution_id, 'coordinator', message);
    if (c.assigned_expert_user_id) await deps.notifications.notifyUsers(tx, [c.assigned_expert_user_id], message);
  }
  const actor = systemActor('consults.sla', c.target_institution_id);
  await recordTransition(deps, tx, actor, c, 'overdue', c.status, c.status, { dueAt: c.due_at.toISOString(), measure: c.due_measure });
  return true;
}
