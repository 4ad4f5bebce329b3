import { randomUUID } from 'node:crypto';
import { CLINICAL_ROLES, type ConsultDetailDto, type ConsultQuery, type ConsultSummaryDto, type CreateConsultInput, type Page, type UpdateConsultDraftInput } from '@yilian/contracts';
import type { Tx } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import { errors } from '../../http/errors.js';
import { departmentNotFound, findDepartment, findInstitution, institutionNotFound } from '../institutions/index.js';
import { assertCanSeePatient, grantPatientAccess } from '../patients/index.js';
import { linkAttachments } from '../documents/index.js';
import { authorise, buildDetail, type ConsultDeps, consultError, consultNotFound, link, loadVisible, readAudited, toSummary } from './consults.core.js';
import * as repo from './consults.repo.js';
import { dueFor, scheduleDueCheck } from './consults.sla.js';
import { transition } from './consults.transition.js';

async function idempotent(tx: Tx, scope: string, userId: string, key: string, resourceId: string): Promise<string | null> {
  const inserted = await tx.query('insert into idempotency_keys (scope, user_id, key, resource_id) values ($1,$2,$3,$4) on conflict do nothing returning key', [scope, userId, key, resourceId]);
  if (inserted.length > 0) return null;
  const rows = await tx.query<{ resource_id: string }>('select resource_id from idempotency_keys where scope = $1 and user_id = $2 and key = $3', [scope, userId, key]);
  return rows[0]?.resource_id ?? null;
}

