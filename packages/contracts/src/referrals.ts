import { z } from 'zod';
import { type Tier, text } from './common.js';
import { CONSENT_METHODS } from './patients.js';

/** Two-way referral (双向转诊): states, directions, inputs and DTOs shared by API and web. */
export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'declined',
  'bed_reserved',
  'in_transit',
  'arrived',
  'admitted',
  'discharged',
  'closed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** States from which nothing more happens. */
export const REFERRAL_FINAL_STATUSES: readonly ReferralStatus[] = ['declined', 'closed', 'cancelled'];

export const REFERRAL_DIRECTIONS = ['up', 'down', 'lateral'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const TRANSPORT_MODES = ['self', 'ambulance'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const ACCEPTANCE_PLANS = ['admission', 'outpatient'] as const;
export type AcceptancePlan = (typeof ACCEPTANCE_PLANS)[number];

const version = z.number().int().min(1);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const Icd10Diagnosis = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-TV-Z][0-9][0-9AB](\.[0-9A-Z]{1,4})?$/, 'an ICD-10 code such as I63.9'),
  display: text(200),
});
export type Icd10Diagnosis = z.infer<typeof Icd10Diagnosis>;

export const FollowUpPlanInput = z.strictObject({
  visits: z
    .array(z.strictObject({ dueOn: isoDate, purpose: text(200) }))
    .min(1)
    .max(24),
  checks: z.array(text(200)).max(30).default([]),
  medications: z
    .array(z.strictObject({ name: text(100), dose: text(60), frequency: text(60) }))
    .max(30)
    .default([]),
  notes: text(2000).optional(),
});
export type FollowUpPlanInput = z.infer<typeof FollowUpPlanInput>;

/** The patient's consent to the referral (recorded through the patients domain). */
export const ReferralConsentInput = z
  .strictObject({
    method: z.enum(CONSENT_METHODS),
    witnessName: text(80).optional(),
    documentId: z.uuid().optional(),
  })
  .refine((c) => c.method !== 'verbal_witnessed' || !!c.witnessName, { path: ['witnessName'], message: 'a witness is required for verbal consent' })
  .refine((c) => c.method !== 'signed_form' || !!c.documentId, { path: ['documentId'], message: 'attach the signed form' });

export const CreateReferralInput = z.strictObject({
  patientId: z.uuid(),
  toInstitutionId: z.uuid(),
  toDepartmentId: z.uuid(),
  fromDepartmentId: z.uuid().optional(),
  consultId: z.uuid().optional(),
  reason: text(500),
  diagnoses: z.array(Icd10Diagnosis).min(1).max(10),
  summary: text(8000),
  urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
  greenChannel: z.boolean().default(false),
  greenCategory: z.string().trim().min(2).max(40).optional(),
  consent: ReferralConsentInput,
  attachmentIds: z.array(z.uuid()).max(30).default([]),
  followUpPlan: FollowUpPlanInput.optional(),
  /** Create and submit in one step. */
  submit: z.boolean().default(false),
});
export type CreateReferralInput = z.infer<typeof CreateReferralInput>;

export const VersionInput = z.strictObject({ version });

export const CancelReferralInput = z.strictObject({ version, reason: text(500) });

export const AcceptReferralInput = z.strictObject({
  version,
  plan: z.enum(ACCEPTANCE_PLANS).default('admission'),
  appointmentAt: isoDateTime.optional(),
  note: text(2000).optional(),
  /** Reserve this bed in the same step (admissions). */
  bedId: z.uuid().optional(),
});
export type AcceptReferralInput = z.infer<typeof AcceptReferralInput>;

export const DeclineReferralInput = z.strictObject({ version, reason: text(1000), alternative: text(1000).optional() });

export const ReserveBedInput = z.strictObject({ version, bedId: z.uuid() });

export const DepartInput = z.strictObject({
  version,
  transport: z.enum(TRANSPORT_MODES),
  departureAt: isoDateTime,
  note: text(500).optional(),
});

export const AdmitInput = z.strictObject({ version, bedId: z.uuid().optional() });

export const DischargeInput = z.strictObject({
  version,
  diagnoses: z.array(Icd10Diagnosis).min(1).max(10),
  course: text(8000),
  recommendations: text(4000),
  dischargedOn: isoDate.optional(),
});
export type DischargeInput = z.infer<typeof DischargeInput>;

export const RecordFollowUpInput = z.strictObject({
  notes: text(4000),
  doneOn: isoDate.optional(),
});

