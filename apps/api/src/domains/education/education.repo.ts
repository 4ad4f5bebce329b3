import type { CreateEducationSessionInput, EducationSessionDto, RecordAttendanceInput } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

interface SessionRow {
  id: string;
  agreement_id: string;
  kind: EducationSessionDto['kind'];
  topic_zh: string;
  topic_en: string | null;
  held_at: Date;
  duration_minutes: number;
  host_institution_id: string;
  presenters: EducationSessionDto['presenters'];
  audience_institution_ids: string[];
  cited_consult_id: string | null;
  case_summary: string | null;
  version: number;
}

export async function findSession(q: Queryable, id: string): Promise<SessionRow | undefined> {
  return (await q.query<SessionRow>('select * from education_sessions where id = $1', [id]))[0];
}

export async function listSessions(q: Queryable, agreementId: string, limit: number, offset: number): Promise<{ rows: SessionRow[]; total: number }> {
  const total = await q.query<{ n: number }>('select count(*) as n from education_sessions where agreement_id = $1', [agreementId]);
  const rows = await q.query<SessionRow>(`select * from education_sessions where agreement_id = $1 order by held_at desc limit ${limit} offset ${offset}`, [agreementId]);
  return { rows, total: total[0]?.n ?? 0 };
}

export async function sessionDtos(q: Queryable, rows: SessionRow[]): Promise<EducationSessionDto[]> {
  const ids = rows.map((r) => r.id);
  const attendance = ids.length
    ? await q.query<{ id: string; session_id: string; person_name: string; institution_id: string; minutes: number | null }>(
        'select * from education_attendance where session_id = any($1::uuid[]) order by person_name',
        [ids],
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    kind: r.kind,
    topicZh: r.topic_zh,
    topicEn: r.topic_en,
    heldAt: r.held_at.toISOString(),
    durationMinutes: r.duration_minutes,
    hostInstitutionId: r.host_institution_id,
    presenters: r.presenters,
    audienceInstitutionIds: r.audience_institution_ids,
    citedConsultId: r.cited_consult_id,
    caseSummary: r.case_summary,
    version: r.version,
    attendance: attendance.filter((a) => a.session_id === r.id).map((a) => ({ id: a.id, personName: a.person_name, institutionId: a.institution_id, minutes: a.minutes })),
  }));
}

export async function insertSession(tx: Queryable, i: CreateEducationSessionInput, userId: string): Promise<SessionRow> {
  const rows = await tx.query<SessionRow>(
    `insert into education_sessions (agreement_id, kind, topic_zh, topic_en, held_at, duration_minutes, host_institution_id, presenters, audience_institution_ids, cited_consult_id, case_summary, created_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) returning *`,
    [
      i.agreementId,
      i.kind,
      i.topicZh,
      i.topicEn ?? null,
      new Date(i.heldAt),
      i.durationMinutes,
      i.hostInstitutionId,
      JSON.stringify(i.presenters),
      i.audienceInstitutionIds,
      i.citedConsultId ?? null,
      i.caseSummary ?? null,
      userId,
    ],
  );
  return rows[0] as SessionRow;
}

export async function insertAttendance(tx: Queryable, sessionId: string, attendees: RecordAttendanceInput['attendees']): Promise<void> {
  for (const a of attendees) {
    await tx.query('insert into education_attendance (session_id, person_name, institution_id, user_id, minutes) values ($1,$2,$3,$4,$5)', [
      sessionId,
      a.personName,
      a.institutionId,
      a.userId ?? null,
      a.minutes ?? null,
    ]);
  }
}
