import type {
  AddBedsInput,
  CreateDepartmentInput,
  CreateInstitutionInput,
  CreatePractitionerInput,
  CreateWardInput,
  DepartmentDto,
  InstitutionDetailDto,
  InstitutionDto,
  InstitutionQuery,
  Page,
  PractitionerDto,
  UpdateDepartmentInput,
  UpdateInstitutionInput,
  UpdatePractitionerInput,
  WardDto,
} from '@yilian/contracts';
import type { z } from 'zod';
import { type Db, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import type { AuditLog } from '../audit/index.js';
import { requireAdminOver } from './institutions.policy.js';
import * as repo from './institutions.repo.js';

export const institutionNotFound = () => errors.notFound({ code: 'institution.not_found', zh: '机构', en: 'Institution' });
export const departmentNotFound = () => errors.notFound({ code: 'department.not_found', zh: '科室', en: 'Department' });
const wardNotFound = () => errors.notFound({ code: 'ward.not_found', zh: '病区', en: 'Ward' });
const practitionerNotFound = () => errors.notFound({ code: 'practitioner.not_found', zh: '医师', en: 'Practitioner' });
const userNotMember = () =>
  new AppError(400, 'practitioner.user_not_member', {
    zh: '只能关联在本机构有角色的用户账号',
    en: 'Only a user with a role at this institution can be linked',
  });
const parentCycle = () =>
  new AppError(400, 'institution.parent_cycle', { zh: '上级机构不能是本机构或其下级', en: 'The parent cannot be the institution itself or one below it' });

async function unique<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw errors.duplicate(field);
    throw error;
  }
}

