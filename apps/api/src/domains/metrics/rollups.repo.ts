/**
 * Rollups of the partnership domains (dispatch, training, education): one row per agreement × metric
 * × day in `metric_daily`. They are rebuilt for one agreement and one source inside the transaction
 * that changed the source rows, so they are always exact (and an edit or deletion cannot leave a
 * stale count). An agreement has hundreds of such rows, not millions: rebuilding is cheap.
 */
import type { Queryable } from '../../db/db.js';

export type OwnSource = 'dispatch' | 'training' | 'education';

const SOURCES: Record<OwnSource, { metrics: string[]; select: string }> = {
  dispatch: {
    metrics: [
      'dispatch.batches',
      'dispatch.person_times',
      'dispatch.clinic_sessions',
      'dispatch.patients_seen',
      'dispatch.operations',
      'dispatch.teaching_rounds',
      'dispatch.lectures',
      'dispatch.case_discussions',
      'techniques.introduced',
      'techniques.independent',
    ],
    select: `
      select 'dispatch.batches' as metric, b.starts_on as day, count(*) as value from dispatch_batches b where b.agreement_id = $1 group by b.starts_on
      union all
      select 'dispatch.person_times', b.starts_on, count(*) from dispatch_batches b join dispatch_members m on m.batch_id = b.id where b.agreement_id = $1 group by b.starts_on
      union all
      select case a.kind when 'clinic' then 'dispatch.clinic_sessions' when 'operation' then 'dispatch.operations'
                         when 'teaching_round' then 'dispatch.teaching_rounds' when 'lecture' then 'dispatch.lectures'
                         else 'dispatch.case_discussions' end,
             a.on_date,
             case when a.kind = 'operation' then sum(greatest(a.quantity, 1)) else count(*) end
        from dispatch_activities a join dispatch_batches b on b.id = a.batch_id where b.agreement_id = $1 group by a.kind, a.on_date
      union all
      select 'dispatch.patients_seen', a.on_date, sum(a.quantity) from dispatch_activities a join dispatch_batches b on b.id = a.batch_id
       where b.agreement_id = $1 and a.kind = 'clinic' group by a.on_date
      union all
      select 'techniques.introduced', t.introduced_on, count(*) from dispatch_techniques t where t.agreement_id = $1 group by t.introduced_on
      union all
      select 'techniques.independent', t.first_independent_on, count(*) from dispatch_techniques t
       where t.agreement_id = $1 and t.first_independent_on is not null group by t.first_independent_on`,
  },
  training: {
    metrics: ['training.trainees', 'training.completed'],
    select: `
      select 'training.trainees' as metric, t.starts_on as day, count(*) as value from trainees t where t.agreement_id = $1 and t.status <> 'withdrawn' group by t.starts_on
      union all
      select 'training.completed', t.completed_on, count(*) from trainees t where t.agreement_id = $1 and t.status = 'completed' group by t.completed_on`,
  },
  education: {
    metrics: ['education.sessions', 'education.attendance'],
    select: `
      select 'education.sessions' as metric, (s.held_at at time zone 'Asia/Shanghai')::date as day, count(*) as value
        from education_sessions s where s.agreement_id = $1 group by 2
      union all
      select 'education.attendance', (s.held_at at time zone 'Asia/Shanghai')::date, count(*)
        from education_sessions s join education_attendance a on a.session_id = s.id where s.agreement_id = $1 group by 2`,
  },
};

/** Rebuilds the daily rollups of one source for one agreement. Call it in the writing transaction. */
export async function refreshOwnRollups(tx: Queryable, agreementId: string, source: OwnSource): Promise<void> {
  const s = SOURCES[source];
  await tx.query('delete from metric_daily where agreement_id = $1 and metric = any($2::text[])', [agreementId, s.metrics]);
  await tx.query(
    `insert into metric_daily (agreement_id, metric, day, value)
     select $1, metric, day, sum(value) from (${s.select}) x group by metric, day having sum(value) <> 0`,
    [agreementId],
  );
}