export const ReferralQuery = z.strictObject({
  box: z.enum(['inbox', 'outbox', 'all']).default('all'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  direction: z.enum(REFERRAL_DIRECTIONS).optional(),
  open: z.enum(['true', 'false']).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ReferralQuery = z.infer<typeof ReferralQuery>;

export const ReferralIdParams = z.strictObject({ id: z.uuid() });
export const FollowUpParams = z.strictObject({ id: z.uuid(), visitId: z.uuid() });

export const UpdateGreenCategoryInput = z.strictObject({
  nameZh: text(40).optional(),
  nameEn: text(80).optional(),
  responseMinutes: z.number().int().min(5).max(24 * 60).optional(),
  active: z.boolean().optional(),
});

export const UpdateReferralSettingsInput = z.strictObject({
  bedHoldMinutes: z.number().int().min(15).max(7 * 24 * 60).optional(),
  openLoopDays: z.number().int().min(1).max(365).optional(),
  followUpGraceDays: z.number().int().min(0).max(60).optional(),
});

export interface GreenCategoryDto {
  code: string;
  nameZh: string;
  nameEn: string;
  responseMinutes: number;
  active: boolean;
}

export interface ReferralSettingsDto {
  institutionId: string | null;
  bedHoldMinutes: number;
  openLoopDays: number;
  followUpGraceDays: number;
}

export interface ReferralPartyDto {
  id: string;
  nameZh: string;
  nameEn: string;
  tier: Tier;
}

export interface BedReservationDto {
  id: string;
  bedId: string;
  bedCode: string;
  wardId: string;
  wardCode: string;
  wardNameZh: string;
  wardNameEn: string;
  status: 'held' | 'occupied' | 'released' | 'expired';
  heldAt: string;
  expiresAt: string | null;
}

export interface FollowUpVisitDto {
  id: string;
  seq: number;
  dueOn: string;
  purpose: string;
  doneAt: string | null;
  doneOn: string | null;
  notes: string | null;
  missedAt: string | null;
  version: number;
}

export interface ReferralEventDto {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  details: Record<string, unknown>;
}

export interface DischargeSummaryDto {
  diagnoses: Icd10Diagnosis[];
  course: string;
  recommendations: string;
  dischargedOn: string;
}

export interface FollowUpPlanDto {
  visits: { dueOn: string; purpose: string }[];
  checks: string[];
  medications: { name: string; dose: string; frequency: string }[];
  notes?: string;
}

export interface ReferralSummaryDto {
  id: string;
  number: number;
  status: ReferralStatus;
  direction: ReferralDirection;
  urgency: ReferralUrgency;
  greenChannel: boolean;
  greenCategory: string | null;
  patient: { id: string; name: string; sex: string; birthDate: string };
  from: ReferralPartyDto;
  to: ReferralPartyDto;
  toDepartment: { id: string; nameZh: string; nameEn: string };
  reason: string;
  createdAt: string;
  submittedAt: string | null;
  /** Green channel: when the receiver must have accepted or declined. */
  responseDueAt: string | null;
  escalatedAt: string | null;
  loopFlaggedAt: string | null;
  version: number;
}

export interface ReferralDto extends ReferralSummaryDto {
  fromDepartmentId: string | null;
  consultId: string | null;
  agreementId: string | null;
  diagnoses: Icd10Diagnosis[];
  summary: string;
  createdBy: { id: string; name: string };
  consentId: string | null;
  attachmentIds: string[];
  decidedAt: string | null;
  accepted: boolean | null;
  acceptancePlan: AcceptancePlan | null;
  appointmentAt: string | null;
  acceptNote: string | null;
  declineReason: string | null;
  alternative: string | null;
  transport: TransportMode | null;
  departureAt: string | null;
  arrivedAt: string | null;
  admittedAt: string | null;
  dischargedAt: string | null;
  loopClosedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  dischargeSummary: DischargeSummaryDto | null;
  followUpPlan: FollowUpPlanDto | null;
  reservation: BedReservationDto | null;
  followUps: FollowUpVisitDto[];
  events: ReferralEventDto[];
  /** What the signed-in actor may do next (drives the buttons). */
  actions: ReferralAction[];
}

export const REFERRAL_ACTIONS = [
  'submit',
  'cancel',
  'accept',
  'decline',
  'reserve_bed',
  'release_bed',
  'depart',
  'arrive',
  'admit',
  'discharge',
  'acknowledge',
  'record_follow_up',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export type BedState = 'free' | 'held' | 'occupied' | 'out_of_service';

export interface WardOccupancyDto {
  id: string;
  institutionId: string;
  departmentId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  isReferralWard: boolean;
  counts: Record<BedState, number>;
  beds: { id: string; code: string; state: BedState; referralId: string | null; expiresAt: string | null }[];
}
