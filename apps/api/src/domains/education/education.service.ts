import type { CreateEducationSessionInput, EducationQuery, EducationSessionDto, Page, RecordAttendanceInput } from '@yilian/contracts';
import type { Db } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import { agreementContext, isOperatingParty } from '../agreements/index.js';
import { consultVisibleTo } from '../consults/index.js';
import type { AuditLog } from '../audit/index.js';
import { practitionerInstitutions, usersHoldRolesAt } from '../institutions/index.js';
import { consultCitable, refreshOwnRollups } from '../metrics/index.js';
import * as repo from './education.repo.js';

const sessionNotFound = () => errors.notFound({ code: 'education.session_not_found', zh: '远程教育活动', en: 'Education session' });
const invalid = (code: string, zh: string, en: string) => new AppError(400, `education.${code}`, { zh, en });

/** A case summary shown to an audience must not carry identifiers: resident ID numbers or mobile numbers. */
export function looksIdentifying(text: string): boolean {
  return /\d{17}[\dXx]/.test(text) || /(?<!\d)1[3-9]\d{9}(?!\d)/.test(text);
}

export function createEducationService(deps: { db: Db; clock: Clock; audit: AuditLog }) {
  const { db, audit } = deps;

  return {
    async create(actor: Actor, input: CreateEducationSessionInput): Promise<EducationSessionDto> {
      const ctx = await agreementContext(db, actor, input.agreementId, true);
      if (!isOperatingParty(ctx, input.hostInstitutionId)) throw invalid('host_not_party', '主讲机构不是本协议的合作方', 'The host is not a party to this agreement');
      if (input.audienceInstitutionIds.some((id) => !ctx.parties.some((p) => p.institutionId === id))) {
        throw invalid('audience_not_party', '听众机构须为本协议的合作方', 'Audience institutions must be parties to the agreement');
      }
      const presenterIds = [...new Set(input.presenters.flatMap((p) => (p.practitionerId ? [p.practitionerId] : [])))];
      const presenters = presenterIds.length > 0 ? await practitionerInstitutions(db, presenterIds) : [];
      if (presenters.length !== presenterIds.length || presenters.some((p) => !ctx.parties.some((party) => party.institutionId === p.institution_id))) {
        throw invalid('presenter_not_party', '主讲人须为本协议合作方的医务人员', 'Presenters must be practitioners of a party to the agreement');
      }
      if (input.citedConsultId) {
        if (input.kind !== 'case_conference') throw invalid('citation_kind', '只有病例讨论可以引用会诊', 'Only a case conference may cite a consult');
        // Closed, routed under this agreement, and one the actor's institution took part in (requested, answered or
        // escalated): in an agreement of three or more parties, a party never cites the consults of two others.
        const citable = (await consultCitable(db, input.citedConsultId, input.agreementId)) && (await consultVisibleTo(db, input.citedConsultId, actor.institutionId));
        if (!citable) {
          throw invalid('consult_not_citable', '引用的会诊须为本机构参与的、本协议下已结束的会诊', 'The cited consult must be a closed consult under this agreement that your institution took part in');
        }
      }
      if (input.caseSummary && looksIdentifying(input.caseSummary)) {
        throw invalid('summary_identifying', '病例摘要中不得包含身份证号或手机号，请去标识化', 'The case summary must be de-identified (no ID or phone numbers)');
      }
      return db.transaction(async (tx) => {
        const row = await repo.insertSession(tx, input, actor.userId);
        await refreshOwnRollups(tx, input.agreementId, 'education');
        const [dto] = await repo.sessionDtos(tx, [row]);
        await audit.record(tx, actor, { action: 'education.session_create', entityType: 'education_session', entityId: row.id, details: { agreementId: input.agreementId, kind: input.kind } });
        return dto as EducationSessionDto;
      });
    },

    async recordAttendance(actor: Actor, id: string, input: RecordAttendanceInput): Promise<EducationSessionDto> {
      const row = await repo.findSession(db, id);
      if (!row) throw sessionNotFound();
      const ctx = await agreementContext(db, actor, row.agreement_id, false).catch(() => {
        throw sessionNotFound();
      });
      await agreementContext(db, actor, row.agreement_id, true);
      if (input.attendees.some((a) => !ctx.parties.some((p) => p.institutionId === a.institutionId))) {
        throw invalid('attendee_not_party', '参加人员的机构须为本协议的合作方', 'Attendees must belong to a party of the agreement');
      }
      const accounts = input.attendees.flatMap((a) => (a.userId ? [{ userId: a.userId, institutionId: a.institutionId }] : []));
      if (!(await usersHoldRolesAt(db, accounts))) {
        throw invalid('attendee_not_member', '参加人员的账号不属于所填机构', 'An attendee’s account does not belong to the institution given');
      }
      return db.transaction(async (tx) => {
        await repo.insertAttendance(tx, id, input.attendees);
        await refreshOwnRollups(tx, row.agreement_id, 'education');
        const [dto] = await repo.sessionDtos(tx, [row]);
        await audit.record(tx, actor, { action: 'education.attendance_record', entityType: 'education_session', entityId: id, details: { count: input.attendees.length } });
        return dto as EducationSessionDto;
      });
    },

    async list(actor: Actor, query: EducationQuery): Promise<Page<EducationSessionDto>> {
      await agreementContext(db, actor, query.agreementId, false);
      const { rows, total } = await repo.listSessions(db, query.agreementId, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: await repo.sessionDtos(db, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string): Promise<EducationSessionDto> {
      const row = await repo.findSession(db, id);
      if (!row) throw sessionNotFound();
      await agreementContext(db, actor, row.agreement_id, false).catch(() => {
        throw sessionNotFound();
      });
      return (await repo.sessionDtos(db, [row]))[0] as EducationSessionDto;
    },
  };
}

export type EducationService = ReturnType<typeof createEducationService>;
