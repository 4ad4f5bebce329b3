/**
 * The records behind a figure — of one agreement, of several (a scope's agreement totals), or of the
 * consults and referrals an institution set sent or received (the institution rollups). Partnership records (dispatch, training, education) carry no patient
 * data; consult and referral rows do, so only rows whose patient the actor's institution may see
 * (patient_access) are returned — the others are counted as `hidden`. The patient's name (and the link
 * to the record) only go to clinical roles, who may open the record itself; leaders, admins and auditors
 * see the row without them, and no patient is disclosed to them.
 */
import type { DrilldownRowDto, MetricKey } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';
import { ACTIVITY_LABELS } from './reports/labels.js';

export interface DrillResult {
  rows: DrilldownRowDto[];
  total: number;
  hidden: number;
  patientIds: string[];
}

/**
 * Whose records: those counted under these agreements, or the consults and referrals these institutions
 * sent (requester / referring side) or received (target / receiving side) — the same records the
 * agreement and institution rollups count.
 */
export type DrillSelection = { agreementIds: string[] } | { institutionIds: string[]; side: 'sent' | 'received' };

interface Args {
  selection: DrillSelection;
  from: string;
  to: string;
  /** A consult breakdown figure (`consult.by_kind.mdt`…) narrowing a consult metric. */
  breakdown?: string | undefined;
  limit: number;
  offset: number;
  institutionId: string;
  /** The actor holds a clinical role: rows carry the patient's name and link to the record. */
  patientNames: boolean;
}

/** The agreement page's tab holding a partnership record (the web app has no page per batch or trainee). */
const tab = (alias: string, name: 'dispatch' | 'training' | 'education') => `'/agreements/' || ${alias}.agreement_id || '?tab=${name}'`;

const ACTIVITY: Partial<Record<MetricKey, keyof typeof ACTIVITY_LABELS>> = {
  'dispatch.clinic_sessions': 'clinic',
  'dispatch.patients_seen': 'clinic',
  'dispatch.operations': 'operation',
  'dispatch.teaching_rounds': 'teaching_round',
  'dispatch.lectures': 'lecture',
  'dispatch.case_discussions': 'case_discussion',
};

const CONSULT_FILTER: Partial<Record<MetricKey, string>> = {
  'consult.total': 'true',
  'consult.answered': 'c.answered_at is not null',
  'consult.within_target_share': 'c.due_at is not null',
  'consult.response_median_minutes': 'c.answered_at is not null',
  'consult.response_p90_minutes': 'c.answered_at is not null',
  'consult.useful_share': 'c.closeout_useful is not null',
  'consult.referral_avoided_share': 'c.closeout_useful is not null',
};
const REFERRAL_FILTER: Partial<Record<MetricKey, string>> = {
  'referral.total': 'true',
  'referral.up': "r.direction = 'up'",
  'referral.down': "r.direction = 'down'",
  'referral.green_channel': 'r.green_channel',
  'referral.green_accept_within_30m_share': 'r.green_channel and r.decided_at is not null',
  'referral.accept_median_minutes': 'r.accepted',
  'referral.loop_closure_share': "(r.discharged_at is not null or r.status in ('discharged','closed'))",
  'referral.followup_completion_share': "r.direction = 'down'",
};

async function paged(q: Queryable, sql: string, params: unknown[], a: Args): Promise<{ rows: DrilldownRowDto[]; total: number }> {
  const total = await q.query<{ n: number }>(`select count(*) as n from (${sql}) x`, params);
  const rows = await q.query<DrilldownRowDto>(`${sql} order by date desc, id limit ${a.limit} offset ${a.offset}`, params);
  return { rows, total: total[0]?.n ?? 0 };
}

interface WorkflowRow extends DrilldownRowDto {
  patient_id: string;
  type: 'consult' | 'referral';
  kind: string;
  urgency: string;
  green_channel: boolean;
  status: string;
  patient_name: string | null;
  from_zh: string;
  from_en: string;
  to_zh: string | null;
  to_en: string | null;
}

const NOTHING: DrillResult = { rows: [], total: 0, hidden: 0, patientIds: [] };

/** `$1` of the workflow queries and the column it is compared with. */
function workflowOwner(s: DrillSelection, table: 'consult' | 'referral'): { ids: string[]; column: string } {
  if ('agreementIds' in s) return { ids: s.agreementIds, column: 'agreement_id' };
  const columns = { consult: { sent: 'requester_institution_id', received: 'target_institution_id' }, referral: { sent: 'from_institution_id', received: 'to_institution_id' } };
  return { ids: s.institutionIds, column: columns[table][s.side] };
}