export function createInstitutionService(deps: { db: Db; clock: Clock; audit: AuditLog }) {
  const { db, clock, audit } = deps;

  async function mustFindInstitution(id: string) {
    const row = await repo.findInstitution(db, id);
    if (!row) throw institutionNotFound();
    return row;
  }

  async function userAt(institutionId: string, userId: string | undefined) {
    if (userId && !(await repo.userHasRoleAt(db, userId, institutionId))) throw userNotMember();
  }

  async function departmentIn(institutionId: string, departmentId: string | undefined) {
    if (!departmentId) return;
    const dept = await repo.findDepartment(db, departmentId);
    if (!dept || dept.institution_id !== institutionId) throw departmentNotFound();
  }

  return {
    async search(_actor: Actor, q: InstitutionQuery): Promise<Page<InstitutionDto>> {
      const { rows, total } = await repo.searchInstitutions(db, q);
      return { items: rows.map(repo.toInstitutionDto), total, page: q.page, pageSize: q.pageSize };
    },

    async tree(_actor: Actor): Promise<InstitutionDto[]> {
      return (await repo.allInstitutions(db)).map(repo.toInstitutionDto);
    },

    async detail(_actor: Actor, id: string): Promise<InstitutionDetailDto> {
      const row = await mustFindInstitution(id);
      const [departments, wards, practitioners] = await Promise.all([
        repo.departmentsOf(db, id),
        repo.wardsOf(db, id),
        repo.practitionersOf(db, id),
      ]);
      return {
        ...repo.toInstitutionDto(row),
        departments: departments.map(repo.toDepartmentDto),
        wards,
        practitioners: practitioners.map(repo.toPractitionerDto),
      };
    },

    async create(actor: Actor, input: CreateInstitutionInput): Promise<InstitutionDto> {
      if (input.parentId) {
        await mustFindInstitution(input.parentId);
        await requireAdminOver(db, actor, input.parentId);
      } else {
        // Only an admin of a network root (e.g. the national health commission) creates new roots.
        requireRole(actor, 'admin');
        const own = await mustFindInstitution(actor.institutionId);
        if (own.parent_id !== null) throw errors.forbidden();
      }
      return db.transaction(async (tx) => {
        const row = await unique('code', () => repo.insertInstitution(tx, input));
        await audit.record(tx, actor, { action: 'institution.create', entityType: 'institution', entityId: row.id, details: { code: row.code } });
        return repo.toInstitutionDto(row);
      });
    },

    async update(actor: Actor, id: string, input: UpdateInstitutionInput): Promise<InstitutionDto> {
      await mustFindInstitution(id);
      await requireAdminOver(db, actor, id);
      if (input.parentId) {
        await mustFindInstitution(input.parentId);
        if ((await repo.scopeOf(db, id)).includes(input.parentId)) throw parentCycle();
        await requireAdminOver(db, actor, input.parentId);
      }
      const { version, ...changes } = input;
      return db.transaction(async (tx) => {
        const row = await repo.updateInstitution(tx, id, version, changes, clock.now());
        if (!row) throw errors.versionConflict();
        await audit.record(tx, actor, { action: 'institution.update', entityType: 'institution', entityId: id, details: { fields: Object.keys(changes) } });
        return repo.toInstitutionDto(row);
      });
    },

    async createDepartment(actor: Actor, institutionId: string, input: CreateDepartmentInput): Promise<DepartmentDto> {
      await mustFindInstitution(institutionId);
      await requireAdminOver(db, actor, institutionId);
      return db.transaction(async (tx) => {
        const row = await unique('code', () => repo.insertDepartment(tx, institutionId, input));
        await audit.record(tx, actor, { action: 'department.create', entityType: 'department', entityId: row.id });
        return repo.toDepartmentDto(row);
      });
    },

    async updateDepartment(actor: Actor, id: string, input: UpdateDepartmentInput): Promise<DepartmentDto> {
      const dept = await repo.findDepartment(db, id);
      if (!dept) throw departmentNotFound();
      await requireAdminOver(db, actor, dept.institution_id);
      const { version, ...changes } = input;
      return db.transaction(async (tx) => {
        const row = await repo.updateDepartment(tx, id, version, changes, clock.now());
        if (!row) throw errors.versionConflict();
        await audit.record(tx, actor, { action: 'department.update', entityType: 'department', entityId: id });
        return repo.toDepartmentDto(row);
      });
    },

    async createWard(actor: Actor, institutionId: string, input: z.output<typeof CreateWardInput>): Promise<WardDto> {
      await mustFindInstitution(institutionId);
      await requireAdminOver(db, actor, institutionId);
      await departmentIn(institutionId, input.departmentId);
      return db.transaction(async (tx) => {
        const id = await unique('code', () => repo.insertWard(tx, { institutionId, ...input }));
        if (input.bedCount > 0) await repo.addBeds(tx, id, input.code, input.bedCount);
        await audit.record(tx, actor, { action: 'ward.create', entityType: 'ward', entityId: id, details: { beds: input.bedCount } });
        const [ward] = await repo.wardsOf(tx, institutionId, id);
        return ward as WardDto;
      });
    },

    async addBeds(actor: Actor, wardId: string, input: z.output<typeof AddBedsInput>): Promise<WardDto> {
      const ward = await repo.findWard(db, wardId);
      if (!ward) throw wardNotFound();
      await requireAdminOver(db, actor, ward.institution_id);
      return db.transaction(async (tx) => {
        await repo.addBeds(tx, wardId, ward.code, input.count);
        await audit.record(tx, actor, { action: 'ward.add_beds', entityType: 'ward', entityId: wardId, details: { count: input.count } });
        const [dto] = await repo.wardsOf(tx, ward.institution_id, wardId);
        return dto as WardDto;
      });
    },

    async createPractitioner(actor: Actor, institutionId: string, input: CreatePractitionerInput): Promise<PractitionerDto> {
      await mustFindInstitution(institutionId);
      await requireAdminOver(db, actor, institutionId);
      await departmentIn(institutionId, input.departmentId);
      await userAt(institutionId, input.userId);
      return db.transaction(async (tx) => {
        const row = await unique('userId', () => repo.insertPractitioner(tx, institutionId, input));
        await audit.record(tx, actor, { action: 'practitioner.create', entityType: 'practitioner', entityId: row.id });
        return repo.toPractitionerDto(row);
      });
    },

    async updatePractitioner(actor: Actor, id: string, input: UpdatePractitionerInput): Promise<PractitionerDto> {
      const current = await repo.findPractitioner(db, id);
      if (!current) throw practitionerNotFound();
      await requireAdminOver(db, actor, current.institution_id);
      await departmentIn(current.institution_id, input.departmentId);
      await userAt(current.institution_id, input.userId);
      const { version, ...changes } = input;
      return db.transaction(async (tx) => {
        const row = await unique('userId', () => repo.updatePractitioner(tx, id, version, changes, clock.now()));
        if (!row) throw errors.versionConflict();
        await audit.record(tx, actor, { action: 'practitioner.update', entityType: 'practitioner', entityId: id });
        return repo.toPractitionerDto(row);
      });
    },
  };
}

export type InstitutionService = ReturnType<typeof createInstitutionService>;
