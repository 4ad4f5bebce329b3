import type {
  CreateReferralInput,
  GreenCategoryDto,
  Page,
  ReferralDto,
  ReferralQuery,
  ReferralSettingsDto,
  ReferralSummaryDto,
  WardOccupancyDto,
} from '@yilian/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import { errors } from '../../http/errors.js';
import { departmentNotFound, findDepartment, findInstitution, institutionNotFound } from '../institutions/index.js';
import { linkAttachments } from '../documents/index.js';
import { assertCanSeePatient, grantPatientAccess, recordConsent } from '../patients/index.js';
import * as beds from './beds.repo.js';
import { JOBS, notifySide, type ReferralDeps, writeEvents } from './referrals.core.js';
import { patientBriefs, toDetailDto, toSummaryDto } from './referrals.dto.js';
import { referralErrors } from './referrals.errors.js';
import { mustSee, referralNotFound, requireActingRole, wrongSide } from './referrals.policy.js';
import * as repo from './referrals.repo.js';
import type { ReferralRow } from './referrals.repo.js';
import { directionOf, isLegal } from './referrals.workflow.js';

type CreateInput = z.output<typeof CreateReferralInput>;

const today = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function createReferralService(deps: ReferralDeps) {
  const { db, clock, jobs, audit } = deps;

  async function detail(tx: Tx, id: string, actor: Actor): Promise<ReferralDto> {
    const row = await repo.findReferralListRow(tx, id);
    if (!row) throw referralNotFound();
    return toDetailDto(tx, row, actor);
  }

  /** draft → submitted: agreement resolved, receiver granted access to the patient, timers queued. */
  async function submitRow(tx: Tx, actor: Actor, row: ReferralRow, now: Date): Promise<ReferralRow> {
    const agreementId = await repo.activeAgreementBetween(tx, row.from_institution_id, row.to_institution_id, today(now));
    if (row.direction === 'lateral' && !agreementId) throw referralErrors.lateralNeedsAgreement();
    let responseDueAt: Date | null = null;
    if (row.green_channel) {
      const category = (await repo.greenCategories(tx)).find((c) => c.code === row.green_category && c.active);
      if (!category) throw referralErrors.greenCategoryRequired();
      responseDueAt = new Date(now.getTime() + category.responseMinutes * 60_000);
      await jobs.enqueue(tx, JOBS.greenCheck, { referralId: row.id }, responseDueAt);
    }
    const settings = await repo.settingsFor(tx, row.to_institution_id);
    await jobs.enqueue(tx, JOBS.loopCheck, { referralId: row.id }, new Date(now.getTime() + settings.openLoopDays * 86_400_000));
    await grantPatientAccess(tx, row.patient_id, row.to_institution_id, 'referral', row.id);
    const updated = await repo.updateReferral(tx, row.id, { status: 'submitted', submittedAt: now, agreementId, responseDueAt }, now);
    await writeEvents(tx, row, actor, now, [{ action: 'submit', from: 'draft', to: 'submitted', details: { agreementId, greenChannel: row.green_channel } }]);
    await notifySide(deps, tx, updated, 'receiver', row.green_channel ? 'green_submitted' : 'submitted');
    return updated;
  }

  /** Runs `fn` once per (scope, user, key); a retry returns the first result's referral. */
  async function idempotent(tx: Tx, actor: Actor, scope: string, key: string | undefined, fn: () => Promise<string>): Promise<{ id: string; replay: boolean }> {
    if (!key) return { id: await fn(), replay: false };
    const claim = await repo.idempotentClaim(tx, scope, actor.userId, key);
    if (!claim.claimed) {
      if (!claim.resourceId) throw referralErrors.idempotencyKeyReused();
      return { id: claim.resourceId, replay: true };
    }
    const id = await fn();
    await repo.idempotentStore(tx, scope, actor.userId, key, id);
    return { id, replay: false };
  }

  async function validateCreate(actor: Actor, input: CreateInput) {
    requireActingRole(actor);
    if (input.toInstitutionId === actor.institutionId) throw referralErrors.sameInstitution();
    const [from, to, dept] = await Promise.all([
      findInstitution(db, actor.institutionId),
      findInstitution(db, input.toInstitutionId),
      findDepartment(db, input.toDepartmentId),
    ]);
    if (!from || !to) throw institutionNotFound();
    if (!dept) throw departmentNotFound();
    if (dept.institution_id !== to.id) throw referralErrors.departmentMismatch();
    if (input.fromDepartmentId) {
      const own = await findDepartment(db, input.fromDepartmentId);
      if (!own || own.institution_id !== actor.institutionId) throw departmentNotFound();
    }
    if (input.greenChannel && !input.greenCategory) throw referralErrors.greenCategoryRequired();
    if (!input.greenChannel && input.greenCategory) throw referralErrors.greenCategoryWithoutChannel();
    if (input.greenCategory) {
      const category = (await repo.greenCategories(db)).find((c) => c.code === input.greenCategory && c.active);
      if (!category) throw referralErrors.greenCategoryRequired();
    }
    const direction = directionOf(from.tier, to.tier);
    if (direction === 'down' && !input.followUpPlan) throw referralErrors.followUpPlanRequired();
    if (direction === 'lateral' && !(await repo.activeAgreementBetween(db, from.id, to.id, today(clock.now())))) {
      throw referralErrors.lateralNeedsAgreement();
    }
    return { direction };
  }

  return {
    async create(actor: Actor, input: CreateInput, idempotencyKey?: string): Promise<ReferralDto> {
      const { direction } = await validateCreate(actor, input);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const { id, replay } = await idempotent(tx, actor, 'referral.create', idempotencyKey, async () => {
          await assertCanSeePatient(tx, actor.institutionId, input.patientId);
          if (input.consultId && !(await deps.consultVisible?.(tx, actor.institutionId, input.consultId))) {
            // Without a consults domain wired, a consult id cannot be checked and is refused.
            throw referralErrors.consultNotFound();
          }
          const consent = await recordConsent(
            tx,
            actor,
            input.patientId,
            { scope: 'referral', method: input.consent.method, witnessName: input.consent.witnessName, documentId: input.consent.documentId },
            now,
          );
          let row = await repo.insertReferral(tx, {
            patientId: input.patientId,
            fromInstitutionId: actor.institutionId,
            fromDepartmentId: input.fromDepartmentId ?? null,
            toInstitutionId: input.toInstitutionId,
            toDepartmentId: input.toDepartmentId,
            createdBy: actor.userId,
            direction,
            greenChannel: input.greenChannel,
            greenCategory: input.greenCategory ?? null,
            urgency: input.urgency,
            consultId: input.consultId ?? null,
            consentId: consent.id,
            reason: input.reason,
            diagnoses: input.diagnoses,
            summary: input.summary,
            attachmentIds: [...new Set(input.attachmentIds)],
            followUpPlan: input.followUpPlan ?? null,
            now,
          });
          await linkAttachments(tx, actor, input.attachmentIds, 'referral', row.id, row.patient_id);
          await writeEvents(tx, row, actor, now, [{ action: 'create', from: null, to: 'draft', details: { direction, consultId: row.consult_id } }]);
          if (input.submit) row = await submitRow(tx, actor, row, now);
          return row.id;
        });
        const dto = await detail(tx, id, actor);
        mustSee(await repo.findReferral(tx, id), actor);
        await audit.record(tx, actor, {
          action: replay ? 'referral.create_replay' : 'referral.create',
          entityType: 'referral',
          entityId: id,
          patientId: dto.patient.id,
          details: { direction: dto.direction, submitted: dto.status !== 'draft', greenChannel: dto.greenChannel },
        });
        return dto;
      });
    },

    async submit(actor: Actor, id: string, version: number, idempotencyKey?: string): Promise<ReferralDto> {
      requireActingRole(actor);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const { replay } = await idempotent(tx, actor, 'referral.submit', idempotencyKey, async () => {
          const { row, side } = mustSee(await repo.findReferral(tx, id, true), actor);
          if (side !== 'sender') throw wrongSide();
          if (row.version !== version) throw errors.versionConflict(row.version);
          if (!isLegal('submit', row.status)) throw errors.illegalTransition(row.status, 'submit');
          await submitRow(tx, actor, row, now);
          return id;
        }).then((r) => {
          if (r.id !== id) throw referralErrors.idempotencyKeyReused();
          return r;
        });
        const dto = await detail(tx, id, actor);
        mustSee(await repo.findReferral(tx, id), actor);
        await audit.record(tx, actor, { action: replay ? 'referral.submit_replay' : 'referral.submit', entityType: 'referral', entityId: id, patientId: dto.patient.id });
        return dto;
      });
    },

    async list(actor: Actor, query: ReferralQuery): Promise<Page<ReferralSummaryDto>> {
      return db.transaction(async (tx) => {
        const { rows, total } = await repo.searchReferrals(tx, actor.institutionId, query, clock.now());
        const patients = await patientBriefs(tx, rows.map((r) => r.patient_id));
        const items = rows.map((r) => toSummaryDto(r, patients.get(r.patient_id)));
        await audit.record(tx, actor, {
          action: 'referral.list',
          entityType: 'referral',
          details: { box: query.box, count: items.length, patientIds: [...new Set(rows.map((r) => r.patient_id))] },
        });
        return { items, total, page: query.page, pageSize: query.pageSize };
      });
    },

    async get(actor: Actor, id: string): Promise<ReferralDto> {
      return db.transaction(async (tx) => {
        const { row } = mustSee(await repo.findReferral(tx, id), actor);
        const dto = await detail(tx, id, actor);
        await audit.record(tx, actor, { action: 'referral.read', entityType: 'referral', entityId: id, patientId: row.patient_id });
        return dto;
      });
    },

    async greenCategories(_actor: Actor): Promise<GreenCategoryDto[]> {
      return repo.greenCategories(db);
    },

    /** Network admins (an admin at a root of the network tree) tune the green-channel categories. */
    async updateGreenCategory(actor: Actor, code: string, input: { nameZh?: string | undefined; nameEn?: string | undefined; responseMinutes?: number | undefined; active?: boolean | undefined }): Promise<GreenCategoryDto[]> {
      requireRole(actor, 'admin');
      const own = await findInstitution(db, actor.institutionId);
      if (!own || own.parent_id !== null) throw errors.forbidden();
      return db.transaction(async (tx) => {
        if (!(await repo.updateGreenCategory(tx, code, input))) throw errors.notFound({ code: 'referral.green_category_not_found', zh: '绿色通道类别', en: 'Green-channel category' });
        await audit.record(tx, actor, { action: 'referral.green_category_update', entityType: 'referral_green_category', entityId: code, details: { ...input } });
        return repo.greenCategories(tx);
      });
    },

    async settings(actor: Actor): Promise<ReferralSettingsDto> {
      return repo.settingsFor(db, actor.institutionId);
    },

    async updateSettings(actor: Actor, input: { bedHoldMinutes?: number | undefined; openLoopDays?: number | undefined; followUpGraceDays?: number | undefined }): Promise<ReferralSettingsDto> {
      requireRole(actor, 'admin');
      return db.transaction(async (tx) => {
        const current = await repo.settingsFor(tx, actor.institutionId);
        const next = await repo.upsertSettings(
          tx,
          actor.institutionId,
          {
            institutionId: actor.institutionId,
            bedHoldMinutes: input.bedHoldMinutes ?? current.bedHoldMinutes,
            openLoopDays: input.openLoopDays ?? current.openLoopDays,
            followUpGraceDays: input.followUpGraceDays ?? current.followUpGraceDays,
          },
          clock.now(),
        );
        await audit.record(tx, actor, { action: 'referral.settings_update', entityType: 'referral_settings', entityId: actor.institutionId, details: { ...input } });
        return next;
      });
    },

    /** The ward board: every bed of the actor's institution (or one ward) as free / held / occupied. */
    async occupancy(actor: Actor, wardId?: string): Promise<WardOccupancyDto[]> {
      const wards = await beds.occupancy(db, actor.institutionId, clock.now(), wardId);
      if (wardId && wards.length === 0) throw referralErrors.wardNotFound();
      return wards;
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