export async function drilldown(q: Queryable, metric: MetricKey, a: Args): Promise<DrillResult> {
  if (!('agreementIds' in a.selection)) return workflowDrilldown(q, metric, a);
  const base = [a.selection.agreementIds, a.from, a.to];
  const plain = async (sql: string, params: unknown[] = base) => ({ ...(await paged(q, sql, params, a)), hidden: 0, patientIds: [] });
  if (metric === 'dispatch.batches' || metric === 'dispatch.person_times') {
    return plain(`select b.id, b.starts_on::text as date, '第 ' || b.batch_no || ' 批' as label, 'Batch ' || b.batch_no as "labelEn",
        i.name_zh || coalesce(' ' || d.name_zh, '') || '：' || (select string_agg(p.name_zh, '、' order by p.name_zh) from dispatch_members m join practitioners p on p.id = m.practitioner_id where m.batch_id = b.id) as detail,
        i.name_en || coalesce(' ' || d.name_en, '') || ': ' || (select string_agg(p.name_en, ', ' order by p.name_en) from dispatch_members m join practitioners p on p.id = m.practitioner_id where m.batch_id = b.id) as "detailEn",
        ${metric === 'dispatch.batches' ? '1' : '(select count(*) from dispatch_members m where m.batch_id = b.id)'}::int as quantity, ${tab('b', 'dispatch')} as href
      from dispatch_batches b join institutions i on i.id = b.host_institution_id left join departments d on d.id = b.host_department_id
      where b.agreement_id = any($1::uuid[]) and b.starts_on between $2 and $3`);
  }
  const kind = ACTIVITY[metric];
  if (kind) {
    const quantity = metric === 'dispatch.patients_seen' ? 'a.quantity' : metric === 'dispatch.operations' ? 'greatest(a.quantity, 1)' : '1';
    return plain(
      `select a.id, a.on_date::text as date, coalesce(a.title, $5) as label, coalesce(a.title, $6) as "labelEn",
          '第 ' || b.batch_no || ' 批 ' || coalesce(p.name_zh, '') as detail, 'Batch ' || b.batch_no || coalesce(' ' || p.name_en, '') as "detailEn",
          ${quantity}::int as quantity, ${tab('b', 'dispatch')} as href
        from dispatch_activities a join dispatch_batches b on b.id = a.batch_id left join practitioners p on p.id = a.practitioner_id
        where b.agreement_id = any($1::uuid[]) and a.on_date between $2 and $3 and a.kind = $4`,
      [...base, kind, ACTIVITY_LABELS[kind].zh, ACTIVITY_LABELS[kind].en],
    );
  }
  if (metric === 'techniques.introduced' || metric === 'techniques.independent') {
    const col = metric === 'techniques.introduced' ? 'introduced_on' : 'first_independent_on';
    return plain(`select t.id, t.${col}::text as date, t.name_zh as label, t.name_en as "labelEn", i.name_zh as detail, i.name_en as "detailEn", 1 as quantity, ${tab('t', 'dispatch')} as href
      from dispatch_techniques t join institutions i on i.id = t.host_institution_id where t.agreement_id = any($1::uuid[]) and t.${col} between $2 and $3`);
  }
  if (metric === 'training.trainees' || metric === 'training.completed') {
    const cond = metric === 'training.trainees' ? "t.status <> 'withdrawn' and t.starts_on between $2 and $3" : "t.status = 'completed' and t.completed_on between $2 and $3";
    return plain(`select t.id, ${metric === 'training.trainees' ? 't.starts_on' : 't.completed_on'}::text as date, t.name_zh as label, coalesce(t.name_en, t.name_zh) as "labelEn",
        hi.name_zh || ' → ' || ho.name_zh as detail, hi.name_en || ' → ' || ho.name_en as "detailEn", 1 as quantity, ${tab('t', 'training')} as href
      from trainees t join institutions hi on hi.id = t.home_institution_id join institutions ho on ho.id = t.host_institution_id
      where t.agreement_id = any($1::uuid[]) and ${cond}`);
  }
  if (metric === 'education.sessions' || metric === 'education.attendance') {
    return plain(`select s.id, ((s.held_at at time zone 'Asia/Shanghai')::date)::text as date, s.topic_zh as label, coalesce(s.topic_en, s.topic_zh) as "labelEn",
        case s.kind when 'lecture' then '讲座' else '病例讨论' end as detail, case s.kind when 'lecture' then 'Lecture' else 'Case conference' end as "detailEn",
        ${metric === 'education.sessions' ? '1' : '(select count(*) from education_attendance x where x.session_id = s.id)'}::int as quantity, ${tab('s', 'education')} as href
      from education_sessions s where s.agreement_id = any($1::uuid[]) and (s.held_at at time zone 'Asia/Shanghai')::date between $2 and $3`);
  }
  return workflowDrilldown(q, metric, a);
}

