import type {
  AgreementDto,
  AgreementKind,
  AgreementPartyDto,
  AgreementPhaseDto,
  AgreementQuery,
  AgreementStatus,
  AgreementSummaryDto,
  AgreementTargetDto,
  CooperationArea,
  CreateAgreementInput,
  MetricKey,
  PartyRole,
} from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';
import { updateVersioned } from '../../db/update-versioned.js';

export interface AgreementRow {
  id: string;
  code: string;
  title_zh: string;
  title_en: string;
  kind: AgreementKind;
  status: AgreementStatus;
  signed_on: string | null;
  starts_on: string;
  ends_on: string;
  ended_on: string | null;
  end_reason: string | null;
  description_zh: string | null;
  description_en: string | null;
  areas: CooperationArea[];
  document_attachment_id: string | null;
  version: number;
}

interface PartyRow {
  agreement_id: string;
  institution_id: string;
  role: PartyRole;
  name_zh: string;
  name_en: string;
  code: string;
}

export async function findAgreement(q: Queryable, id: string): Promise<AgreementRow | undefined> {
  return (await q.query<AgreementRow>('select * from agreements where id = $1', [id]))[0];
}

export async function partiesOf(q: Queryable, ids: string[]): Promise<PartyRow[]> {
  if (ids.length === 0) return [];
  return q.query<PartyRow>(
    `select p.agreement_id, p.institution_id, p.role, i.name_zh, i.name_en, i.code
       from agreement_parties p join institutions i on i.id = p.institution_id
      where p.agreement_id = any($1::uuid[])
      order by array_position(array['assisting','assisted','supervising'], p.role), i.code`,
    [ids],
  );
}

export async function phasesOf(q: Queryable, id: string): Promise<AgreementPhaseDto[]> {
  const rows = await q.query<{ id: string; seq: number; name_zh: string; name_en: string; kind: AgreementKind; starts_on: string; ends_on: string }>(
    'select * from agreement_phases where agreement_id = $1 order by seq',
    [id],
  );
  return rows.map((r) => ({ id: r.id, seq: r.seq, nameZh: r.name_zh, nameEn: r.name_en, kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on }));
}

export async function targetsOf(q: Queryable, id: string): Promise<AgreementTargetDto[]> {
  const rows = await q.query<{ id: string; metric: MetricKey; comparison: 'gte' | 'lte'; target_value: number; year: number | null; phase_id: string | null }>(
    'select t.* from agreement_targets t left join agreement_phases p on p.id = t.phase_id where t.agreement_id = $1 order by t.year nulls last, p.seq nulls first, t.metric',
    [id],
  );
  return rows.map((r) => ({ id: r.id, metric: r.metric, comparison: r.comparison, value: Number(r.target_value), year: r.year, phaseId: r.phase_id }));
}

const toParty = (p: PartyRow): AgreementPartyDto => ({ institutionId: p.institution_id, role: p.role, nameZh: p.name_zh, nameEn: p.name_en, code: p.code });

export function toSummary(r: AgreementRow, parties: PartyRow[]): AgreementSummaryDto {
  return {
    id: r.id,
    code: r.code,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    kind: r.kind,
    status: r.status,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    endedOn: r.ended_on,
    areas: r.areas,
    parties: parties.filter((p) => p.agreement_id === r.id).map(toParty),
    version: r.version,
  };
}

/** The agreement as kept in version snapshots (the service adds `document` and `can`). */
export async function loadAgreement(q: Queryable, r: AgreementRow): Promise<Omit<AgreementDto, 'can' | 'document'>> {
  const [parties, phases, targets] = await Promise.all([partiesOf(q, [r.id]), phasesOf(q, r.id), targetsOf(q, r.id)]);
  return {
    ...toSummary(r, parties),
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    endReason: r.end_reason,
    documentAttachmentId: r.document_attachment_id,
    phases,
    targets,
  };
}

