import { randomUUID } from 'node:crypto';
import {
  type ConsultAddendumInput,
  type ConsultAssignInput,
  type ConsultCloseoutInput,
  type ConsultDetailDto,
  type ConsultEscalateInput,
  type ConsultMessageInput,
  type ConsultReasonInput,
  type ConsultReportInput,
  type ConsultRequestInfoInput,
  type Tier,
  tierRank,
} from '@yilian/contracts';
import type { Actor } from '../../http/actor.js';
import { departmentNotFound, findDepartment, findInstitution, institutionNotFound } from '../institutions/index.js';
import { linkAttachments } from '../documents/index.js';
import type { NotificationMessage } from '../notifications/index.js';
import { grantPatientAccess } from '../patients/index.js';
import { type ConsultDeps, consultError, link } from './consults.core.js';
import * as parts from './consults.parts.repo.js';
import * as repo from './consults.repo.js';
import { dueFor, resumeChanges, scheduleDueCheck } from './consults.sla.js';
import { transition } from './consults.transition.js';

const note = (kind: string, zh: string, en: string, id: string, body = ''): NotificationMessage => ({ kind, titleZh: zh, titleEn: en, bodyZh: body, bodyEn: body, link: link(id) });
const firstResponse = (c: repo.ConsultRow, now: Date) => (c.first_response_at ? {} : { first_response_at: now });