export function createConsultCore(deps: ConsultDeps) {
  const { db, clock } = deps;

  /** Validates target institution/department/expert and consent; 400/404 with a clear code. */
  async function checkRefs(tx: Tx, actor: Actor, patientId: string, f: Partial<Pick<CreateConsultInput, 'targetInstitutionId' | 'targetDepartmentId' | 'targetExpertUserId' | 'consentId'>>) {
    if (f.targetInstitutionId) {
      const inst = await findInstitution(tx, f.targetInstitutionId);
      if (!inst) throw institutionNotFound();
      if (inst.id === actor.institutionId) throw consultError(400, 'bad_target', '不能向本机构发起远程会诊', 'A consult cannot target your own institution');
    }
    if (f.targetDepartmentId) {
      const dept = await findDepartment(tx, f.targetDepartmentId);
      if (!dept || dept.institution_id !== f.targetInstitutionId) throw departmentNotFound();
    }
    if (f.targetExpertUserId && !(f.targetInstitutionId && (await repo.userHasRole(tx, f.targetExpertUserId, f.targetInstitutionId, 'expert')))) {
      throw consultError(400, 'bad_expert', '所选专家不在目标机构', 'The chosen expert does not work at the target institution');
    }
    if (f.consentId) {
      const rows = await tx.query<{ id: string }>(`select id from consents where id = $1 and patient_id = $2 and scope = 'consultation'`, [f.consentId, patientId]);
      if (rows.length === 0) throw consultError(400, 'bad_consent', '知情同意记录无效（需为该患者的会诊同意）', 'The consent is not a consultation consent of this patient');
    }
  }

  /** draft → submitted: completeness, agreement, response target, patient access for the target, due check, notice. */
  async function submitRow(tx: Tx, actor: Actor, c: repo.ConsultRow, version: number | null, now: Date): Promise<repo.ConsultRow> {
    const missing = [
      !c.target_institution_id && 'targetInstitutionId',
      !c.consent_id && 'consentId',
      !c.chief_complaint && 'summary.chiefComplaint',
      !c.question && 'summary.question',
    ].filter((m): m is string => !!m);
    if (missing.length > 0) throw consultError(400, 'incomplete', `提交前请填写：${missing.join('、')}`, `Fill in before submitting: ${missing.join(', ')}`, { missing });
    const target = c.target_institution_id as string;
    const agreementId = await repo.activeAgreementBetween(tx, c.requester_institution_id, target, now);
    const due = await dueFor(tx, { urgency: c.urgency, agreement_id: agreementId }, now);
    const row = await repo.updateConsult(tx, c.id, version, { status: 'submitted', submitted_at: now, agreement_id: agreementId, due_at: due.dueAt, due_measure: due.measure }, now);
    if (!row) throw errors.versionConflict();
    await grantPatientAccess(tx, c.patient_id, target, 'consult', c.id);
    await scheduleDueCheck(deps, tx, c.id, due.dueAt);
    const message = {
      kind: 'consult.submitted',
      titleZh: c.urgency === 'emergency' ? '【急】新的远程会诊申请' : '新的远程会诊申请',
      titleEn: c.urgency === 'emergency' ? '[Emergency] New consult request' : 'New consult request',
      bodyZh: c.chief_complaint.slice(0, 80),
      bodyEn: c.chief_complaint.slice(0, 80),
      link: link(c.id),
    };
    await deps.notifications.notifyRole(tx, target, 'coordinator', message);
    if (c.target_expert_user_id) await deps.notifications.notifyUsers(tx, [c.target_expert_user_id], message);
    await repo.insertEvent(tx, { consultId: c.id, at: now, actorUserId: actor.userId, actorInstitutionId: actor.institutionId, action: 'submit', from: c.status, to: 'submitted', details: { agreementId, dueAt: due.dueAt.toISOString(), measure: due.measure } });
    return row;
  }

  async function summaryOf(tx: Tx, id: string): Promise<ConsultSummaryDto> {
    const [row] = await repo.findListRows(tx, 'c.id = $1', [id]);
    if (!row) throw consultNotFound();
    return toSummary(row);
  }

  return {
    submitRow,

    async create(actor: Actor, input: CreateConsultInput, idempotencyKey?: string): Promise<ConsultSummaryDto> {
      requireRole(actor, 'clinician');
      return db.transaction(async (tx) => {
        const id = randomUUID();
        if (idempotencyKey) {
          const existing = await idempotent(tx, 'consult.create', actor.userId, idempotencyKey, id);
          if (existing) {
            if (!(await repo.isVisible(tx, existing, actor.institutionId))) throw consultNotFound();
            // A replay returns patient data too: audited like any read.
            const replayed = await summaryOf(tx, existing);
            await deps.audit.record(tx, actor, { action: 'consult.create_replay', entityType: 'consult', entityId: existing, patientId: replayed.patientId });
            return replayed;
          }
        }
        await assertCanSeePatient(tx, actor.institutionId, input.patientId);
        await checkRefs(tx, actor, input.patientId, input);
        const now = clock.now();
        const s = input.summary;
        let row = await repo.insertConsult(tx, {
          id,
          requester_institution_id: actor.institutionId,
          requester_user_id: actor.userId,
          patient_id: input.patientId,
          consent_id: input.consentId ?? null,
          kind: input.kind,
          mode: input.mode,
          urgency: input.urgency,
          status: 'draft',
          target_institution_id: input.targetInstitutionId ?? null,
          target_department_id: input.targetDepartmentId ?? null,
          target_expert_user_id: input.targetExpertUserId ?? null,
          assigned_expert_user_id: null,
          agreement_id: null,
          chief_complaint: s?.chiefComplaint ?? '',
          history: s?.history ?? '',
          findings: s?.findings ?? '',
          diagnoses: s?.diagnoses ?? [],
          question: s?.question ?? '',
          submitted_at: null,
          due_at: null,
          due_measure: null,
          escalated_from_id: null,
          chain_root_id: id,
          escalation_reason: null,
          created_at: now,
        });
        if (input.attachmentIds?.length) await linkAttachments(tx, actor, input.attachmentIds, 'consult', id, input.patientId);
        await repo.insertEvent(tx, { consultId: id, at: now, actorUserId: actor.userId, actorInstitutionId: actor.institutionId, action: 'create', from: null, to: 'draft' });
        if (input.submit) row = await submitRow(tx, actor, row, null, now);
        const summary = await summaryOf(tx, id);
        await deps.audit.record(tx, actor, { action: input.submit ? 'consult.submit' : 'consult.create', entityType: 'consult', entityId: id, patientId: input.patientId, details: { status: row.status } });
        return summary;
      });
    },

    async updateDraft(actor: Actor, id: string, input: UpdateConsultDraftInput): Promise<ConsultDetailDto> {
      return transition(deps, actor, id, 'update_draft', input.version, async (tx, c) => {
        const targetInstitutionId = input.targetInstitutionId === undefined ? c.target_institution_id : input.targetInstitutionId;
        const refs = {
          targetInstitutionId,
          targetDepartmentId: input.targetDepartmentId === undefined ? c.target_department_id : input.targetDepartmentId,
          targetExpertUserId: input.targetExpertUserId === undefined ? c.target_expert_user_id : input.targetExpertUserId,
          consentId: input.consentId === undefined ? c.consent_id : input.consentId,
        };
        await checkRefs(tx, actor, c.patient_id, refs);
        if (input.attachmentIds?.length) await linkAttachments(tx, actor, input.attachmentIds, 'consult', id, c.patient_id);
        const s = input.summary;
        return {
          changes: {
            kind: input.kind,
            mode: input.mode,
            urgency: input.urgency,
            target_institution_id: refs.targetInstitutionId ?? null,
            target_department_id: refs.targetDepartmentId ?? null,
            target_expert_user_id: refs.targetExpertUserId ?? null,
            consent_id: refs.consentId ?? null,
            ...(s ? { chief_complaint: s.chiefComplaint, history: s.history, findings: s.findings, diagnoses: s.diagnoses, question: s.question } : {}),
          },
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        };
      });
    },

    async submit(actor: Actor, id: string, version: number, idempotencyKey?: string): Promise<ConsultDetailDto> {
      if (idempotencyKey) {
        // A retried submit returns the consult as it is now.
        const done = await db.transaction(async (tx) => {
          const rows = await tx.query<{ resource_id: string }>(`select resource_id from idempotency_keys where scope = 'consult.submit' and user_id = $1 and key = $2`, [actor.userId, idempotencyKey]);
          const existing = rows[0]?.resource_id;
          if (!existing) return undefined;
          if (existing !== id || !(await repo.isVisible(tx, existing, actor.institutionId))) throw consultError(409, 'idempotency_key_reused', '该幂等键已用于其他请求', 'This Idempotency-Key was used for another request');
          return readAudited(deps, tx, actor, id);
        });
        if (done) return done;
      }
      return db.transaction(async (tx) => {
        const c = await loadVisible(tx, actor, id, true);
        await authorise(tx, actor, c, 'submit', version);
        if (idempotencyKey) await idempotent(tx, 'consult.submit', actor.userId, idempotencyKey, id);
        await submitRow(tx, actor, c, version, clock.now());
        const detail = await buildDetail(tx, actor, id);
        await deps.audit.record(tx, actor, { action: 'consult.submit', entityType: 'consult', entityId: id, patientId: c.patient_id, details: { from: 'draft', to: 'submitted' } });
        return detail;
      });
    },

    async get(actor: Actor, id: string): Promise<ConsultDetailDto> {
      requireRole(actor, ...CLINICAL_ROLES);
      return db.transaction(async (tx) => {
        if (!(await repo.isVisible(tx, id, actor.institutionId))) throw consultNotFound();
        return readAudited(deps, tx, actor, id);
      });
    },

    async list(actor: Actor, q: ConsultQuery): Promise<Page<ConsultSummaryDto>> {
      requireRole(actor, ...CLINICAL_ROLES);
      return db.transaction(async (tx) => {
        const departmentIds = q.view === 'pool' ? await repo.departmentsOfUser(tx, actor.userId, actor.institutionId) : [];
        const { rows, total } = await repo.listConsults(tx, q, { institutionId: actor.institutionId, userId: actor.userId, departmentIds, now: clock.now() });
        await deps.audit.record(tx, actor, { action: 'consult.list', entityType: 'consult', details: { view: q.view, ids: rows.map((r) => r.id), patientIds: [...new Set(rows.map((r) => r.patient_id))] } });
        return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
      });
    },
  };
}
