import {
  type AdjustmentDto,
  CLINICAL_ROLES,
  type CreateAdjustmentInput,
  type DashboardDto,
  type DrilldownDto,
  type DrilldownQuery,
  METRICS,
  type MetricKey,
  type OverviewDto,
  type OverviewRowDto,
  type PeriodQuery,
  type TargetProgressDto,
} from '@yilian/contracts';
import type { Db, Queryable } from '../../db/db.js';
import { type Actor, hasRole, requireRole } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { AppError, errors } from '../../http/errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { agreementContext, supervisedScope } from '../agreements/index.js';
import type { AuditLog } from '../audit/index.js';
import { drilldown } from './drilldown.repo.js';
import { countTotals, type Figures, figuresByKey, type KeyedFigures, type TargetInputs, targetProgress } from './figures.js';
import * as repo from './metrics.repo.js';
import type { AgreementListRow } from './scope.repo.js';
import { badPeriod, calendarPeriod, chinaDate, createScopeViews, type DrillReader } from './scope.service.js';
import { catchUpWorkflowRollups } from './workflow-rollup.js';

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);


export function createMetricsService(deps: { db: Db; clock: Clock; audit: AuditLog; jobs: JobQueue }) {
  const { db, clock, audit, jobs } = deps;

  jobs.register('metrics.rollup', async (_payload, { tx, queue }) => {
    const limit = 20_000;
    if ((await catchUpWorkflowRollups(tx, limit)) >= limit) await queue.enqueue(tx, 'metrics.rollup', {});
  });

  /** Brings the workflow rollups up to date before a read (bounded; the job does the rest). */
  async function catchUp(): Promise<void> {
    await db.transaction(async (tx) => {
      if ((await catchUpWorkflowRollups(tx, 5_000)) >= 5_000) await jobs.enqueue(tx, 'metrics.rollup', {});
    });
  }

  async function figuresFor(q: Queryable, ids: string[], from: string, to: string): Promise<Map<string, KeyedFigures>> {
    const [sumRows, adjRows, histRows] = await Promise.all([repo.sums(q, ids, from, to), repo.adjustmentSums(q, ids, from, to), repo.histograms(q, ids, from, to)]);
    return figuresByKey(ids, sumRows, adjRows, histRows);
  }

  async function targetsProgress(q: Queryable, agreementId: string, asOf: string): Promise<TargetProgressDto[]> {
    const [a] = await q.query<{ starts_on: string; ends_on: string }>('select starts_on, ends_on from agreements where id = $1', [agreementId]);
    if (!a) return [];
    const targets = await q.query<{ id: string; metric: MetricKey; comparison: 'gte' | 'lte'; target_value: number; year: number | null; p_starts: string | null; p_ends: string | null; p_zh: string | null; p_en: string | null }>(
      `select t.id, t.metric, t.comparison, t.target_value, t.year, p.starts_on as p_starts, p.ends_on as p_ends, p.name_zh as p_zh, p.name_en as p_en
         from agreement_targets t left join agreement_phases p on p.id = t.phase_id where t.agreement_id = $1 order by t.year nulls last, p.seq nulls first, t.metric`,
      [agreementId],
    );
    const inputs: TargetInputs[] = targets.map((t) => {
      const [periodFrom, periodTo, label] =
        t.year !== null
          ? [maxDate(a.starts_on, `${t.year}-01-01`), minDate(a.ends_on, `${t.year}-12-31`), { zh: `${t.year} 年度`, en: `Year ${t.year}` }]
          : t.p_starts && t.p_ends
            ? [t.p_starts, t.p_ends, { zh: t.p_zh ?? '', en: t.p_en ?? '' }]
            : [a.starts_on, a.ends_on, { zh: '协议全期', en: 'Whole term' }];
      return { targetId: t.id, metric: t.metric, comparison: t.comparison, value: Number(t.target_value), periodFrom, periodTo, periodLabel: label };
    });
    const out: TargetProgressDto[] = [];
    const cache = new Map<string, Figures>();
    for (const t of inputs) {
      const key = `${t.periodFrom}|${t.periodTo}`;
      let figures = cache.get(key);
      if (!figures) {
        figures = (await figuresFor(q, [agreementId], t.periodFrom, t.periodTo)).get(agreementId)?.figures ?? {};
        cache.set(key, figures);
      }
      out.push(targetProgress(t, figures[t.metric] ?? null, asOf));
    }
    return out;
  }

  async function period(agreementId: string, p: PeriodQuery) {
    const [a] = await db.query<{ starts_on: string; ends_on: string }>('select starts_on, ends_on from agreements where id = $1', [agreementId]);
    const asOf = chinaDate(clock.now());
    const year = asOf.slice(0, 4);
    const from = p.from ?? maxDate(a?.starts_on ?? `${year}-01-01`, `${year}-01-01`);
    const to = p.to ?? minDate(a?.ends_on ?? `${year}-12-31`, `${year}-12-31`);
    if (to < from) throw badPeriod();
    return { from, to, asOf };
  }

  /** One overview row per agreement: its figures over [from, to] and how many of its targets are behind on `asOf`. */
  async function agreementRows(q: Queryable, agreements: AgreementListRow[], from: string, to: string, asOf: string): Promise<OverviewRowDto[]> {
    const figs = await figuresFor(q, agreements.map((a) => a.id), from, to);
    const rows: OverviewRowDto[] = [];
    for (const a of agreements) {
      const targets = await targetsProgress(q, a.id, asOf);
      rows.push({
        agreementId: a.id,
        code: a.code,
        titleZh: a.title_zh,
        titleEn: a.title_en,
        status: a.status,
        figures: figs.get(a.id)?.figures ?? {},
        targetsBehind: targets.filter((t) => t.status === 'behind').length,
        targetsTotal: targets.length,
      });
    }
    return rows;
  }

  /** The records behind a figure; a read that names patients (clinical roles) is audited with their ids. */
  const drill: DrillReader = (actor, selection, query, { from, to }, entity) =>
    db.transaction(async (tx) => {
      const patientNames = hasRole(actor, ...CLINICAL_ROLES);
      const r = await drilldown(tx, query.metric, { selection, from, to, breakdown: query.breakdown, limit: query.pageSize, offset: (query.page - 1) * query.pageSize, institutionId: actor.institutionId, patientNames });
      if (r.patientIds.length > 0) {
        const side = 'side' in selection ? { side: selection.side } : {};
        await audit.record(tx, actor, { action: 'metrics.drilldown_read', entityType: entity.type, entityId: entity.id, details: { metric: query.metric, ...side, ...(query.breakdown ? { breakdown: query.breakdown } : {}), from, to, patientIds: r.patientIds } });
      }
      return { metric: query.metric, ...(query.breakdown ? { breakdown: query.breakdown } : {}), items: r.rows, total: r.total, hidden: r.hidden, page: query.page, pageSize: query.pageSize };
    });

  const service = {
    async dashboard(actor: Actor, agreementId: string, p: PeriodQuery): Promise<DashboardDto> {
      await agreementContext(db, actor, agreementId, false);
      const { from, to, asOf } = await period(agreementId, p);
      await catchUp();
      const [figs, monthlyRows, targets] = await Promise.all([figuresFor(db, [agreementId], from, to), repo.monthly(db, agreementId, from, to), targetsProgress(db, agreementId, asOf)]);
      const months = new Map<string, Partial<Record<MetricKey, number>>>();
      for (const r of monthlyRows) {
        if (!(r.metric in METRICS)) continue;
        const m = months.get(r.month) ?? {};
        m[r.metric as MetricKey] = Number(r.value);
        months.set(r.month, m);
      }
      const f = figs.get(agreementId);
      return {
        agreementId,
        from,
        to,
        asOf,
        figures: f?.figures ?? {},
        adjustments: f?.adjustments ?? {},
        monthly: [...months.entries()].map(([month, values]) => ({ month, values })),
        targets,
      };
    },

    /** Program managers: every agreement supervised within their scope, with its figures. */
    async overview(actor: Actor, p: PeriodQuery): Promise<OverviewDto> {
      requireRole(actor, 'leader');
      const { from, to, asOf } = calendarPeriod(p, clock.now());
      await catchUp();
      const rows = await agreementRows(db, await repo.supervisedAgreements(db, await supervisedScope(db, actor)), from, to, asOf);
      const totals = countTotals(rows.map((r) => r.figures));
      return { from, to, rows, totals };
    },

    async drilldown(actor: Actor, agreementId: string, query: DrilldownQuery): Promise<DrilldownDto> {
      await agreementContext(db, actor, agreementId, false);
      return drill(actor, { agreementIds: [agreementId] }, query, await period(agreementId, query), { type: 'agreement', id: agreementId });
    },

    async addAdjustment(actor: Actor, agreementId: string, input: CreateAdjustmentInput): Promise<AdjustmentDto> {
      const ctx = await agreementContext(db, actor, agreementId, false);
      if (!ctx.access.amend) throw errors.forbidden();
      if (METRICS[input.metric] !== 'count') {
        throw new AppError(400, 'metrics.adjust_not_count', { zh: '只能对计数类指标做人工调整', en: 'Only count metrics can be adjusted' });
      }
      return db.transaction(async (tx) => {
        const id = await repo.insertAdjustment(tx, { agreementId, metric: input.metric, onDate: input.onDate, delta: input.delta, reason: input.reason, userId: actor.userId, at: clock.now() });
        await audit.record(tx, actor, { action: 'metrics.adjustment_create', entityType: 'metric_adjustment', entityId: id, details: { agreementId, ...input } });
        return { id, metric: input.metric, onDate: input.onDate, delta: input.delta, reason: input.reason, authorUserId: actor.userId, createdAt: clock.now().toISOString() };
      });
    },

    async adjustments(actor: Actor, agreementId: string): Promise<AdjustmentDto[]> {
      await agreementContext(db, actor, agreementId, false);
      return (await repo.adjustmentsOf(db, agreementId)).map((r) => ({
        id: r.id,
        metric: r.metric as MetricKey,
        onDate: r.on_date,
        delta: Number(r.delta),
        reason: r.reason,
        authorUserId: r.author_user_id,
        createdAt: r.created_at.toISOString(),
      }));
    },

    ...createScopeViews({ db, clock, catchUp, agreementRows, drill }),
    figuresFor,
    targetsProgress,
    catchUp,
  };
  return service;
}

export type MetricsService = ReturnType<typeof createMetricsService>;
