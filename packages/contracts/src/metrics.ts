import { z } from 'zod';
import { MetricKeySchema, type MetricKey } from './agreements.js';
import { text, TIERS } from './common.js';
import { CONSULT_KINDS, CONSULT_URGENCIES } from './consults.js';

const isoDate = z.iso.date();

export const PeriodQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export type PeriodQuery = z.output<typeof PeriodQuery>;

/**
 * A consult breakdown figure, as the dashboards publish it: `consult.by_kind.<kind>`,
 * `consult.by_urgency.<urgency>` or `consult.by_tier.<requester tier>><target tier>`.
 */
const tierPair = `(${TIERS.join('|')})>(${TIERS.join('|')}|none)`;
export const CONSULT_BREAKDOWN = new RegExp(`^consult\\.(by_kind\\.(${CONSULT_KINDS.join('|')})|by_urgency\\.(${CONSULT_URGENCIES.join('|')})|by_tier\\.${tierPair})$`);
export type ConsultBreakdownKey = `consult.by_${'kind' | 'urgency' | 'tier'}.${string}`;

const drilldownShape = {
  metric: MetricKeySchema,
  /** Narrows a consult figure to one breakdown (e.g. `consult.by_kind.mdt`). */
  breakdown: z.string().regex(CONSULT_BREAKDOWN).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const breakdownOfConsults = (q: { metric: string; breakdown?: string | undefined }) => q.breakdown === undefined || q.metric.startsWith('consult.');
const breakdownIssue = { path: ['breakdown'], message: 'only consult figures have a breakdown' };

export const DrilldownQuery = z.strictObject(drilldownShape).refine(breakdownOfConsults, breakdownIssue);
export type DrilldownQuery = z.output<typeof DrilldownQuery>;

export const DRILL_SIDES = ['sent', 'received'] as const;
export type DrillSide = (typeof DRILL_SIDES)[number];
/**
 * The records behind a figure of an institution, a region or a network: without `side`, those of the
 * scope's agreements (the totals row); with `side`, the consults or referrals its institutions sent or
 * received (consult and referral figures only — partnership work has no side).
 */
export const ScopeDrilldownQuery = z
  .strictObject({ ...drilldownShape, side: z.enum(DRILL_SIDES).optional() })
  .refine(breakdownOfConsults, breakdownIssue)
  .refine((q) => q.side === undefined || q.metric.startsWith('consult.') || q.metric.startsWith('referral.'), {
    path: ['side'],
    message: 'only consult and referral figures have a sent / received side',
  });
export type ScopeDrilldownQuery = z.output<typeof ScopeDrilldownQuery>;

export const CreateAdjustmentInput = z.strictObject({
  metric: MetricKeySchema,
  onDate: isoDate,
  delta: z.number().min(-100_000).max(100_000).refine((n) => n !== 0, 'must not be zero'),
  reason: text(500),
});
export type CreateAdjustmentInput = z.output<typeof CreateAdjustmentInput>;

/** The report's language is the request's (`?lang=`, cookie, Accept-Language), Chinese by default. */
export const ReportQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export type TargetStatus = 'met' | 'on_track' | 'behind' | 'not_started' | 'no_data';

export interface TargetProgressDto {
  targetId: string;
  metric: MetricKey;
  comparison: 'gte' | 'lte';
  value: number;
  periodLabel: { zh: string; en: string };
  periodFrom: string;
  periodTo: string;
  actual: number | null;
  /** Pro-rata expectation today for count targets; the target itself for shares and durations. */
  expected: number;
  elapsedShare: number;
  status: TargetStatus;
}

export interface DashboardDto {
  agreementId: string;
  from: string;
  to: string;
  asOf: string;
  figures: Partial<Record<MetricKey, number | null>>;
  /** Adjustments included in the figures, per metric. */
  adjustments: Partial<Record<MetricKey, number>>;
  monthly: { month: string; values: Partial<Record<MetricKey, number>> }[];
  targets: TargetProgressDto[];
}

export interface OverviewRowDto {
  agreementId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  status: string;
  figures: Partial<Record<MetricKey, number | null>>;
  targetsBehind: number;
  targetsTotal: number;
}
export interface OverviewDto {
  from: string;
  to: string;
  rows: OverviewRowDto[];
  totals: Partial<Record<MetricKey, number | null>>;
}

/** A region is an administrative division code prefix: 2 digits (province), 4 (prefecture) or 6 (county). */
export const RegionParams = z.strictObject({ code: z.string().regex(/^([0-9]{2}|[0-9]{4}|[0-9]{6})$/) });
export type RegionParams = z.output<typeof RegionParams>;

export type ScopeKind = 'institution' | 'region' | 'network';
/**
 * KPIs beyond one agreement: an institution, a region or a supervising authority's network. Partnership
 * figures (dispatch, training, education) are summed over the agreements involved; consult and referral
 * figures come from the institution rollups, as sent (requester / referring side) and received.
 */
export interface ScopeFiguresDto {
  kind: ScopeKind;
  /** Institution id, or the division code prefix of a region. */
  key: string;
  nameZh: string;
  nameEn: string;
  from: string;
  to: string;
  /** Institutions whose consults and referrals are counted. */
  institutionCount: number;
  agreements: OverviewRowDto[];
  totals: Partial<Record<MetricKey, number | null>>;
  sent: Partial<Record<MetricKey, number | null>>;
  received: Partial<Record<MetricKey, number | null>>;
}

/** What a consult or referral row is, for the web app to label in the reader's language. */
export interface DrilldownRecordDto {
  type: 'consult' | 'referral';
  /** Consult kind (general, mdt…) or referral direction (up, down, lateral). */
  kind: string;
  urgency: string;
  greenChannel: boolean;
  status: string;
  from: { nameZh: string; nameEn: string };
  to: { nameZh: string; nameEn: string } | null;
  /** Clinical roles only (those who may open the record); null for the others. */
  patientName: string | null;
}
export interface DrilldownRowDto {
  id: string;
  date: string;
  /** Plain-text summary in Chinese, and in English; the web app labels `record` rows itself. */
  label: string;
  labelEn: string;
  detail: string;
  detailEn: string;
  quantity: number;
  /** The record's page in the web app, where the actor may open it. */
  href: string | null;
  record?: DrilldownRecordDto;
}
export interface DrilldownDto {
  metric: MetricKey;
  breakdown?: string;
  items: DrilldownRowDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Rows hidden because the actor's institution may not see the patients behind them. */
  hidden: number;
}

export interface AdjustmentDto {
  id: string;
  metric: MetricKey;
  onDate: string;
  delta: number;
  reason: string;
  authorUserId: string;
  createdAt: string;
}