/** Agreements the institution is party to, plus (for program managers) those supervised by an institution in `supervisedScope`. */
export async function searchAgreements(
  q: Queryable,
  institutionId: string,
  supervisedScope: string[],
  query: AgreementQuery,
): Promise<{ rows: AgreementRow[]; total: number }> {
  const params: unknown[] = [institutionId, supervisedScope];
  const where = [
    `exists (select 1 from agreement_parties p where p.agreement_id = a.id
              and (p.institution_id = $1 or (p.role = 'supervising' and p.institution_id = any($2::uuid[]))))`,
  ];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (query.q) add('(a.title_zh ilike ? or a.title_en ilike ? or a.code ilike ?)', `%${query.q}%`);
  if (query.status) add('a.status = ?', query.status);
  if (query.kind) add('a.kind = ?', query.kind);
  if (query.institutionId) add('exists (select 1 from agreement_parties x where x.agreement_id = a.id and x.institution_id = ?)', query.institutionId);
  const w = where.join(' and ');
  const total = await q.query<{ n: number }>(`select count(*) as n from agreements a where ${w}`, params);
  const rows = await q.query<AgreementRow>(
    `select a.* from agreements a where ${w} order by a.starts_on desc, a.code limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

export async function insertAgreement(q: Queryable, i: CreateAgreementInput, userId: string): Promise<AgreementRow> {
  const rows = await q.query<AgreementRow>(
    `insert into agreements (code, title_zh, title_en, kind, status, signed_on, starts_on, ends_on, description_zh, description_en, areas, document_attachment_id, created_by)
     values ($1,$2,$3,$4,'active',$5,$6,$7,$8,$9,$10,$11,$12) returning *`,
    [i.code, i.titleZh, i.titleEn, i.kind, i.signedOn ?? null, i.startsOn, i.endsOn, i.descriptionZh ?? null, i.descriptionEn ?? null, i.areas, i.documentAttachmentId ?? null, userId],
  );
  return rows[0] as AgreementRow;
}

export async function replaceParties(q: Queryable, id: string, parties: { institutionId: string; role: PartyRole }[]): Promise<void> {
  await q.query('delete from agreement_parties where agreement_id = $1', [id]);
  for (const p of parties) await q.query('insert into agreement_parties (agreement_id, institution_id, role) values ($1,$2,$3)', [id, p.institutionId, p.role]);
}

export async function replacePhasesAndTargets(
  q: Queryable,
  id: string,
  phases: CreateAgreementInput['phases'] | undefined,
  targets: CreateAgreementInput['targets'] | undefined,
): Promise<void> {
  if (targets !== undefined || phases !== undefined) {
    const existing = targets ?? (await targetsForReplace(q, id));
    await q.query('delete from agreement_targets where agreement_id = $1', [id]);
    let phaseIds: string[] = (await phasesOf(q, id)).map((p) => p.id);
    if (phases !== undefined) {
      await q.query('delete from agreement_phases where agreement_id = $1', [id]);
      phaseIds = [];
      for (const [n, p] of phases.entries()) {
        const rows = await q.query<{ id: string }>(
          'insert into agreement_phases (agreement_id, seq, name_zh, name_en, kind, starts_on, ends_on) values ($1,$2,$3,$4,$5,$6,$7) returning id',
          [id, n + 1, p.nameZh, p.nameEn, p.kind, p.startsOn, p.endsOn],
        );
        phaseIds.push(rows[0]?.id ?? '');
      }
    }
    for (const t of existing) {
      const phaseId = t.phase === undefined ? null : (phaseIds[t.phase - 1] ?? null);
      await q.query(
        'insert into agreement_targets (agreement_id, metric, comparison, target_value, year, phase_id) values ($1,$2,$3,$4,$5,$6)',
        [id, t.metric, t.comparison, t.value, t.year ?? null, phaseId],
      );
    }
  }
}

/** The current targets in input form (phase as 1-based index), to re-insert after phases change. */
async function targetsForReplace(q: Queryable, id: string): Promise<CreateAgreementInput['targets']> {
  const [targets, phases] = await Promise.all([targetsOf(q, id), phasesOf(q, id)]);
  return targets.map((t) => {
    const phase = phases.find((p) => p.id === t.phaseId)?.seq;
    return { metric: t.metric, comparison: t.comparison, value: t.value, ...(t.year === null ? {} : { year: t.year }), ...(phase === undefined ? {} : { phase }) };
  });
}

const columns: Record<string, string> = {
  titleZh: 'title_zh',
  titleEn: 'title_en',
  kind: 'kind',
  descriptionZh: 'description_zh',
  descriptionEn: 'description_en',
  signedOn: 'signed_on',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  areas: 'areas',
  documentAttachmentId: 'document_attachment_id',
  status: 'status',
  endedOn: 'ended_on',
  endReason: 'end_reason',
};

export const updateAgreement = (q: Queryable, id: string, version: number, changes: Record<string, unknown>, now: Date) =>
  updateVersioned<AgreementRow>(q, 'agreements', columns, id, version, changes, now);

export async function insertVersion(q: Queryable, id: string, version: number, snapshot: unknown, reason: string | null, userId: string, at: Date): Promise<void> {
  await q.query('insert into agreement_versions (agreement_id, version, snapshot, reason, changed_by, changed_at) values ($1,$2,$3,$4,$5,$6)', [
    id,
    version,
    JSON.stringify(snapshot),
    reason,
    userId,
    at,
  ]);
}

export async function versionsOf(q: Queryable, id: string) {
  return q.query<{ version: number; reason: string | null; changed_by: string | null; changed_at: Date; snapshot: Record<string, unknown> }>(
    'select version, reason, changed_by, changed_at, snapshot from agreement_versions where agreement_id = $1 order by version desc',
    [id],
  );
}

export async function institutionsExist(q: Queryable, ids: string[]): Promise<boolean> {
  const rows = await q.query<{ n: number }>('select count(*) as n from institutions where id = any($1::uuid[])', [ids]);
  return (rows[0]?.n ?? 0) === new Set(ids).size;
}
