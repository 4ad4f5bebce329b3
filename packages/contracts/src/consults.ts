import { z } from 'zod';
import type { AttachmentDto } from './documents.js';
import type { PatientDto } from './patients.js';

export const CONSULT_KINDS = ['general', 'mdt', 'imaging', 'ecg', 'pathology'] as const;
export type ConsultKind = (typeof CONSULT_KINDS)[number];
export const CONSULT_MODES = ['async', 'live'] as const;
export type ConsultMode = (typeof CONSULT_MODES)[number];
export const CONSULT_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type ConsultUrgency = (typeof CONSULT_URGENCIES)[number];
export const CONSULT_STATUSES = ['draft', 'submitted', 'assigned', 'scheduled', 'in_progress', 'answered', 'closed', 'declined', 'cancelled', 'escalated'] as const;
export type ConsultStatus = (typeof CONSULT_STATUSES)[number];
export const OPEN_CONSULT_STATUSES: readonly ConsultStatus[] = ['submitted', 'assigned', 'scheduled', 'in_progress'];
export const CLOSEOUT_REFERRALS = ['avoided', 'still_needed', 'newly_prompted', 'not_considered'] as const;
export type CloseoutReferral = (typeof CLOSEOUT_REFERRALS)[number];
export const DUE_MEASURES = ['first_response', 'report'] as const;
export type DueMeasure = (typeof DUE_MEASURES)[number];

/** ICD-10 code, e.g. I63.9, G40, C34.1 (letter U is reserved and not accepted). */
export const ICD10 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-TV-Z][0-9][0-9AB](\.[0-9A-Z]{1,4})?$/, 'an ICD-10 code such as I63.9');

export const ConsultDiagnosis = z.strictObject({ code: ICD10, label: z.string().trim().min(1).max(200) });
export type ConsultDiagnosis = z.output<typeof ConsultDiagnosis>;

const longText = (max: number) => z.string().trim().max(max);

export const ConsultClinicalSummary = z.strictObject({
  chiefComplaint: longText(500).default(''),
  history: longText(8000).default(''),
  findings: longText(8000).default(''),
  diagnoses: z.array(ConsultDiagnosis).max(20).default([]),
  question: longText(2000).default(''),
});
export type ConsultClinicalSummary = z.output<typeof ConsultClinicalSummary>;

const version = z.number().int().min(1);
const reason = z.string().trim().min(1).max(1000);

const consultFields = {
  kind: z.enum(CONSULT_KINDS),
  mode: z.enum(CONSULT_MODES),
  urgency: z.enum(CONSULT_URGENCIES),
  targetInstitutionId: z.uuid().nullable().optional(),
  targetDepartmentId: z.uuid().nullable().optional(),
  targetExpertUserId: z.uuid().nullable().optional(),
  consentId: z.uuid().nullable().optional(),
  summary: ConsultClinicalSummary.optional(),
  attachmentIds: z.array(z.uuid()).max(30).optional(),
};

/** A new consult: saved as a draft, or submitted at once with `submit: true` (send an Idempotency-Key). */
export const CreateConsultInput = z.strictObject({
  patientId: z.uuid(),
  ...consultFields,
  submit: z.boolean().default(false),
});
export type CreateConsultInput = z.output<typeof CreateConsultInput>;

export const UpdateConsultDraftInput = z.strictObject({
  version,
  kind: consultFields.kind.optional(),
  mode: consultFields.mode.optional(),
  urgency: consultFields.urgency.optional(),
  targetInstitutionId: consultFields.targetInstitutionId,
  targetDepartmentId: consultFields.targetDepartmentId,
  targetExpertUserId: consultFields.targetExpertUserId,
  consentId: consultFields.consentId,
  summary: consultFields.summary,
  attachmentIds: consultFields.attachmentIds,
});
export type UpdateConsultDraftInput = z.output<typeof UpdateConsultDraftInput>;

export const ConsultVersionInput = z.strictObject({ version });
export type ConsultVersionInput = z.output<typeof ConsultVersionInput>;
export const ConsultReasonInput = z.strictObject({ version, reason });
export type ConsultReasonInput = z.output<typeof ConsultReasonInput>;
export const ConsultAssignInput = z.strictObject({ version, expertUserId: z.uuid() });
export type ConsultAssignInput = z.output<typeof ConsultAssignInput>;
export const ConsultScheduleInput = z.strictObject({ version, slotId: z.uuid() });
export type ConsultScheduleInput = z.output<typeof ConsultScheduleInput>;
export const ConsultMessageInput = z.strictObject({ body: z.string().trim().min(1).max(8000), attachmentIds: z.array(z.uuid()).max(20).optional() });
export type ConsultMessageInput = z.output<typeof ConsultMessageInput>;
export const ConsultRequestInfoInput = z.strictObject({ version, body: z.string().trim().min(1).max(8000) });
export type ConsultRequestInfoInput = z.output<typeof ConsultRequestInfoInput>;
export const ConsultReportInput = z
  .strictObject({
    version,
    impression: z.string().trim().min(1).max(8000),
    recommendations: z.string().trim().min(1).max(8000),
    referralAdvised: z.boolean(),
    referralInstitutionId: z.uuid().nullable().optional(),
    referralNote: z.string().trim().max(1000).nullable().optional(),
  })
  .refine((r) => r.referralAdvised || !r.referralInstitutionId, { path: ['referralInstitutionId'], message: 'only when a referral is advised' });
