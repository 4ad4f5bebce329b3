import type { ConsultDetailDto, ConsultSummaryDto } from '@yilian/contracts';
import type { Db, Queryable, Tx } from '../../db/db.js';
import type { Actor, AuditActor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { AuditLog } from '../audit/index.js';
import { attachmentsOf, type DocumentService } from '../documents/index.js';
import type { Notifier } from '../notifications/index.js';
import { findPatientDto, type PatientService } from '../patients/index.js';
import * as parts from './consults.parts.repo.js';
import { type ActorView, allowedActions, type ConsultAction, decide } from './consults.policy.js';
import * as repo from './consults.repo.js';

export interface ConsultDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  jobs: JobQueue;
  patients: PatientService;
  documents: DocumentService;
  notifications: Notifier;
}

export const consultNotFound = () => errors.notFound({ code: 'consult.not_found', zh: '会诊', en: 'Consult' });
export const consultError = (status: number, code: string, zh: string, en: string, details?: unknown) => new AppError(status, `consult.${code}`, { zh, en }, details);

const ACTION_NAMES: Record<ConsultAction, { zh: string; en: string }> = {
  update_draft: { zh: '修改草稿', en: 'edit draft' },
  submit: { zh: '提交', en: 'submit' },
  cancel: { zh: '撤销', en: 'cancel' },
  decline: { zh: '拒绝', en: 'decline' },
  assign: { zh: '分配专家', en: 'assign' },
  claim: { zh: '认领', en: 'claim' },
  schedule: { zh: '预约时间', en: 'schedule' },
  confirm_appointment: { zh: '确认预约', en: 'confirm appointment' },
  start: { zh: '开始会诊', en: 'start' },
  message: { zh: '发送消息', en: 'send a message' },
  request_info: { zh: '请求补充资料', en: 'request more information' },
  save_report: { zh: '保存报告', en: 'save the report' },
  sign: { zh: '签署报告', en: 'sign the report' },
  addendum: { zh: '添加补充说明', en: 'add an addendum' },
  closeout: { zh: '结案反馈', en: 'close out' },
  escalate: { zh: '上转会诊', en: 'escalate' },
};

const STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  assigned: '已分配',
  scheduled: '已预约',
  in_progress: '会诊中',
  answered: '已答复',
  closed: '已结案',
  declined: '已拒绝',
  cancelled: '已撤销',
  escalated: '已上转',
};

export function illegal(status: string, action: ConsultAction): AppError {
  const name = ACTION_NAMES[action];
  return new AppError(
    409,
    'workflow.illegal_transition',
    { zh: `会诊当前状态（${STATUS_NAMES[status] ?? status}）不允许${name.zh}`, en: `Cannot ${name.en} a consult that is ${status.replace('_', ' ')}` },
    { from: status, action },
  );
}

export async function actorViewOf(q: Queryable, actor: Actor, c: repo.ConsultRow): Promise<ActorView> {
  return {
    roles: actor.roles,
    atRequester: c.requester_institution_id === actor.institutionId,
    atTarget: c.target_institution_id === actor.institutionId && c.status !== 'draft',
    isAssignedExpert: c.assigned_expert_user_id === actor.userId,
  };
}

