import type {
  AddActivitiesInput,
  BatchQuery,
  CreateBatchInput,
  CreateTechniqueInput,
  DispatchBatchDto,
  Page,
  RecordIndependentInput,
  TechniqueDto,
} from '@yilian/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import { agreementContext, isOperatingParty, type RecordingContext } from '../agreements/index.js';
import type { AuditLog } from '../audit/index.js';
import { practitionerInstitutions } from '../institutions/index.js';
import { refreshOwnRollups } from '../metrics/index.js';
import * as repo from './dispatch.repo.js';

const batchNotFound = () => errors.notFound({ code: 'dispatch.batch_not_found', zh: '派驻批次', en: 'Dispatch batch' });
const techniqueNotFound = () => errors.notFound({ code: 'dispatch.technique_not_found', zh: '新技术项目', en: 'Technique' });
const invalid = (code: string, zh: string, en: string) => new AppError(400, `dispatch.${code}`, { zh, en });

function checkHost(ctx: RecordingContext, hostId: string): void {
  if (!isOperatingParty(ctx, hostId)) throw invalid('host_not_party', '接收机构不是本协议的合作方', 'The host institution is not a party to this agreement');
}

export function createDispatchService(deps: { db: Db; clock: Clock; audit: AuditLog }) {
  const { db, audit } = deps;

  async function hostDepartment(hostId: string, departmentId: string | undefined) {
    if (departmentId && (await repo.departmentInstitution(db, departmentId)) !== hostId) {
      throw errors.notFound({ code: 'department.not_found', zh: '科室', en: 'Department' });
    }
  }

  function checkActivities(batch: { startsOn: string; endsOn: string; memberIds: string[] }, activities: z.output<typeof AddActivitiesInput>['activities']) {
    for (const a of activities) {
      if (a.onDate < batch.startsOn || a.onDate > batch.endsOn) throw invalid('activity_outside_batch', '活动日期不在派驻期间内', 'The activity date is outside the batch dates');
      if (a.practitionerId && !batch.memberIds.includes(a.practitionerId)) throw invalid('activity_not_member', '活动专家不在本批次中', 'The expert is not a member of this batch');
    }
  }

  return {
    async createBatch(actor: Actor, input: CreateBatchInput): Promise<DispatchBatchDto> {
      const ctx = await agreementContext(db, actor, input.agreementId, true);
      if (input.endsOn < input.startsOn) throw invalid('dates_invalid', '结束日期早于开始日期', 'The batch ends before it starts');
      if (input.startsOn < ctx.startsOn || input.startsOn > ctx.endsOn) throw invalid('outside_term', '派驻开始日期不在协议期限内', 'The batch starts outside the agreement term');
      checkHost(ctx, input.hostInstitutionId);
      await hostDepartment(input.hostInstitutionId, input.hostDepartmentId);
      const memberIds = input.members.map((m) => m.practitionerId);
      if (new Set(memberIds).size !== memberIds.length) throw invalid('duplicate_member', '同一专家重复列出', 'An expert is listed twice');
      const found = await practitionerInstitutions(db, memberIds);
      if (found.length !== memberIds.length) throw errors.notFound({ code: 'practitioner.not_found', zh: '医师', en: 'Practitioner' });
      const sending = [...new Set(found.map((p) => p.institution_id))];
      if (sending.length !== 1 || !sending[0] || !isOperatingParty(ctx, sending[0]) || sending[0] === input.hostInstitutionId) {
        throw invalid('members_not_party', '派驻专家须来自同一个协议合作方，且不是接收机构', 'Experts must all come from one party other than the host');
      }
      checkActivities({ startsOn: input.startsOn, endsOn: input.endsOn, memberIds }, input.activities);
      return db.transaction(async (tx) => {
        const batchNo = await repo.nextBatchNo(tx, input.agreementId);
        const id = await repo.insertBatch(tx, input, batchNo, sending[0] as string, actor.userId);
        await repo.insertActivities(tx, id, input.activities, actor.userId);
        await refreshOwnRollups(tx, input.agreementId, 'dispatch');
        const [dto] = await repo.batchDtos(tx, [(await repo.findBatch(tx, id)) as NonNullable<Awaited<ReturnType<typeof repo.findBatch>>>]);
        await audit.record(tx, actor, { action: 'dispatch.batch_create', entityType: 'dispatch_batch', entityId: id, details: { agreementId: input.agreementId, batchNo, members: memberIds.length, activities: input.activities.length } });
        return dto as DispatchBatchDto;
      });
    },

    async addActivities(actor: Actor, batchId: string, input: z.output<typeof AddActivitiesInput>): Promise<DispatchBatchDto> {
      const batch = await repo.findBatch(db, batchId);
      if (!batch) throw batchNotFound();
      const ctx = await agreementContext(db, actor, batch.agreement_id, false).catch(() => {
        throw batchNotFound();
      });
      await agreementContext(db, actor, ctx.agreementId, true);
      const [current] = await repo.batchDtos(db, [batch]);
      checkActivities({ startsOn: batch.starts_on, endsOn: batch.ends_on, memberIds: current?.members.map((m) => m.practitionerId) ?? [] }, input.activities);
      return db.transaction(async (tx) => {
        await repo.insertActivities(tx, batchId, input.activities, actor.userId);
        await refreshOwnRollups(tx, batch.agreement_id, 'dispatch');
        const [dto] = await repo.batchDtos(tx, [batch]);
        await audit.record(tx, actor, { action: 'dispatch.activities_add', entityType: 'dispatch_batch', entityId: batchId, details: { count: input.activities.length } });
        return dto as DispatchBatchDto;
      });
    },

    async listBatches(actor: Actor, query: BatchQuery): Promise<Page<DispatchBatchDto>> {
      await agreementContext(db, actor, query.agreementId, false);
      const { rows, total } = await repo.listBatches(db, query.agreementId, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: await repo.batchDtos(db, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async getBatch(actor: Actor, id: string): Promise<DispatchBatchDto> {
      const batch = await repo.findBatch(db, id);
      if (!batch) throw batchNotFound();
      await agreementContext(db, actor, batch.agreement_id, false).catch(() => {
        throw batchNotFound();
      });
      return (await repo.batchDtos(db, [batch]))[0] as DispatchBatchDto;
    },

    async createTechnique(actor: Actor, input: CreateTechniqueInput): Promise<TechniqueDto> {
      const ctx = await agreementContext(db, actor, input.agreementId, true);
      checkHost(ctx, input.hostInstitutionId);
      await hostDepartment(input.hostInstitutionId, input.hostDepartmentId);
      if (input.firstIndependentOn && input.firstIndependentOn < input.introducedOn) throw invalid('independent_before_introduced', '独立开展日期早于引进日期', 'Independent use cannot precede introduction');
      if (input.batchId) {
        const batch = await repo.findBatch(db, input.batchId);
        if (!batch || batch.agreement_id !== input.agreementId) throw batchNotFound();
      }
      return db.transaction(async (tx) => {
        const row = await repo.insertTechnique(tx, input, actor.userId);
        await refreshOwnRollups(tx, input.agreementId, 'dispatch');
        await audit.record(tx, actor, { action: 'dispatch.technique_create', entityType: 'dispatch_technique', entityId: row.id, details: { agreementId: input.agreementId } });
        return repo.toTechniqueDto(row);
      });
    },

    async recordIndependent(actor: Actor, id: string, input: z.output<typeof RecordIndependentInput>): Promise<TechniqueDto> {
      const t = await repo.findTechnique(db, id);
      if (!t) throw techniqueNotFound();
      await agreementContext(db, actor, t.agreement_id, false).catch(() => {
        throw techniqueNotFound();
      });
      await agreementContext(db, actor, t.agreement_id, true);
      if (input.firstIndependentOn < t.introduced_on) throw invalid('independent_before_introduced', '独立开展日期早于引进日期', 'Independent use cannot precede introduction');
      return db.transaction(async (tx) => {
        const row = await repo.setIndependent(tx, id, input.version, input.firstIndependentOn);
        if (!row) throw errors.versionConflict(t.version);
        await refreshOwnRollups(tx, t.agreement_id, 'dispatch');
        await audit.record(tx, actor, { action: 'dispatch.technique_independent', entityType: 'dispatch_technique', entityId: id, details: { on: input.firstIndependentOn } });
        return repo.toTechniqueDto(row);
      });
    },

    async listTechniques(actor: Actor, agreementId: string): Promise<TechniqueDto[]> {
      await agreementContext(db, actor, agreementId, false);
      return (await repo.listTechniques(db, agreementId)).map(repo.toTechniqueDto);
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