export function createConsultWorkflow(deps: ConsultDeps) {
  const n = deps.notifications;

  return {
    cancel: (actor: Actor, id: string, input: ConsultReasonInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'cancel', input.version, async (_tx, c) => ({
        changes: { cancel_reason: input.reason },
        details: { reason: input.reason },
        after: async (t) => {
          await parts.cancelAppointments(t, id);
          if (c.status !== 'draft' && c.target_institution_id) await n.notifyRole(t, c.target_institution_id, 'coordinator', note('consult.cancelled', '会诊申请已撤销', 'Consult cancelled', id, input.reason));
          if (c.assigned_expert_user_id) await n.notifyUsers(t, [c.assigned_expert_user_id], note('consult.cancelled', '会诊申请已撤销', 'Consult cancelled', id, input.reason));
        },
      })),

    decline: (actor: Actor, id: string, input: ConsultReasonInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'decline', input.version, async (_tx, c, _v, now) => ({
        changes: { decline_reason: input.reason, ...firstResponse(c, now) },
        details: { reason: input.reason },
        after: async (t) => {
          await n.notifyUsers(t, [c.requester_user_id], note('consult.declined', '会诊申请被拒绝', 'Consult declined', id, input.reason));
        },
      })),

    assign: (actor: Actor, id: string, input: ConsultAssignInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'assign', input.version, async (tx, c) => {
        if (!(await repo.userHasRole(tx, input.expertUserId, actor.institutionId, 'expert'))) {
          throw consultError(400, 'bad_expert', '只能分配给本机构的专家', 'Assign to an expert of your institution');
        }
        return {
          event: c.status === 'assigned' ? 'reassign' : 'assign',
          changes: { assigned_expert_user_id: input.expertUserId },
          details: { expertUserId: input.expertUserId, previous: c.assigned_expert_user_id },
          after: async (t) => {
            await n.notifyUsers(t, [input.expertUserId], note('consult.assigned', '您有新的会诊任务', 'A consult was assigned to you', id, c.chief_complaint.slice(0, 80)));
          },
        };
      }),

    claim: (actor: Actor, id: string, version: number): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'claim', version, async (tx, c) => {
        if (c.target_department_id && !(await repo.departmentsOfUser(tx, actor.userId, actor.institutionId)).includes(c.target_department_id)) {
          throw consultError(403, 'not_in_department', '只能认领本科室的会诊', 'You can only claim consults of your department');
        }
        return { changes: { assigned_expert_user_id: actor.userId }, details: { expertUserId: actor.userId } };
      }),

    start: (actor: Actor, id: string, version: number): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'start', version, async (tx, c, _v, now) => {
        if (c.mode === 'live') {
          const appt = await parts.activeAppointment(tx, id);
          if (!appt?.requesterConfirmedAt || !appt.expertConfirmedAt) {
            throw consultError(409, 'appointment_unconfirmed', '双方确认预约后才能开始', 'Both sides must confirm the appointment first');
          }
        }
        return {
          changes: firstResponse(c, now),
          after: async (t) => {
            await n.notifyUsers(t, [c.requester_user_id], note('consult.started', '专家已开始会诊', 'The expert started on your consult', id));
          },
        };
      }),

    message: (actor: Actor, id: string, input: ConsultMessageInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'message', undefined, async (tx, c, view, now) => {
        const answersInfo = view.atRequester && c.info_requested_at !== null;
        const messageId = await parts.insertMessage(tx, { consultId: id, userId: actor.userId, institutionId: actor.institutionId, kind: answersInfo ? 'info_response' : 'message', body: input.body, at: now });
        if (input.attachmentIds?.length) await linkAttachments(tx, actor, input.attachmentIds, 'consult_message', messageId, c.patient_id);
        const changes: repo.ConsultChanges = view.atTarget ? firstResponse(c, now) : answersInfo ? resumeChanges(c, now) : {};
        return {
          event: answersInfo ? 'info_provided' : 'message',
          changes,
          details: { messageId, attachments: input.attachmentIds?.length ?? 0, ...(answersInfo ? { pausedMs: changes.paused_ms } : {}) },
          after: async (t, row) => {
            if (answersInfo && row.due_at) await scheduleDueCheck(deps, t, id, row.due_at);
            const msg = note('consult.message', '会诊有新消息', 'New message on a consult', id, input.body.slice(0, 80));
            if (view.atTarget) await n.notifyUsers(t, [c.requester_user_id], msg);
            else if (c.assigned_expert_user_id) await n.notifyUsers(t, [c.assigned_expert_user_id], msg);
            else if (c.target_institution_id) await n.notifyRole(t, c.target_institution_id, 'coordinator', msg);
          },
        };
      }),

    requestInfo: (actor: Actor, id: string, input: ConsultRequestInfoInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'request_info', input.version, async (tx, c, _v, now) => {
        if (c.info_requested_at) throw consultError(409, 'info_already_requested', '已在等待补充资料', 'More information is already requested');
        const messageId = await parts.insertMessage(tx, { consultId: id, userId: actor.userId, institutionId: actor.institutionId, kind: 'info_request', body: input.body, at: now });
        return {
          changes: { info_requested_at: now, ...firstResponse(c, now) },
          details: { messageId },
          after: async (t) => {
            await n.notifyUsers(t, [c.requester_user_id], note('consult.info_requested', '专家请求补充资料', 'The expert asks for more information', id, input.body.slice(0, 80)));
          },
        };
      }),

    saveReport: (actor: Actor, id: string, input: ConsultReportInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'save_report', input.version, async (tx, _c, _v, now) => {
        if (input.referralInstitutionId && !(await findInstitution(tx, input.referralInstitutionId))) throw institutionNotFound();
        await parts.upsertReport(tx, {
          consultId: id,
          impression: input.impression,
          recommendations: input.recommendations,
          referralAdvised: input.referralAdvised,
          referralInstitutionId: input.referralInstitutionId ?? null,
          referralNote: input.referralNote ?? null,
          userId: actor.userId,
          at: now,
        });
        return { details: { referralAdvised: input.referralAdvised } };
      }),

    sign: (actor: Actor, id: string, version: number): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'sign', version, async (tx, c, _v, now) => {
        if (!(await parts.signReport(tx, id, actor.userId, now))) throw consultError(409, 'no_report', '请先填写会诊报告', 'Write the report before signing');
        return {
          changes: { answered_at: now, ...firstResponse(c, now), ...resumeChanges(c, now) },
          after: async (t) => {
            await n.notifyUsers(t, [c.requester_user_id], note('consult.answered', '会诊报告已签发，请结案反馈', 'The consult report is signed; please close out', id));
          },
        };
      }),

    addendum: (actor: Actor, id: string, input: ConsultAddendumInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'addendum', undefined, async (tx, c, _v, now) => {
        const addendumId = await parts.insertAddendum(tx, id, input.body, actor.userId, now);
        return {
          details: { addendumId },
          after: async (t) => {
            await n.notifyUsers(t, [c.requester_user_id], note('consult.addendum', '会诊报告有补充说明', 'An addendum was added to the report', id, input.body.slice(0, 80)));
          },
        };
      }),

    closeout: (actor: Actor, id: string, input: ConsultCloseoutInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'closeout', input.version, async (_tx, c, _v, now) => ({
        changes: { closed_at: now, closeout_useful: input.useful, closeout_referral: input.referral, closeout_comment: input.comment ?? null },
        details: { useful: input.useful, referral: input.referral },
        after: async (t) => {
          if (c.assigned_expert_user_id) await n.notifyUsers(t, [c.assigned_expert_user_id], note('consult.closed', '会诊已结案', 'Consult closed', id, input.useful ? '申请方认为建议有帮助' : '申请方认为建议帮助不大'));
        },
      })),

    /** Creates a linked consult one or more tiers up, carrying the case; this consult ends as 'escalated'. */
    escalate: (actor: Actor, id: string, input: ConsultEscalateInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'escalate', input.version, async (tx, c, _v, now) => {
        const here = await findInstitution(tx, actor.institutionId);
        const up = await findInstitution(tx, input.targetInstitutionId);
        if (!up) throw institutionNotFound();
        if (!here || tierRank(up.tier as Tier) >= tierRank(here.tier as Tier) || up.type === 'authority') {
          throw consultError(400, 'not_higher_tier', '只能上转至更高层级的医疗机构', 'Escalate to a hospital of a higher tier');
        }
        if (input.targetDepartmentId) {
          const dept = await findDepartment(tx, input.targetDepartmentId);
          if (!dept || dept.institution_id !== up.id) throw departmentNotFound();
        }
        const newId = randomUUID();
        const agreementId = await repo.activeAgreementBetween(tx, actor.institutionId, up.id, now);
        const due = await dueFor(tx, { urgency: c.urgency, agreement_id: agreementId }, now);
        await repo.insertConsult(tx, {
          id: newId,
          requester_institution_id: actor.institutionId,
          requester_user_id: actor.userId,
          patient_id: c.patient_id,
          consent_id: c.consent_id,
          kind: c.kind,
          mode: c.mode,
          urgency: c.urgency,
          status: 'submitted',
          target_institution_id: up.id,
          target_department_id: input.targetDepartmentId ?? null,
          target_expert_user_id: null,
          assigned_expert_user_id: null,
          agreement_id: agreementId,
          chief_complaint: c.chief_complaint,
          history: c.history,
          findings: c.findings,
          diagnoses: c.diagnoses,
          question: c.question,
          submitted_at: now,
          due_at: due.dueAt,
          due_measure: due.measure,
          escalated_from_id: id,
          chain_root_id: c.chain_root_id,
          escalation_reason: input.reason,
          created_at: now,
        });
        await repo.insertEvent(tx, { consultId: newId, at: now, actorUserId: actor.userId, actorInstitutionId: actor.institutionId, action: 'escalated_in', from: null, to: 'submitted', details: { escalatedFromId: id, reason: input.reason, agreementId } });
        await grantPatientAccess(tx, c.patient_id, up.id, 'consult', newId);
        await scheduleDueCheck(deps, tx, newId, due.dueAt);
        await parts.cancelAppointments(tx, id);
        return {
          changes: { escalation_reason: input.reason, ...firstResponse(c, now) },
          details: { escalatedToId: newId, targetInstitutionId: up.id, reason: input.reason },
          after: async (t) => {
            await n.notifyRole(t, up.id, 'coordinator', note('consult.submitted', '新的上转会诊申请', 'New escalated consult request', newId, c.chief_complaint.slice(0, 80)));
            await n.notifyUsers(t, [c.requester_user_id], note('consult.escalated', '会诊已上转至上级医院', 'Your consult was escalated to a higher tier', id, input.reason));
          },
        };
      }),
  };
}