export type ConsultReportInput = z.output<typeof ConsultReportInput>;
export const ConsultAddendumInput = z.strictObject({ body: z.string().trim().min(1).max(8000) });
export type ConsultAddendumInput = z.output<typeof ConsultAddendumInput>;
export const ConsultCloseoutInput = z.strictObject({
  version,
  useful: z.boolean(),
  referral: z.enum(CLOSEOUT_REFERRALS),
  comment: z.string().trim().max(2000).optional(),
});
export type ConsultCloseoutInput = z.output<typeof ConsultCloseoutInput>;
export const ConsultEscalateInput = z.strictObject({
  version,
  targetInstitutionId: z.uuid(),
  targetDepartmentId: z.uuid().nullable().optional(),
  reason,
});
export type ConsultEscalateInput = z.output<typeof ConsultEscalateInput>;

export const CONSULT_VIEWS = ['requested', 'incoming', 'mine', 'pool'] as const;
export type ConsultView = (typeof CONSULT_VIEWS)[number];
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length))
    .optional();

export const ConsultQuery = z.strictObject({
  view: z.enum(CONSULT_VIEWS).default('requested'),
  status: csv(CONSULT_STATUSES),
  urgency: csv(CONSULT_URGENCIES),
  kind: csv(CONSULT_KINDS),
  departmentId: z.uuid().optional(),
  /** Only consults routed under this agreement (e.g. the closed ones a case conference may cite). */
  agreementId: z.uuid().optional(),
  /** Only consults submitted at least this many hours ago. */
  minAgeHours: z.coerce.number().min(0).max(24 * 365).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['due', 'created', 'updated']).default('due'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsultQuery = z.output<typeof ConsultQuery>;

export const ExpertSlotInput = z
  .strictObject({ expertUserId: z.uuid().optional(), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) })
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { path: ['endsAt'], message: 'after the start' });
export type ExpertSlotInput = z.output<typeof ExpertSlotInput>;
export const ExpertSlotQuery = z.strictObject({ expertUserId: z.uuid(), from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
export type ExpertSlotQuery = z.output<typeof ExpertSlotQuery>;

export const ConsultResponseTargetInput = z.strictObject({
  urgency: z.enum(CONSULT_URGENCIES),
  measure: z.enum(DUE_MEASURES),
  minutes: z.number().int().min(1).max(60 * 24 * 30),
});
export type ConsultResponseTargetInput = z.output<typeof ConsultResponseTargetInput>;

export interface ConsultPartyDto {
  institutionId: string;
  institutionNameZh: string;
  institutionNameEn: string;
  tier: string;
}

export interface ConsultSummaryDto {
  id: string;
  status: ConsultStatus;
  kind: ConsultKind;
  mode: ConsultMode;
  urgency: ConsultUrgency;
  patientId: string;
  patientName: string;
  requester: ConsultPartyDto;
  requesterUserId: string;
  requesterName: string;
  target: ConsultPartyDto | null;
  targetDepartmentId: string | null;
  targetExpertUserId: string | null;
  assignedExpertUserId: string | null;
  assignedExpertName: string | null;
  agreementId: string | null;
  chiefComplaint: string;
  submittedAt: string | null;
  dueAt: string | null;
  dueMeasure: DueMeasure | null;
  paused: boolean;
  overdue: boolean;
  escalatedFromId: string | null;
  chainRootId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ConsultEventDto {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorInstitutionId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
}

export interface ConsultMessageDto {
  id: string;
  authorUserId: string | null;
  authorName: string | null;
  authorInstitutionId: string | null;
  kind: 'message' | 'info_request' | 'info_response';
  body: string;
  createdAt: string;
  attachments: AttachmentDto[];
}

export interface ConsultReportDto {
  impression: string;
  recommendations: string;
  referralAdvised: boolean;
  referralInstitutionId: string | null;
  referralNote: string | null;
  authorUserId: string;
  updatedAt: string;
  signedAt: string | null;
  signedBy: string | null;
  addenda: { id: string; body: string; authorUserId: string; createdAt: string }[];
}

export interface ConsultAppointmentDto {
  id: string;
  slotId: string;
  expertUserId: string;
  startsAt: string;
  endsAt: string;
  requesterConfirmedAt: string | null;
  expertConfirmedAt: string | null;
  joinUrl: string;
}

export interface ConsultDetailDto extends ConsultSummaryDto {
  consentId: string | null;
  summary: ConsultClinicalSummary;
  patient: PatientDto;
  firstResponseAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  infoRequestedAt: string | null;
  pausedMs: number;
  declineReason: string | null;
  cancelReason: string | null;
  escalationReason: string | null;
  closeout: { useful: boolean; referral: CloseoutReferral; comment: string | null } | null;
  /** Attachments of this consult and of every consult in its escalation chain. */
  attachments: AttachmentDto[];
  messages: ConsultMessageDto[];
  report: ConsultReportDto | null;
  appointment: ConsultAppointmentDto | null;
  events: ConsultEventDto[];
  /** The whole escalation chain, lowest tier first. */
  chain: ConsultSummaryDto[];
  /** What the signed-in actor may do now (the web app shows these buttons). */
  allowedActions: string[];
}

export interface TargetSuggestionDto extends ConsultPartyDto {
  agreementId: string | null;
  viaAgreement: boolean;
}

export interface ExpertSuggestionDto {
  userId: string;
  practitionerId: string;
  nameZh: string;
  nameEn: string;
  title: string;
  departmentId: string | null;
  specialties: string[];
  specialtyMatch: boolean;
  openLoad: number;
  nextSlot: { id: string; startsAt: string; endsAt: string } | null;
  score: number;
}

export interface ExpertSlotDto {
  id: string;
  expertUserId: string;
  institutionId: string;
  startsAt: string;
  endsAt: string;
  booked: boolean;
}