/** Loads a consult the actor's institution may see (404 otherwise), locked for update when asked. */
export async function loadVisible(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<repo.ConsultRow> {
  const row = await repo.findConsult(q, id, forUpdate);
  if (!row || !(await repo.isVisible(q, id, actor.institutionId))) throw consultNotFound();
  return row;
}

/** Checks the action against the state machine: 403 for the wrong side or role, 409 for the wrong state or a stale version. */
export async function authorise(q: Queryable, actor: Actor, c: repo.ConsultRow, action: ConsultAction, version?: number): Promise<ActorView> {
  const view = await actorViewOf(q, actor, c);
  const decision = decide(action, view, c);
  if (decision === 'forbidden') throw errors.forbidden();
  if (decision === 'illegal') throw illegal(c.status, action);
  if (version !== undefined && version !== c.version) throw errors.versionConflict(c.version);
  return view;
}

/** Writes the consult_events row and the audit row of a transition (audit last). */
export async function recordTransition(
  deps: Pick<ConsultDeps, 'audit' | 'clock'>,
  tx: Tx,
  actor: AuditActor,
  c: { id: string; patient_id: string },
  action: string,
  from: string | null,
  to: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await repo.insertEvent(tx, { consultId: c.id, at: deps.clock.now(), actorUserId: actor.userId, actorInstitutionId: actor.institutionId, action, from, to, details });
  await deps.audit.record(tx, actor, { action: `consult.${action}`, entityType: 'consult', entityId: c.id, patientId: c.patient_id, details: { from, to, ...details } });
}

const OPEN = new Set(['submitted', 'assigned', 'scheduled', 'in_progress']);

export function toSummary(r: repo.ConsultListRow): ConsultSummaryDto {
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    mode: r.mode,
    urgency: r.urgency,
    patientId: r.patient_id,
    patientName: r.patient_name,
    requester: { institutionId: r.requester_institution_id, institutionNameZh: r.r_name_zh, institutionNameEn: r.r_name_en, tier: r.r_tier },
    requesterUserId: r.requester_user_id,
    requesterName: r.requester_name,
    target: r.target_institution_id
      ? { institutionId: r.target_institution_id, institutionNameZh: r.t_name_zh ?? '', institutionNameEn: r.t_name_en ?? '', tier: r.t_tier ?? '' }
      : null,
    targetDepartmentId: r.target_department_id,
    targetExpertUserId: r.target_expert_user_id,
    assignedExpertUserId: r.assigned_expert_user_id,
    assignedExpertName: r.expert_name,
    agreementId: r.agreement_id,
    chiefComplaint: r.chief_complaint,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    dueAt: r.due_at?.toISOString() ?? null,
    dueMeasure: r.due_measure,
    paused: r.info_requested_at !== null,
    overdue: r.overdue_at !== null && OPEN.has(r.status),
    escalatedFromId: r.escalated_from_id,
    chainRootId: r.chain_root_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** The full case for the actor (no audit row: the caller writes it). */
export async function buildDetail(q: Queryable, actor: Actor, id: string): Promise<ConsultDetailDto> {
  const row = await repo.findConsult(q, id);
  if (!row) throw consultNotFound();
  const chainRows = await repo.chainOf(q, row.chain_root_id);
  const visibleChain = row.status === 'draft' ? chainRows.filter((c) => c.id === id) : chainRows;
  const self = chainRows.find((c) => c.id === id);
  const patient = await findPatientDto(q, row.patient_id);
  if (!self || !patient) throw consultNotFound();
  // The case is carried up the chain: attachments of every consult up to and including this one.
  const upTo = visibleChain.slice(0, visibleChain.findIndex((c) => c.id === id) + 1).map((c) => c.id);
  const [attachments, messageRows, report, appointment, events] = await Promise.all([
    attachmentsOf(q, 'consult', upTo),
    parts.messagesOf(q, id),
    parts.reportOf(q, id),
    parts.activeAppointment(q, id),
    parts.eventsOf(q, id),
  ]);
  const messageAttachments = await attachmentsOf(q, 'consult_message', messageRows.map((m) => m.id));
  const view = await actorViewOf(q, actor, row);
  return {
    ...toSummary(self),
    consentId: row.consent_id,
    summary: { chiefComplaint: row.chief_complaint, history: row.history, findings: row.findings, diagnoses: row.diagnoses, question: row.question },
    patient,
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    infoRequestedAt: row.info_requested_at?.toISOString() ?? null,
    pausedMs: row.paused_ms,
    declineReason: row.decline_reason,
    cancelReason: row.cancel_reason,
    escalationReason: row.escalation_reason,
    closeout:
      row.closeout_useful !== null && row.closeout_referral !== null
        ? { useful: row.closeout_useful, referral: row.closeout_referral, comment: row.closeout_comment }
        : null,
    attachments,
    messages: messageRows.map((m) => ({
      id: m.id,
      authorUserId: m.author_user_id,
      authorName: m.author_name,
      authorInstitutionId: m.author_institution_id,
      kind: m.kind,
      body: m.body,
      createdAt: m.created_at.toISOString(),
      attachments: messageAttachments.filter((a) => a.ownerId === m.id),
    })),
    report,
    appointment,
    events,
    chain: visibleChain.map(toSummary),
    allowedActions: allowedActions(view, row),
  };
}

/** Reads the detail inside a transaction and audits the read. */
export async function readAudited(deps: ConsultDeps, tx: Tx, actor: Actor, id: string): Promise<ConsultDetailDto> {
  const detail = await buildDetail(tx, actor, id);
  await deps.audit.record(tx, actor, { action: 'consult.read', entityType: 'consult', entityId: id, patientId: detail.patientId });
  return detail;
}

export const link = (id: string) => `/consults/${id}`;
export type { Db };
