import type { AddAssessmentInput, CreateTraineeInput, Page, TraineeDto, TraineeQuery } from '@yilian/contracts';
import type { CompleteTraineeInput, WithdrawTraineeInput } from '@yilian/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import { agreementContext, isOperatingParty } from '../agreements/index.js';
import type { AuditLog } from '../audit/index.js';
import { type PdfRenderer, refreshOwnRollups } from '../metrics/index.js';
import { certificateHtml } from './certificate.js';
import * as repo from './training.repo.js';

const traineeNotFound = () => errors.notFound({ code: 'training.trainee_not_found', zh: '进修人员', en: 'Trainee' });
const invalid = (code: string, zh: string, en: string) => new AppError(400, `training.${code}`, { zh, en });

export function createTrainingService(deps: { db: Db; clock: Clock; audit: AuditLog; pdf: PdfRenderer }) {
  const { db, audit } = deps;

  async function mustFind(actor: Actor, id: string, write: boolean) {
    const row = await repo.findTrainee(db, id);
    if (!row) throw traineeNotFound();
    await agreementContext(db, actor, row.agreement_id, false).catch(() => {
      throw traineeNotFound();
    });
    if (write) await agreementContext(db, actor, row.agreement_id, true);
    return row;
  }
  const one = async (row: repo.TraineeRow) => (await repo.traineeDtos(db, [row]))[0] as TraineeDto;

  return {
    async create(actor: Actor, input: CreateTraineeInput): Promise<TraineeDto> {
      const ctx = await agreementContext(db, actor, input.agreementId, true);
      if (input.endsOn < input.startsOn) throw invalid('dates_invalid', '结束日期早于开始日期', 'The period ends before it starts');
      if (!isOperatingParty(ctx, input.homeInstitutionId) || !isOperatingParty(ctx, input.hostInstitutionId) || input.homeInstitutionId === input.hostInstitutionId) {
        throw invalid('institutions_not_parties', '派出机构和接收机构须为本协议的两个不同合作方', 'Home and host must be two different parties to the agreement');
      }
      for (const [dept, inst] of [
        [input.homeDepartmentId, input.homeInstitutionId],
        [input.hostDepartmentId, input.hostInstitutionId],
      ] as const) {
        if (dept && (await repo.departmentInstitution(db, dept)) !== inst) throw errors.notFound({ code: 'department.not_found', zh: '科室', en: 'Department' });
      }
      if (input.supervisorPractitionerId && (await repo.practitionerInstitution(db, input.supervisorPractitionerId)) !== input.hostInstitutionId) {
        throw invalid('supervisor_not_host', '指导老师须为接收机构的医师', 'The supervisor must work at the host institution');
      }
      for (const r of input.rotationPlan) {
        if (r.startsOn < input.startsOn || r.endsOn > input.endsOn || r.endsOn < r.startsOn) throw invalid('rotation_outside', '轮转安排须在进修期间内', 'Rotations must lie within the training period');
      }
      return db.transaction(async (tx) => {
        const id = await repo.insertTrainee(tx, input, actor.userId);
        await refreshOwnRollups(tx, input.agreementId, 'training');
        const row = (await repo.findTrainee(tx, id)) as repo.TraineeRow;
        const [dto] = await repo.traineeDtos(tx, [row]);
        await audit.record(tx, actor, { action: 'training.trainee_create', entityType: 'trainee', entityId: id, details: { agreementId: input.agreementId } });
        return dto as TraineeDto;
      });
    },

    async list(actor: Actor, query: TraineeQuery): Promise<Page<TraineeDto>> {
      await agreementContext(db, actor, query.agreementId, false);
      const { rows, total } = await repo.listTrainees(db, query);
      return { items: await repo.traineeDtos(db, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string): Promise<TraineeDto> {
      return one(await mustFind(actor, id, false));
    },

    async addAssessment(actor: Actor, id: string, input: AddAssessmentInput): Promise<TraineeDto> {
      const row = await mustFind(actor, id, true);
      if (row.status !== 'in_training') throw errors.illegalTransition(row.status, 'assess');
      if (input.onDate < row.starts_on) throw invalid('assessment_before_start', '考核日期早于进修开始日期', 'The assessment is before the training started');
      return db.transaction(async (tx) => {
        await repo.insertAssessment(tx, id, input, actor.userId);
        const [dto] = await repo.traineeDtos(tx, [row]);
        await audit.record(tx, actor, { action: 'training.assessment_add', entityType: 'trainee', entityId: id, details: { kind: input.kind, result: input.result } });
        return dto as TraineeDto;
      });
    },

    async complete(actor: Actor, id: string, input: z.output<typeof CompleteTraineeInput>): Promise<TraineeDto> {
      const row = await mustFind(actor, id, true);
      if (row.status !== 'in_training') throw errors.illegalTransition(row.status, 'complete');
      if (input.completedOn < row.starts_on) throw invalid('completed_before_start', '结业日期早于进修开始日期', 'Completion is before the training started');
      const dto = await one(row);
      if (dto.assessments.some((a) => a.kind === 'final' && a.result === 'fail') || !dto.assessments.some((a) => a.kind === 'final' && a.result !== 'fail')) {
        throw new AppError(409, 'training.final_assessment_missing', { zh: '须有通过的结业考核才能结业', en: 'A passed final assessment is required to complete' });
      }
      const code = await repo.agreementCode(db, row.agreement_id);
      const certificateNo = `${code}-${input.completedOn.replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`;
      return db.transaction(async (tx) => {
        if (!(await repo.setStatus(tx, id, input.version, 'completed', input.completedOn, certificateNo))) throw errors.versionConflict(row.version);
        await refreshOwnRollups(tx, row.agreement_id, 'training');
        const [out] = await repo.traineeDtos(tx, [(await repo.findTrainee(tx, id)) as repo.TraineeRow]);
        await audit.record(tx, actor, { action: 'training.trainee_complete', entityType: 'trainee', entityId: id, details: { certificateNo } });
        return out as TraineeDto;
      });
    },

    async withdraw(actor: Actor, id: string, input: z.output<typeof WithdrawTraineeInput>): Promise<TraineeDto> {
      const row = await mustFind(actor, id, true);
      if (row.status !== 'in_training') throw errors.illegalTransition(row.status, 'withdraw');
      return db.transaction(async (tx) => {
        if (!(await repo.setStatus(tx, id, input.version, 'withdrawn', null, null))) throw errors.versionConflict(row.version);
        await refreshOwnRollups(tx, row.agreement_id, 'training');
        const [out] = await repo.traineeDtos(tx, [(await repo.findTrainee(tx, id)) as repo.TraineeRow]);
        await audit.record(tx, actor, { action: 'training.trainee_withdraw', entityType: 'trainee', entityId: id, details: { reason: input.reason } });
        return out as TraineeDto;
      });
    },

    /** The completion certificate as a PDF (only once completed). */
    async certificate(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
      const row = await mustFind(actor, id, false);
      if (row.status !== 'completed') throw new AppError(409, 'training.not_completed', { zh: '进修尚未结业，无结业证书', en: 'No certificate before completion' });
      const title = (await db.query<{ title_zh: string }>('select title_zh from agreements where id = $1', [row.agreement_id]))[0]?.title_zh ?? '';
      const pdf = await deps.pdf.render(certificateHtml(await one(row), title));
      await db.transaction((tx) => audit.record(tx, actor, { action: 'training.certificate_download', entityType: 'trainee', entityId: id }));
      return { fileName: `certificate-${row.certificate_no}.pdf`, pdf };
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
