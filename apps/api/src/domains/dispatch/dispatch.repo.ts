import type { ActivityInput, CreateBatchInput, CreateTechniqueInput, DispatchActivityDto, DispatchBatchDto, DispatchMemberDto, TechniqueDto } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

interface BatchRow {
  id: string;
  agreement_id: string;
  batch_no: number;
  sending_institution_id: string;
  host_institution_id: string;
  host_institution_zh: string;
  host_department_id: string | null;
  host_department_zh: string | null;
  starts_on: string;
  ends_on: string;
  purpose: string | null;
  version: number;
}

const BATCH_SELECT = `select b.*, i.name_zh as host_institution_zh, d.name_zh as host_department_zh
  from dispatch_batches b join institutions i on i.id = b.host_institution_id left join departments d on d.id = b.host_department_id`;

export async function findBatch(q: Queryable, id: string): Promise<BatchRow | undefined> {
  return (await q.query<BatchRow>(`${BATCH_SELECT} where b.id = $1`, [id]))[0];
}

export async function listBatches(q: Queryable, agreementId: string, limit: number, offset: number): Promise<{ rows: BatchRow[]; total: number }> {
  const total = await q.query<{ n: number }>('select count(*) as n from dispatch_batches where agreement_id = $1', [agreementId]);
  const rows = await q.query<BatchRow>(`${BATCH_SELECT} where b.agreement_id = $1 order by b.batch_no desc limit ${limit} offset ${offset}`, [agreementId]);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function batchDtos(q: Queryable, rows: BatchRow[]): Promise<DispatchBatchDto[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const members = await q.query<{ batch_id: string; practitioner_id: string; name_zh: string; name_en: string; title: string; department_zh: string | null; lead: boolean }>(
    `select m.batch_id, m.practitioner_id, p.name_zh, p.name_en, p.title, d.name_zh as department_zh, m.lead
       from dispatch_members m join practitioners p on p.id = m.practitioner_id left join departments d on d.id = p.department_id
      where m.batch_id = any($1::uuid[]) order by m.lead desc, p.name_zh`,
    [ids],
  );
  const activities = await q.query<{ id: string; batch_id: string; practitioner_id: string | null; kind: DispatchActivityDto['kind']; on_date: string; quantity: number; title: string | null }>(
    'select * from dispatch_activities where batch_id = any($1::uuid[]) order by on_date, created_at',
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    batchNo: r.batch_no,
    sendingInstitutionId: r.sending_institution_id,
    hostInstitutionId: r.host_institution_id,
    hostInstitutionZh: r.host_institution_zh,
    hostDepartmentId: r.host_department_id,
    hostDepartmentZh: r.host_department_zh,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    purpose: r.purpose,
    version: r.version,
    members: members
      .filter((m) => m.batch_id === r.id)
      .map((m): DispatchMemberDto => ({ practitionerId: m.practitioner_id, nameZh: m.name_zh, nameEn: m.name_en, title: m.title, departmentZh: m.department_zh, lead: m.lead })),
    activities: activities
      .filter((a) => a.batch_id === r.id)
      .map((a) => ({ id: a.id, practitionerId: a.practitioner_id, kind: a.kind, onDate: a.on_date, quantity: a.quantity, title: a.title })),
  }));
}

/** Locks the agreement row so batch numbers are handed out one at a time. */
export async function nextBatchNo(tx: Queryable, agreementId: string): Promise<number> {
  await tx.query('select id from agreements where id = $1 for update', [agreementId]);
  const rows = await tx.query<{ n: number | null }>('select max(batch_no) as n from dispatch_batches where agreement_id = $1', [agreementId]);
  return (rows[0]?.n ?? 0) + 1;
}

export async function insertBatch(tx: Queryable, i: CreateBatchInput, batchNo: number, sendingInstitutionId: string, userId: string): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `insert into dispatch_batches (agreement_id, batch_no, sending_institution_id, host_institution_id, host_department_id, starts_on, ends_on, purpose, created_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9) returning id`,
    [i.agreementId, batchNo, sendingInstitutionId, i.hostInstitutionId, i.hostDepartmentId ?? null, i.startsOn, i.endsOn, i.purpose ?? null, userId],
  );
  const id = rows[0]?.id ?? '';
  for (const m of i.members) await tx.query('insert into dispatch_members (batch_id, practitioner_id, lead) values ($1,$2,$3)', [id, m.practitionerId, m.lead]);
  return id;
}

export async function insertActivities(tx: Queryable, batchId: string, activities: ActivityInput[], userId: string): Promise<void> {
  for (const a of activities) {
    await tx.query('insert into dispatch_activities (batch_id, practitioner_id, kind, on_date, quantity, title, created_by) values ($1,$2,$3,$4,$5,$6,$7)', [
      batchId,
      a.practitionerId ?? null,
      a.kind,
      a.onDate,
      a.quantity,
      a.title ?? null,
      userId,
    ]);
  }
}

interface TechniqueRow {
  id: string;
  agreement_id: string;
  batch_id: string | null;
  host_institution_id: string;
  host_department_id: string | null;
  name_zh: string;
  name_en: string;
  introduced_on: string;
  first_independent_on: string | null;
  version: number;
}
export const toTechniqueDto = (r: TechniqueRow): TechniqueDto => ({
  id: r.id,
  agreementId: r.agreement_id,
  batchId: r.batch_id,
  hostInstitutionId: r.host_institution_id,
  hostDepartmentId: r.host_department_id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  introducedOn: r.introduced_on,
  firstIndependentOn: r.first_independent_on,
  version: r.version,
});

export async function insertTechnique(tx: Queryable, i: CreateTechniqueInput, userId: string): Promise<TechniqueRow> {
  const rows = await tx.query<TechniqueRow>(
    `insert into dispatch_techniques (agreement_id, batch_id, host_institution_id, host_department_id, name_zh, name_en, introduced_on, first_independent_on, created_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9) returning *`,
    [i.agreementId, i.batchId ?? null, i.hostInstitutionId, i.hostDepartmentId ?? null, i.nameZh, i.nameEn, i.introducedOn, i.firstIndependentOn ?? null, userId],
  );
  return rows[0] as TechniqueRow;
}
export async function findTechnique(q: Queryable, id: string): Promise<TechniqueRow | undefined> {
  return (await q.query<TechniqueRow>('select * from dispatch_techniques where id = $1', [id]))[0];
}
export async function setIndependent(tx: Queryable, id: string, version: number, on: string): Promise<TechniqueRow | undefined> {
  return (await tx.query<TechniqueRow>('update dispatch_techniques set first_independent_on = $3, version = version + 1 where id = $1 and version = $2 returning *', [id, version, on]))[0];
}
export async function listTechniques(q: Queryable, agreementId: string): Promise<TechniqueRow[]> {
  return q.query<TechniqueRow>('select * from dispatch_techniques where agreement_id = $1 order by introduced_on desc, name_zh', [agreementId]);
}
export async function departmentInstitution(q: Queryable, id: string): Promise<string | undefined> {
  return (await q.query<{ institution_id: string }>('select institution_id from departments where id = $1', [id]))[0]?.institution_id;
}