/** The condition (on `$5`) and value that narrow consults to one breakdown figure (`consult.by_<what>.<value>`). */
function breakdownFilter(key: string | undefined): { sql: string; value: string } | null {
  const m = key?.match(/^consult\.by_(kind|urgency|tier)\.(.+)$/);
  if (!m?.[2]) return null;
  const column = { kind: 'c.kind', urgency: 'c.urgency', tier: "fi.tier || '>' || coalesce(ti.tier, 'none')" }[m[1] as 'kind' | 'urgency' | 'tier'];
  return { sql: `${column} = $5`, value: m[2] };
}

/** Consult and referral rows: only those whose patient the actor's institution may see. */
async function workflowDrilldown(q: Queryable, metric: MetricKey, a: Args): Promise<DrillResult> {
  const consult = CONSULT_FILTER[metric];
  const referral = REFERRAL_FILTER[metric];
  if (!consult && !referral) return NOTHING;
  const owner = workflowOwner(a.selection, consult ? 'consult' : 'referral');
  const narrow = consult ? breakdownFilter(a.breakdown) : null;
  const who = a.patientNames ? "pt.name || ' · ' || " : '';
  const name = a.patientNames ? 'pt.name' : 'null::text';
  const sql = consult
    ? `select c.id, ((c.submitted_at at time zone 'Asia/Shanghai')::date)::text as date, c.kind || ' / ' || c.urgency as label,
          ${who}c.status as detail, 1 as quantity, ${a.patientNames ? "'/consults/' || c.id" : 'null'} as href, c.patient_id,
          'consult' as type, c.kind, c.urgency, false as green_channel, c.status, ${name} as patient_name,
          fi.name_zh as from_zh, fi.name_en as from_en, ti.name_zh as to_zh, ti.name_en as to_en,
          exists (select 1 from patient_access pa where pa.patient_id = c.patient_id and pa.institution_id = $4) as visible
        from consults c join patients pt on pt.id = c.patient_id
          join institutions fi on fi.id = c.requester_institution_id left join institutions ti on ti.id = c.target_institution_id
        where c.${owner.column} = any($1::uuid[]) and c.submitted_at is not null and c.status not in ('draft','cancelled','escalated')
          and (c.submitted_at at time zone 'Asia/Shanghai')::date between $2 and $3 and ${consult}${narrow ? ` and ${narrow.sql}` : ''}`
    : `select r.id, ((r.submitted_at at time zone 'Asia/Shanghai')::date)::text as date, r.direction || case when r.green_channel then ' / 绿色通道' else '' end as label,
          ${who}r.status as detail, 1 as quantity, ${a.patientNames ? "'/referrals/' || r.id" : 'null'} as href, r.patient_id,
          'referral' as type, r.direction as kind, r.urgency, r.green_channel, r.status, ${name} as patient_name,
          fi.name_zh as from_zh, fi.name_en as from_en, ti.name_zh as to_zh, ti.name_en as to_en,
          exists (select 1 from patient_access pa where pa.patient_id = r.patient_id and pa.institution_id = $4) as visible
        from referrals r join patients pt on pt.id = r.patient_id
          join institutions fi on fi.id = r.from_institution_id join institutions ti on ti.id = r.to_institution_id
        where r.${owner.column} = any($1::uuid[]) and r.submitted_at is not null and r.status not in ('draft','cancelled')
          and (r.submitted_at at time zone 'Asia/Shanghai')::date between $2 and $3 and ${referral}`;
  const params = [owner.ids, a.from, a.to, a.institutionId, ...(narrow ? [narrow.value] : [])];
  const counts = await q.query<{ total: number; visible: number }>(`select count(*) as total, count(*) filter (where visible) as visible from (${sql}) x`, params);
  const rows = await q.query<Omit<WorkflowRow, 'labelEn' | 'detailEn'>>(`select * from (${sql}) x where visible order by date desc, id limit ${a.limit} offset ${a.offset}`, params);
  const total = counts[0]?.visible ?? 0;
  return {
    rows: rows.map((r) => ({
      id: r.id,
      date: r.date,
      label: r.label,
      labelEn: r.label,
      detail: r.detail,
      detailEn: r.detail,
      quantity: r.quantity,
      href: r.href,
      record: {
        type: r.type,
        kind: r.kind,
        urgency: r.urgency,
        greenChannel: r.green_channel,
        status: r.status,
        from: { nameZh: r.from_zh, nameEn: r.from_en },
        to: r.to_zh === null || r.to_en === null ? null : { nameZh: r.to_zh, nameEn: r.to_en },
        patientName: r.patient_name,
      },
    })),
    total,
    hidden: (counts[0]?.total ?? 0) - total,
    patientIds: a.patientNames ? [...new Set(rows.map((r) => r.patient_id))] : [],
  };
}
