import type {
  AgreementDto,
  AgreementQuery,
  AgreementSummaryDto,
  AgreementVersionDto,
  AmendAgreementInput,
  CreateAgreementInput,
  EndAgreementInput,
  Page,
} from '@yilian/contracts';
import { type Db, PG_UNIQUE_VIOLATION, pgErrorCode, type Queryable } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import type { AuditLog } from '../audit/index.js';
import type { DocumentService } from '../documents/index.js';
import { auditedDocument, documentOf, linkDocument, registerAgreementDocuments } from './agreements.document.js';
import { accessTo, supervisedScope } from './agreements.policy.js';
import * as repo from './agreements.repo.js';

export const agreementNotFound = () => errors.notFound({ code: 'agreement.not_found', zh: '协议', en: 'Agreement' });
const invalid = (code: string, zh: string, en: string) => new AppError(400, `agreement.${code}`, { zh, en });

type Shape = Pick<CreateAgreementInput, 'startsOn' | 'endsOn' | 'parties' | 'phases' | 'targets'>;

/** Checks the parts of an agreement that the schema cannot: roles present, dates inside the term, phase references. */
function checkShape(s: Shape): void {
  if (s.endsOn < s.startsOn) throw invalid('term_invalid', '协议终止日期早于起始日期', 'The agreement ends before it starts');
  const ids = s.parties.map((p) => p.institutionId);
  if (new Set(ids).size !== ids.length) throw invalid('duplicate_party', '同一机构不能重复列为协议方', 'An institution is listed twice');
  if (!s.parties.some((p) => p.role === 'assisting') || !s.parties.some((p) => p.role === 'assisted')) {
    throw invalid('parties_incomplete', '协议须至少有一个帮扶方和一个受援方', 'An agreement needs at least one assisting and one assisted party');
  }
  for (const p of s.phases) {
    if (p.endsOn < p.startsOn || p.startsOn < s.startsOn || p.endsOn > s.endsOn) {
      throw invalid('phase_outside_term', `阶段“${p.nameZh}”的日期须在协议期限内`, `Phase "${p.nameEn}" must lie within the term`);
    }
  }
  for (const t of s.targets) {
    if (t.phase !== undefined && t.year !== undefined) throw invalid('target_period', '指标只能按年度或按阶段设定', 'A target is per year or per phase, not both');
    if (t.phase !== undefined && t.phase > s.phases.length) throw invalid('target_phase', `指标引用了不存在的第 ${t.phase} 阶段`, `A target refers to phase ${t.phase}, which does not exist`);
    if (t.year !== undefined && (t.year < Number(s.startsOn.slice(0, 4)) || t.year > Number(s.endsOn.slice(0, 4)))) {
      throw invalid('target_year', `指标年度 ${t.year} 不在协议期限内`, `Target year ${t.year} is outside the term`);
    }
  }
}

