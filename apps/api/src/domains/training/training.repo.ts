import type { AddAssessmentInput, AssessmentDto, CreateTraineeInput, TraineeDto, TraineeQuery } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface TraineeRow {
  id: string;
  agreement_id: string;
  name_zh: string;
  name_en: string | null;
  position: string | null;
  home_institution_id: string;
  home_institution_zh: string;
  home_department_id: string | null;
  host_institution_id: string;
  host_institution_zh: string;
  host_department_id: string | null;
  host_department_zh: string | null;
  supervisor_practitioner_id: string | null;
  supervisor_zh: string | null;
  starts_on: string;
  ends_on: string;
  rotation_plan: TraineeDto['rotationPlan'];
  status: TraineeDto['status'];
  completed_on: string | null;
  certificate_no: string | null;
  version: number;
}

const SELECT = `select t.*, hi.name_zh as home_institution_zh, ho.name_zh as host_institution_zh, hd.name_zh as host_department_zh, p.name_zh as supervisor_zh
  from trainees t join institutions hi on hi.id = t.home_institution_id join institutions ho on ho.id = t.host_institution_id
  left join departments hd on hd.id = t.host_department_id left join practitioners p on p.id = t.supervisor_practitioner_id`;

export async function findTrainee(q: Queryable, id: string): Promise<TraineeRow | undefined> {
  return (await q.query<TraineeRow>(`${SELECT} where t.id = $1`, [id]))[0];
}

export async function listTrainees(q: Queryable, query: TraineeQuery): Promise<{ rows: TraineeRow[]; total: number }> {
  const params = [query.agreementId, query.status ?? null];
  const where = 't.agreement_id = $1 and ($2::text is null or t.status = $2)';
  const total = await q.query<{ n: number }>(`select count(*) as n from trainees t where ${where}`, params);
  const rows = await q.query<TraineeRow>(`${SELECT} where ${where} order by t.starts_on desc, t.name_zh limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`, params);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function traineeDtos(q: Queryable, rows: TraineeRow[]): Promise<TraineeDto[]> {
  const ids = rows.map((r) => r.id);
  const assessments = ids.length
    ? await q.query<{ id: string; trainee_id: string; on_date: string; kind: AssessmentDto['kind']; score: number | null; result: AssessmentDto['result']; assessor: string; comment: string | null }>(
        'select * from trainee_assessments where trainee_id = any($1::uuid[]) order by on_date, created_at',
        [ids],
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    position: r.position,
    homeInstitutionId: r.home_institution_id,
    homeInstitutionZh: r.home_institution_zh,
    homeDepartmentId: r.home_department_id,
    hostInstitutionId: r.host_institution_id,
    hostInstitutionZh: r.host_institution_zh,
    hostDepartmentId: r.host_department_id,
    hostDepartmentZh: r.host_department_zh,
    supervisorPractitionerId: r.supervisor_practitioner_id,
    supervisorZh: r.supervisor_zh,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    rotationPlan: r.rotation_plan,
    status: r.status,
    completedOn: r.completed_on,
    certificateNo: r.certificate_no,
    version: r.version,
    assessments: assessments
      .filter((a) => a.trainee_id === r.id)
      .map((a) => ({ id: a.id, onDate: a.on_date, kind: a.kind, score: a.score === null ? null : Number(a.score), result: a.result, assessor: a.assessor, comment: a.comment })),
  }));
}

export async function insertTrainee(tx: Queryable, i: CreateTraineeInput, userId: string): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `insert into trainees (agreement_id, name_zh, name_en, position, home_institution_id, home_department_id, host_institution_id, host_department_id,
                           supervisor_practitioner_id, starts_on, ends_on, rotation_plan, created_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) returning id`,
    [
      i.agreementId,
      i.nameZh,
      i.nameEn ?? null,
      i.position ?? null,
      i.homeInstitutionId,
      i.homeDepartmentId ?? null,
      i.hostInstitutionId,
      i.hostDepartmentId ?? null,
      i.supervisorPractitionerId ?? null,
      i.startsOn,
      i.endsOn,
      JSON.stringify(i.rotationPlan),
      userId,
    ],
  );
  return rows[0]?.id ?? '';
}

export async function insertAssessment(tx: Queryable, traineeId: string, a: AddAssessmentInput, userId: string): Promise<void> {
  await tx.query('insert into trainee_assessments (trainee_id, on_date, kind, score, result, assessor, comment, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8)', [
    traineeId,
    a.onDate,
    a.kind,
    a.score ?? null,
    a.result,
    a.assessor,
    a.comment ?? null,
    userId,
  ]);
}

export async function setStatus(tx: Queryable, id: string, version: number, status: TraineeDto['status'], completedOn: string | null, certificateNo: string | null): Promise<boolean> {
  const rows = await tx.query('update trainees set status = $3, completed_on = $4, certificate_no = $5, version = version + 1 where id = $1 and version = $2 returning id', [
    id,
    version,
    status,
    completedOn,
    certificateNo,
  ]);
  return rows.length === 1;
}

export async function practitionerInstitution(q: Queryable, id: string): Promise<string | undefined> {
  return (await q.query<{ institution_id: string }>('select institution_id from practitioners where id = $1', [id]))[0]?.institution_id;
}
export async function departmentInstitution(q: Queryable, id: string): Promise<string | undefined> {
  return (await q.query<{ institution_id: string }>('select institution_id from departments where id = $1', [id]))[0]?.institution_id;
}
export async function agreementCode(q: Queryable, id: string): Promise<string> {
  return (await q.query<{ code: string }>('select code from agreements where id = $1', [id]))[0]?.code ?? '';
}
