import type {
  CreateDepartmentInput,
  CreateInstitutionInput,
  CreatePractitionerInput,
  DepartmentDto,
  InstitutionDto,
  InstitutionQuery,
  PractitionerDto,
  WardDto,
} from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';
import { updateVersioned } from '../../db/update-versioned.js';

export interface InstitutionRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  short_name_zh: string | null;
  tier: InstitutionDto['tier'];
  grade: InstitutionDto['grade'];
  type: InstitutionDto['type'];
  division_code: string;
  region_zh: string;
  region_en: string;
  parent_id: string | null;
  address: string | null;
  active: boolean;
  version: number;
  department_count?: number;
  practitioner_count?: number;
}

export const toInstitutionDto = (r: InstitutionRow): InstitutionDto => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  shortNameZh: r.short_name_zh,
  tier: r.tier,
  grade: r.grade,
  type: r.type,
  divisionCode: r.division_code,
  regionZh: r.region_zh,
  regionEn: r.region_en,
  parentId: r.parent_id,
  address: r.address,
  active: r.active,
  version: r.version,
  ...(r.department_count === undefined ? {} : { departmentCount: r.department_count }),
  ...(r.practitioner_count === undefined ? {} : { practitionerCount: r.practitioner_count }),
});

/** The institution and every institution below it in the network tree. */
export async function scopeOf(db: Queryable, rootId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `with recursive s(id) as (
       select id from institutions where id = $1
       union all select i.id from institutions i join s on i.parent_id = s.id)
     select id from s`,
    [rootId],
  );
  return rows.map((r) => r.id);
}

export async function findInstitution(db: Queryable, id: string): Promise<InstitutionRow | undefined> {
  const rows = await db.query<InstitutionRow>('select * from institutions where id = $1', [id]);
  return rows[0];
}

export async function searchInstitutions(db: Queryable, q: InstitutionQuery): Promise<{ rows: InstitutionRow[]; total: number }> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (q.q) add('(name_zh ilike ? or name_en ilike ? or code ilike ? or region_zh ilike ? or region_en ilike ?)', `%${q.q}%`);
  if (q.tier) add('tier = ?', q.tier);
  if (q.grade) add('grade = ?', q.grade);
  if (q.type) add('type = ?', q.type);
  if (q.division) add('division_code like ?', `${q.division}%`);
  const w = where.join(' and ');
  const total = await db.query<{ n: number }>(`select count(*) as n from institutions where ${w}`, params);
  const rows = await db.query<InstitutionRow>(
    `select i.*,
            (select count(*) from departments d where d.institution_id = i.id) as department_count,
            (select count(*) from practitioners p where p.institution_id = i.id and p.active) as practitioner_count
       from institutions i where ${w}
      order by array_position(array['national','provincial','prefecture','county','township','village'], tier), name_zh
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

export async function allInstitutions(db: Queryable): Promise<InstitutionRow[]> {
  return db.query<InstitutionRow>('select * from institutions order by name_zh');
}

export async function insertInstitution(db: Queryable, i: CreateInstitutionInput): Promise<InstitutionRow> {
  const rows = await db.query<InstitutionRow>(
    `insert into institutions (code, name_zh, name_en, short_name_zh, tier, grade, type, division_code, region_zh, region_en, parent_id, address)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) returning *`,
    [i.code, i.nameZh, i.nameEn, i.shortNameZh ?? null, i.tier, i.grade, i.type, i.divisionCode, i.regionZh, i.regionEn, i.parentId ?? null, i.address ?? null],
  );
  return rows[0] as InstitutionRow;
}

const institutionColumns: Record<string, string> = {
  nameZh: 'name_zh',
  nameEn: 'name_en',
  shortNameZh: 'short_name_zh',
  tier: 'tier',
  grade: 'grade',
  type: 'type',
  divisionCode: 'division_code',
  regionZh: 'region_zh',
  regionEn: 'region_en',
  parentId: 'parent_id',
  address: 'address',
  active: 'active',
};

export const updateInstitution = (db: Queryable, id: string, version: number, changes: Record<string, unknown>, now: Date) =>
  updateVersioned<InstitutionRow>(db, 'institutions', institutionColumns, id, version, changes, now);

export interface DepartmentRow {
  id: string;
  institution_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  specialty: string;
  active: boolean;
  version: number;
}
export const toDepartmentDto = (r: DepartmentRow): DepartmentDto => ({
  id: r.id,
  institutionId: r.institution_id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  specialty: r.specialty,
  active: r.active,
  version: r.version,
});

export async function departmentsOf(db: Queryable, institutionId: string): Promise<DepartmentRow[]> {
  return db.query<DepartmentRow>('select * from departments where institution_id = $1 order by code', [institutionId]);
}
export async function findDepartment(db: Queryable, id: string): Promise<DepartmentRow | undefined> {
  return (await db.query<DepartmentRow>('select * from departments where id = $1', [id]))[0];
}
export async function insertDepartment(db: Queryable, institutionId: string, d: CreateDepartmentInput): Promise<DepartmentRow> {
  const rows = await db.query<DepartmentRow>(
    'insert into departments (institution_id, code, name_zh, name_en, specialty) values ($1,$2,$3,$4,$5) returning *',
    [institutionId, d.code, d.nameZh, d.nameEn, d.specialty],
  );
  return rows[0] as DepartmentRow;
}
export const updateDepartment = (db: Queryable, id: string, version: number, changes: Record<string, unknown>, now: Date) =>
  updateVersioned<DepartmentRow>(db, 'departments', { nameZh: 'name_zh', nameEn: 'name_en', specialty: 'specialty', active: 'active' }, id, version, changes, now);

interface WardRow {
  id: string;
  institution_id: string;
  department_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  is_referral_ward: boolean;
  beds: { id: string; code: string; inService: boolean }[] | null;
}

export async function wardsOf(db: Queryable, institutionId: string, wardId?: string): Promise<WardDto[]> {
  const rows = await db.query<WardRow>(
    `select w.*, (select json_agg(json_build_object('id', b.id, 'code', b.code, 'inService', b.in_service) order by b.code)
                    from beds b where b.ward_id = w.id) as beds
       from wards w where w.institution_id = $1 and ($2::uuid is null or w.id = $2) order by w.code`,
    [institutionId, wardId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    institutionId: r.institution_id,
    departmentId: r.department_id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    isReferralWard: r.is_referral_ward,
    beds: r.beds ?? [],
  }));
}

export async function findWard(db: Queryable, id: string): Promise<{ id: string; institution_id: string; code: string } | undefined> {
  return (await db.query<{ id: string; institution_id: string; code: string }>('select id, institution_id, code from wards where id = $1', [id]))[0];
}

export async function insertWard(
  db: Queryable,
  w: { institutionId: string; departmentId: string; code: string; nameZh: string; nameEn: string; isReferralWard: boolean },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into wards (institution_id, department_id, code, name_zh, name_en, is_referral_ward)
     values ($1,$2,$3,$4,$5,$6) returning id`,
    [w.institutionId, w.departmentId, w.code, w.nameZh, w.nameEn, w.isReferralWard],
  );
  return rows[0]?.id ?? '';
}