export function createAgreementService(deps: { db: Db; clock: Clock; audit: AuditLog; documents: Pick<DocumentService, 'registerOwner'> }) {
  const { db, clock, audit } = deps;
  registerAgreementDocuments(deps.documents);

  async function mustSee(q: Queryable, actor: Actor, id: string) {
    const row = await repo.findAgreement(q, id);
    if (!row) throw agreementNotFound();
    const access = await accessTo(q, actor, id);
    if (!access.see) throw agreementNotFound();
    return { row, access };
  }

  async function dto(q: Queryable, actor: Actor, row: repo.AgreementRow): Promise<AgreementDto> {
    const access = await accessTo(q, actor, row.id);
    const document = await documentOf(q, row.id, row.document_attachment_id);
    return { ...(await repo.loadAgreement(q, row)), document, can: { amend: access.amend, record: access.record } };
  }

  /** The creator must be a party, or the program manager of a supervising authority named in it. */
  async function requireMayCreate(actor: Actor, parties: CreateAgreementInput['parties']) {
    requireRole(actor, 'leader');
    const scope = await supervisedScope(db, actor);
    const ok = parties.some((p) => p.institutionId === actor.institutionId || (p.role === 'supervising' && scope.includes(p.institutionId)));
    if (!ok) throw errors.forbidden();
    if (!(await repo.institutionsExist(db, parties.map((p) => p.institutionId)))) {
      throw errors.notFound({ code: 'institution.not_found', zh: '机构', en: 'Institution' });
    }
  }

  return {
    async list(actor: Actor, query: AgreementQuery): Promise<Page<AgreementSummaryDto>> {
      const { rows, total } = await repo.searchAgreements(db, actor.institutionId, await supervisedScope(db, actor), query);
      const parties = await repo.partiesOf(db, rows.map((r) => r.id));
      return { items: rows.map((r) => repo.toSummary(r, parties)), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string): Promise<AgreementDto> {
      const { row } = await mustSee(db, actor, id);
      return dto(db, actor, row);
    },

    async versions(actor: Actor, id: string): Promise<AgreementVersionDto[]> {
      await mustSee(db, actor, id);
      return (await repo.versionsOf(db, id)).map((v) => ({ version: v.version, reason: v.reason, changedBy: v.changed_by, changedAt: v.changed_at.toISOString(), snapshot: v.snapshot }));
    },

    async create(actor: Actor, input: CreateAgreementInput): Promise<AgreementDto> {
      checkShape(input);
      await requireMayCreate(actor, input.parties);
      return db.transaction(async (tx) => {
        let row: repo.AgreementRow;
        try {
          row = await repo.insertAgreement(tx, input, actor.userId);
        } catch (error) {
          if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw errors.duplicate('code');
          throw error;
        }
        const document = input.documentAttachmentId ? await linkDocument(tx, actor, row.id, input.documentAttachmentId) : null;
        await repo.replaceParties(tx, row.id, input.parties);
        await repo.replacePhasesAndTargets(tx, row.id, input.phases, input.targets);
        const result = await dto(tx, actor, row);
        await audit.record(tx, actor, {
          action: 'agreement.create',
          entityType: 'agreement',
          entityId: row.id,
          details: { code: row.code, targets: input.targets.length, document: auditedDocument(document) },
        });
        return result;
      });
    },

    async amend(actor: Actor, id: string, input: AmendAgreementInput): Promise<AgreementDto> {
      const { row, access } = await mustSee(db, actor, id);
      if (!access.amend) throw errors.forbidden();
      if (row.status === 'ended') throw errors.illegalTransition(row.status, 'amend');
      const current = await repo.loadAgreement(db, row);
      const { version, reason, parties, phases, targets, ...fields } = input;
      const next: Shape = {
        startsOn: fields.startsOn ?? row.starts_on,
        endsOn: fields.endsOn ?? row.ends_on,
        parties: parties ?? current.parties.map((p) => ({ institutionId: p.institutionId, role: p.role })),
        phases: phases ?? current.phases.map((p) => ({ nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn })),
        targets: targets ?? current.targets.map((t) => {
          const phase = current.phases.find((p) => p.id === t.phaseId)?.seq;
          return { metric: t.metric, comparison: t.comparison, value: t.value, ...(t.year === null ? {} : { year: t.year }), ...(phase === undefined ? {} : { phase }) };
        }),
      };
      checkShape(next);
      if (parties) await requireMayCreate(actor, parties);
      return db.transaction(async (tx) => {
        const updated = await repo.updateAgreement(tx, id, version, fields, clock.now());
        if (!updated) throw errors.versionConflict(row.version);
        await repo.insertVersion(tx, id, row.version, current, reason, actor.userId, clock.now());
        // A new text is linked to the agreement; null only detaches the current one (it stays owned, see agreements.document.ts).
        const { documentAttachmentId } = fields;
        const replaced = documentAttachmentId !== undefined && documentAttachmentId !== row.document_attachment_id;
        const document = replaced && documentAttachmentId ? await linkDocument(tx, actor, id, documentAttachmentId) : null;
        if (parties) await repo.replaceParties(tx, id, parties);
        await repo.replacePhasesAndTargets(tx, id, phases, targets);
        const result = await dto(tx, actor, updated);
        const changed = Object.keys(input).filter((k) => k !== 'version' && k !== 'reason');
        const documentChange = replaced ? { document: { from: row.document_attachment_id, to: auditedDocument(document) } } : {};
        await audit.record(tx, actor, { action: 'agreement.amend', entityType: 'agreement', entityId: id, details: { fromVersion: row.version, fields: changed, reason, ...documentChange } });
        return result;
      });
    },

    async end(actor: Actor, id: string, input: EndAgreementInput): Promise<AgreementDto> {
      const { row, access } = await mustSee(db, actor, id);
      if (!access.amend) throw errors.forbidden();
      if (row.status === 'ended') throw errors.illegalTransition(row.status, 'end');
      if (input.endedOn < row.starts_on) throw invalid('end_before_start', '终止日期早于协议起始日期', 'The end date is before the agreement starts');
      const current = await repo.loadAgreement(db, row);
      return db.transaction(async (tx) => {
        const updated = await repo.updateAgreement(tx, id, input.version, { status: 'ended', endedOn: input.endedOn, endReason: input.reason }, clock.now());
        if (!updated) throw errors.versionConflict(row.version);
        await repo.insertVersion(tx, id, row.version, current, input.reason, actor.userId, clock.now());
        const result = await dto(tx, actor, updated);
        await audit.record(tx, actor, { action: 'agreement.end', entityType: 'agreement', entityId: id, details: { endedOn: input.endedOn, reason: input.reason } });
        return result;
      });
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
