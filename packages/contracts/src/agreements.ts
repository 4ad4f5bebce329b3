import { z } from 'zod';
import { optionalText, text } from './common.js';
import type { AttachmentDto, AttachmentMime } from './documents.js';

export const AGREEMENT_KINDS = [
  'paired_assistance',
  'guided_building',
  'technical_cooperation',
  'trusteeship',
  'medical_alliance',
  'specialty_alliance',
  'integration',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = ['draft', 'active', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const PARTY_ROLES = ['assisting', 'assisted', 'supervising'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** 党建文化, 学科建设, 技术开展, 人才培养, 科研创新, 远程医疗, 双向转诊, 管理提升, 公共卫生. */
export const COOPERATION_AREAS = [
  'party_culture',
  'discipline_building',
  'technique',
  'talent',
  'research',
  'telemedicine',
  'two_way_referral',
  'management',
  'public_health',
] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

/**
 * Every figure the platform computes. `count` metrics add up over a period (targets are pro-rated);
 * `ratio` metrics are shares in [0, 1]; `minutes` are durations (median / p90).
 */
export const METRICS = {
  'dispatch.batches': 'count',
  'dispatch.person_times': 'count',
  'dispatch.clinic_sessions': 'count',
  'dispatch.patients_seen': 'count',
  'dispatch.operations': 'count',
  'dispatch.teaching_rounds': 'count',
  'dispatch.lectures': 'count',
  'dispatch.case_discussions': 'count',
  'techniques.introduced': 'count',
  'techniques.independent': 'count',
  'training.trainees': 'count',
  'training.completed': 'count',
  'education.sessions': 'count',
  'education.attendance': 'count',
  'consult.total': 'count',
  'consult.answered': 'count',
  'consult.within_target_share': 'ratio',
  'consult.response_median_minutes': 'minutes',
  'consult.response_p90_minutes': 'minutes',
  'consult.useful_share': 'ratio',
  'consult.referral_avoided_share': 'ratio',
  'referral.total': 'count',
  'referral.up': 'count',
  'referral.down': 'count',
  'referral.green_channel': 'count',
  'referral.green_accept_within_30m_share': 'ratio',
  'referral.accept_median_minutes': 'minutes',
  'referral.loop_closure_share': 'ratio',
  'referral.followup_completion_share': 'ratio',
} as const satisfies Record<string, 'count' | 'ratio' | 'minutes'>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as [MetricKey, ...MetricKey[]];
export const MetricKeySchema = z.enum(METRIC_KEYS);

const isoDate = z.iso.date();

/** The signed text of an agreement: a PDF or a scan (PNG, JPEG), uploaded through POST /api/attachments. */
export const AGREEMENT_DOCUMENT_MIMES = ['application/pdf', 'image/png', 'image/jpeg'] as const satisfies readonly AttachmentMime[];

export const PartyInput = z.strictObject({ institutionId: z.uuid(), role: z.enum(PARTY_ROLES) });
export const PhaseInput = z.strictObject({
  nameZh: text(80),
  nameEn: text(120),
  kind: z.enum(AGREEMENT_KINDS),
  startsOn: isoDate,
  endsOn: isoDate,
});
export const TargetInput = z.strictObject({
  metric: MetricKeySchema,
  comparison: z.enum(['gte', 'lte']).default('gte'),
  value: z.number().min(0).max(1_000_000),
  /** A calendar year of the agreement; or `phase` (1-based index into phases); or neither (whole term). */
  year: z.number().int().min(2000).max(2100).optional(),
  phase: z.number().int().min(1).max(20).optional(),
});

const agreementFields = {
  titleZh: text(200),
  titleEn: text(300),
  kind: z.enum(AGREEMENT_KINDS),
  descriptionZh: optionalText(4000),
  descriptionEn: optionalText(6000),
  signedOn: isoDate.optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  areas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length).default([]),
  /** The signed text: an attachment uploaded at the actor's institution, PDF or image, used by no other record. */
  documentAttachmentId: z.uuid().optional(),
  parties: z.array(PartyInput).min(2).max(50),
  phases: z.array(PhaseInput).max(20).default([]),
  targets: z.array(TargetInput).max(200).default([]),
};

export const CreateAgreementInput = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ only'),
  ...agreementFields,
});
export type CreateAgreementInput = z.output<typeof CreateAgreementInput>;

/** An amendment replaces the fields it carries (phases, targets, parties as whole lists) and keeps the previous version. */
export const AmendAgreementInput = z.strictObject({
  version: z.number().int().min(1),
  reason: text(500),
  titleZh: agreementFields.titleZh.optional(),
  titleEn: agreementFields.titleEn.optional(),
  kind: agreementFields.kind.optional(),
  descriptionZh: agreementFields.descriptionZh,
  descriptionEn: agreementFields.descriptionEn,
  signedOn: isoDate.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  areas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length).optional(),
  /** A new signed text, or null to detach it (the earlier one stays owned by the agreement, readable from its history). */
  documentAttachmentId: z.uuid().nullable().optional(),
  parties: z.array(PartyInput).min(2).max(50).optional(),
  phases: z.array(PhaseInput).max(20).optional(),
  targets: z.array(TargetInput).max(200).optional(),
});
export type AmendAgreementInput = z.output<typeof AmendAgreementInput>;

export const EndAgreementInput = z.strictObject({ version: z.number().int().min(1), endedOn: isoDate, reason: text(500) });
export type EndAgreementInput = z.output<typeof EndAgreementInput>;

export const AgreementQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  institutionId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AgreementQuery = z.output<typeof AgreementQuery>;

export interface AgreementPartyDto {
  institutionId: string;
  role: PartyRole;
  nameZh: string;
  nameEn: string;
  code: string;
}
export interface AgreementPhaseDto {
  id: string;
  seq: number;
  nameZh: string;
  nameEn: string;
  kind: AgreementKind;
  startsOn: string;
  endsOn: string;
}
export interface AgreementTargetDto {
  id: string;
  metric: MetricKey;
  comparison: 'gte' | 'lte';
  value: number;
  year: number | null;
  phaseId: string | null;
}
export interface AgreementSummaryDto {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string;
  kind: AgreementKind;
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  areas: CooperationArea[];
  parties: AgreementPartyDto[];
  version: number;
}
export interface AgreementDto extends AgreementSummaryDto {
  descriptionZh: string | null;
  descriptionEn: string | null;
  endReason: string | null;
  /** The signed text as it stands (earlier ones stay in the version snapshots and remain readable). */
  documentAttachmentId: string | null;
  /** Metadata of that attachment (open it at /api/attachments/:id/content), or null. */
  document: AttachmentDto | null;
  phases: AgreementPhaseDto[];
  targets: AgreementTargetDto[];
  /** What the actor may do here. */
  can: { amend: boolean; record: boolean };
}
export interface AgreementVersionDto {
  version: number;
  reason: string | null;
  changedBy: string | null;
  changedAt: string;
  snapshot: Record<string, unknown>;
}
