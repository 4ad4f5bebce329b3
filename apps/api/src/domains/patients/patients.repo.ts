import type { ConsentDto, ConsentMethod, ConsentScope, PatientAccessReason, PatientDto, Sex } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface PatientRow {
  id: string;
  name: string;
  sex: Sex;
  birth_date: string;
  phone: string | null;
  resident_id_enc: string | null;
  resident_id_hash: string | null;
  resident_id_last4: string | null;
  registered_by_institution_id: string;
  created_at: Date;
  version: number;
}

export const toPatientDto = (r: PatientRow): PatientDto => ({
  id: r.id,
  name: r.name,
  sex: r.sex,
  birthDate: r.birth_date,
  phone: r.phone,
  residentIdLast4: r.resident_id_last4,
  registeredByInstitutionId: r.registered_by_institution_id,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

interface ConsentRow {
  id: string;
  patient_id: string;
  scope: ConsentScope;
  method: ConsentMethod;
  witness_name: string | null;
  document_id: string | null;
  recorded_by: string;
  institution_id: string;
  recorded_at: Date;
}

export const toConsentDto = (r: ConsentRow): ConsentDto => ({
  id: r.id,
  patientId: r.patient_id,
  scope: r.scope,
  method: r.method,
  witnessName: r.witness_name,
  documentId: r.document_id,
  recordedBy: r.recorded_by,
  institutionId: r.institution_id,
  recordedAt: r.recorded_at.toISOString(),
});

export async function findPatient(q: Queryable, id: string): Promise<PatientRow | undefined> {
  return (await q.query<PatientRow>('select * from patients where id = $1', [id]))[0];
}

export async function findPatientByHash(q: Queryable, hash: string): Promise<PatientRow | undefined> {
  return (await q.query<PatientRow>('select * from patients where resident_id_hash = $1', [hash]))[0];
}

export async function insertPatient(
  q: Queryable,
  p: { name: string; sex: Sex; birthDate: string; phone: string | null; enc: string | null; hash: string | null; last4: string | null; institutionId: string; now: Date },
): Promise<PatientRow | undefined> {
  // `on conflict do nothing` lets two concurrent registrations of one resident ID converge on one row.
  const rows = await q.query<PatientRow>(
    `insert into patients (name, sex, birth_date, phone, resident_id_enc, resident_id_hash, resident_id_last4, registered_by_institution_id, created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) on conflict (resident_id_hash) do nothing returning *`,
    [p.name, p.sex, p.birthDate, p.phone, p.enc, p.hash, p.last4, p.institutionId, p.now],
  );
  return rows[0];
}

export async function grantAccess(q: Queryable, patientId: string, institutionId: string, reason: PatientAccessReason, sourceId: string | null): Promise<void> {
  await q.query(
    `insert into patient_access (patient_id, institution_id, reason, source_id) values ($1,$2,$3,$4) on conflict do nothing`,
    [patientId, institutionId, reason, sourceId],
  );
}

export async function hasAccess(q: Queryable, institutionId: string, patientId: string): Promise<boolean> {
  const rows = await q.query('select 1 from patient_access where institution_id = $1 and patient_id = $2 limit 1', [institutionId, patientId]);
  return rows.length > 0;
}

export async function searchVisible(
  q: Queryable,
  institutionId: string,
  filter: { text?: string | undefined; hash?: string | undefined },
  limit: number,
  offset: number,
): Promise<{ rows: PatientRow[]; total: number }> {
  const params: unknown[] = [institutionId];
  const where = ['exists (select 1 from patient_access a where a.patient_id = p.id and a.institution_id = $1)'];
  if (filter.text) {
    params.push(`%${filter.text}%`);
    where.push(`(p.name ilike $${params.length} or p.phone ilike $${params.length} or p.resident_id_last4 = $${params.length + 1})`);
    params.push(filter.text);
  }
  if (filter.hash) {
    params.push(filter.hash);
    where.push(`p.resident_id_hash = $${params.length}`);
  }
  const w = where.join(' and ');
  const total = await q.query<{ n: number }>(`select count(*) as n from patients p where ${w}`, params);
  const rows = await q.query<PatientRow>(`select p.* from patients p where ${w} order by p.created_at desc, p.id limit ${limit} offset ${offset}`, params);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function insertConsent(
  q: Queryable,
  c: { patientId: string; scope: ConsentScope; method: ConsentMethod; witnessName: string | null; documentId: string | null; recordedBy: string; institutionId: string; at: Date },
): Promise<ConsentDto> {
  const rows = await q.query<ConsentRow>(
    `insert into consents (patient_id, scope, method, witness_name, document_id, recorded_by, institution_id, recorded_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8) returning *`,
    [c.patientId, c.scope, c.method, c.witnessName, c.documentId, c.recordedBy, c.institutionId, c.at],
  );
  return toConsentDto(rows[0] as ConsentRow);
}

export async function consentsOf(q: Queryable, patientId: string): Promise<ConsentDto[]> {
  const rows = await q.query<ConsentRow>('select * from consents where patient_id = $1 order by recorded_at', [patientId]);
  return rows.map(toConsentDto);
}

export async function findConsent(q: Queryable, id: string): Promise<ConsentDto | undefined> {
  const rows = await q.query<ConsentRow>('select * from consents where id = $1', [id]);
  return rows[0] ? toConsentDto(rows[0]) : undefined;
}