/** Adds `count` beds numbered after the ward's highest bed number (`<ward code>-01`, …). */
export async function addBeds(db: Queryable, wardId: string, wardCode: string, count: number): Promise<void> {
  const existing = await db.query<{ n: number }>('select count(*) as n from beds where ward_id = $1', [wardId]);
  const start = (existing[0]?.n ?? 0) + 1;
  const codes = Array.from({ length: count }, (_, i) => `${wardCode}-${String(start + i).padStart(2, '0')}`);
  await db.query('insert into beds (ward_id, code) select $1, unnest($2::text[])', [wardId, codes]);
}

export interface PractitionerRow {
  id: string;
  institution_id: string;
  department_id: string | null;
  user_id: string | null;
  name_zh: string;
  name_en: string;
  title: PractitionerDto['title'];
  specialties: string[];
  active: boolean;
  version: number;
}
export const toPractitionerDto = (r: PractitionerRow): PractitionerDto => ({
  id: r.id,
  institutionId: r.institution_id,
  departmentId: r.department_id,
  userId: r.user_id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  title: r.title,
  specialties: r.specialties,
  active: r.active,
  version: r.version,
});

export async function practitionersOf(db: Queryable, institutionId: string): Promise<PractitionerRow[]> {
  return db.query<PractitionerRow>('select * from practitioners where institution_id = $1 order by title, name_zh', [institutionId]);
}
export async function findPractitioner(db: Queryable, id: string): Promise<PractitionerRow | undefined> {
  return (await db.query<PractitionerRow>('select * from practitioners where id = $1', [id]))[0];
}
export async function insertPractitioner(db: Queryable, institutionId: string, p: CreatePractitionerInput): Promise<PractitionerRow> {
  const rows = await db.query<PractitionerRow>(
    `insert into practitioners (institution_id, department_id, user_id, name_zh, name_en, title, specialties)
     values ($1,$2,$3,$4,$5,$6,$7) returning *`,
    [institutionId, p.departmentId ?? null, p.userId ?? null, p.nameZh, p.nameEn, p.title, p.specialties],
  );
  return rows[0] as PractitionerRow;
}
export const updatePractitioner = (db: Queryable, id: string, version: number, changes: Record<string, unknown>, now: Date) =>
  updateVersioned<PractitionerRow>(
    db,
    'practitioners',
    { departmentId: 'department_id', userId: 'user_id', nameZh: 'name_zh', nameEn: 'name_en', title: 'title', specialties: 'specialties', active: 'active' },
    id,
    version,
    changes,
    now,
  );

/** The institution of each practitioner found (unknown ids are absent). */
export async function practitionerInstitutions(q: Queryable, ids: string[]): Promise<{ id: string; institution_id: string }[]> {
  return q.query('select id, institution_id from practitioners where id = any($1::uuid[])', [ids]);
}

/** Whether every (user, institution) pair is a membership: the user holds some role at that institution. */
export async function usersHoldRolesAt(q: Queryable, pairs: { userId: string; institutionId: string }[]): Promise<boolean> {
  const keys = [...new Map(pairs.map((p) => [`${p.userId}|${p.institutionId}`, p])).values()];
  if (keys.length === 0) return true;
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from unnest($1::uuid[], $2::uuid[]) as x(user_id, institution_id)
      where exists (select 1 from user_roles r where r.user_id = x.user_id and r.institution_id = x.institution_id)`,
    [keys.map((k) => k.userId), keys.map((k) => k.institutionId)],
  );
  return row?.n === keys.length;
}

/** Whether the user holds any role at the institution (a practitioner record may only link such a user). */
export async function userHasRoleAt(db: Queryable, userId: string, institutionId: string): Promise<boolean> {
  const rows = await db.query<{ ok: number }>('select 1 as ok from user_roles where user_id = $1 and institution_id = $2 limit 1', [userId, institutionId]);
  return rows.length > 0;
}
