/**
 * The records behind a figure. Partnership records (dispatch, training, education) carry no patient
 * data; consult and referral rows do, so only rows whose patient the actor's institution may see
 * (patient_access) are returned — the others are counted as `hidden`. The patient's name (and the link
 * to the record) only go to clinical roles, who may open the record itself; leaders, admins and auditors
 * see the row without them, and no patient is disclosed to them.
 */
import type { DrilldownRowDto, MetricKey } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

export interface DrillResult {
  rows: DrilldownRowDto[];
  total: number;
  hidden: number;
  patientIds: string[];
}

interface Args {
  agreementId: string;
  from: string;
  to: string;
  limit: number;
  offset: number;
  institutionId: string;
  /** The actor holds a clinical role: rows carry the patient's name and link to the record. */
  patientNames: boolean;
}

const ACTIVITY: Partial<Record<MetricKey, string>> = {
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

export async function drilldown(q: Queryable, metric: MetricKey, a: Args): Promise<DrillResult> {
  const base = [a.agreementId, a.from, a.to];
  const plain = async (sql: string, params: unknown[] = base) => ({ ...(await paged(q, sql, params, a)), hidden: 0, patientIds: [] });
  if (metric === 'dispatch.batches' || metric === 'dispatch.person_times') {
    return plain(`select b.id, b.starts_on::text as date, '第 ' || b.batch_no || ' 批' as label,
        i.name_zh || coalesce(' ' || d.name_zh, '') || '：' || (select string_agg(p.name_zh, '、' order by p.name_zh) from dispatch_members m join practitioners p on p.id = m.practitioner_id where m.batch_id = b.id) as detail,
        ${metric === 'dispatch.batches' ? '1' : '(select count(*) from dispatch_members m where m.batch_id = b.id)'}::int as quantity, '/dispatch/' || b.id as href
      from dispatch_batches b join institutions i on i.id = b.host_institution_id left join departments d on d.id = b.host_department_id
      where b.agreement_id = $1 and b.starts_on between $2 and $3`);
  }
  const kind = ACTIVITY[metric];
  if (kind) {
    const quantity = metric === 'dispatch.patients_seen' ? 'a.quantity' : metric === 'dispatch.operations' ? 'greatest(a.quantity, 1)' : '1';
    return plain(
      `select a.id, a.on_date::text as date, coalesce(a.title, a.kind) as label, '第 ' || b.batch_no || ' 批 ' || coalesce(p.name_zh, '') as detail,
          ${quantity}::int as quantity, '/dispatch/' || b.id as href
        from dispatch_activities a join dispatch_batches b on b.id = a.batch_id left join practitioners p on p.id = a.practitioner_id
        where b.agreement_id = $1 and a.on_date between $2 and $3 and a.kind = $4`,
      [...base, kind],
    );
  }
  if (metric === 'techniques.introduced' || metric === 'techniques.independent') {
    const col = metric === 'techniques.introduced' ? 'introduced_on' : 'first_independent_on';
    return plain(`select t.id, t.${col}::text as date, t.name_zh as label, i.name_zh as detail, 1 as quantity, null as href
      from dispatch_techniques t join institutions i on i.id = t.host_institution_id where t.agreement_id = $1 and t.${col} between $2 and $3`);
  }
  if (metric === 'training.trainees' || metric === 'training.completed') {
    const cond = metric === 'training.trainees' ? "t.status <> 'withdrawn' and t.starts_on between $2 and $3" : "t.status = 'completed' and t.completed_on between $2 and $3";
    return plain(`select t.id, ${metric === 'training.trainees' ? 't.starts_on' : 't.completed_on'}::text as date, t.name_zh as label,
        hi.name_zh || ' → ' || ho.name_zh as detail, 1 as quantity, '/trainees/' || t.id as href
      from trainees t join institutions hi on hi.id = t.home_institution_id join institutions ho on ho.id = t.host_institution_id
      where t.agreement_id = $1 and ${cond}`);
  }
  if (metric === 'education.sessions' || metric === 'education.attendance') {
    return plain(`select s.id, ((s.held_at at time zone 'Asia/Shanghai')::date)::text as date, s.topic_zh as label, s.kind as detail,
        ${metric === 'education.sessions' ? '1' : '(select count(*) from education_attendance x where x.session_id = s.id)'}::int as quantity, null as href
      from education_sessions s where s.agreement_id = $1 and (s.held_at at time zone 'Asia/Shanghai')::date between $2 and $3`);
  }
  const consult = CONSULT_FILTER[metric];
  const referral = REFERRAL_FILTER[metric];
  if (!consult && !referral) return { rows: [], total: 0, hidden: 0, patientIds: [] };
  const who = a.patientNames ? "pt.name || ' · ' || " : '';
  const sql = consult
    ? `select c.id, ((c.submitted_at at time zone 'Asia/Shanghai')::date)::text as date, c.kind || ' / ' || c.urgency as label,
          ${who}c.status as detail, 1 as quantity, ${a.patientNames ? "'/consults/' || c.id" : 'null'} as href, c.patient_id,
          exists (select 1 from patient_access pa where pa.patient_id = c.patient_id and pa.institution_id = $4) as visible
        from consults c join patients pt on pt.id = c.patient_id
        where c.agreement_id = $1 and c.submitted_at is not null and c.status not in ('draft','cancelled','escalated')
          and (c.submitted_at at time zone 'Asia/Shanghai')::date between $2 and $3 and ${consult}`
    : `select r.id, ((r.submitted_at at time zone 'Asia/Shanghai')::date)::text as date, r.direction || case when r.green_channel then ' / 绿色通道' else '' end as label,
          ${who}r.status as detail, 1 as quantity, ${a.patientNames ? "'/referrals/' || r.id" : 'null'} as href, r.patient_id,
          exists (select 1 from patient_access pa where pa.patient_id = r.patient_id and pa.institution_id = $4) as visible
        from referrals r join patients pt on pt.id = r.patient_id
        where r.agreement_id = $1 and r.submitted_at is not null and r.status not in ('draft','cancelled')
          and (r.submitted_at at time zone 'Asia/Shanghai')::date between $2 and $3 and ${referral}`;
  const params = [...base, a.institutionId];
  const counts = await q.query<{ total: number; visible: number }>(`select count(*) as total, count(*) filter (where visible) as visible from (${sql}) x`, params);
  const rows = await q.query<DrilldownRowDto & { patient_id: string }>(
    `select id, date, label, detail, quantity, href, patient_id from (${sql}) x where visible order by date desc, id limit ${a.limit} offset ${a.offset}`,
    params,
  );
  const total = counts[0]?.visible ?? 0;
  return {
    rows: rows.map(({ patient_id: _p, ...r }) => r),
    total,
    hidden: (counts[0]?.total ?? 0) - total,
    patientIds: a.patientNames ? [...new Set(rows.map((r) => r.patient_id))] : [],
  };
}
