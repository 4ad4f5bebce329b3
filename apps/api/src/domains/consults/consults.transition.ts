import type { ConsultDetailDto } from '@yilian/contracts';
import type { Tx } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import { errors } from '../../http/errors.js';
import { authorise, buildDetail, type ConsultDeps, loadVisible } from './consults.core.js';
import { type ActorView, type ConsultAction, RULES } from './consults.policy.js';
import * as repo from './consults.repo.js';

export interface StepResult {
  changes?: repo.ConsultChanges;
  /** The event/audit action when it differs from the policy action (e.g. 'reassign'). */
  event?: string;
  details?: Record<string, unknown>;
  /** Runs after the consult row is updated (notifications, jobs, linked rows). */
  after?: (tx: Tx, row: repo.ConsultRow) => Promise<void>;
}

/**
 * One transition, in one transaction: load (404 when not visible), authorise against the state
 * machine (403/409), check the version (409), apply the step, write the consult_events row, build the
 * reply and write the audit row last.
 */
export async function transition(
  deps: ConsultDeps,
  actor: Actor,
  id: string,
  action: ConsultAction,
  version: number | undefined,
  step: (tx: Tx, c: repo.ConsultRow, view: ActorView, now: Date) => Promise<StepResult>,
): Promise<ConsultDetailDto> {
  return deps.db.transaction(async (tx) => {
    const c = await loadVisible(tx, actor, id, true);
    const view = await authorise(tx, actor, c, action, version);
    const now = deps.clock.now();
    const result = await step(tx, c, view, now);
    const to = RULES[action].to;
    const changes: repo.ConsultChanges = { ...result.changes, ...(to ? { status: to } : {}) };
    let row = c;
    if (version !== undefined || Object.keys(changes).length > 0) {
      const updated = await repo.updateConsult(tx, id, version ?? null, changes, now);
      if (!updated) throw errors.versionConflict();
      row = updated;
    }
    await result.after?.(tx, row);
    const event = result.event ?? action;
    await repo.insertEvent(tx, { consultId: id, at: now, actorUserId: actor.userId, actorInstitutionId: actor.institutionId, action: event, from: c.status, to: row.status, details: result.details ?? {} });
    const detail = await buildDetail(tx, actor, id);
    await deps.audit.record(tx, actor, { action: `consult.${event}`, entityType: 'consult', entityId: id, patientId: c.patient_id, details: { from: c.status, to: row.status, ...result.details } });
    return detail;
  });
}
