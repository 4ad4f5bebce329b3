import { z } from 'zod';
import { text } from './common.js';

const isoDate = z.iso.date();

export const TRAINEE_STATUSES = ['in_training', 'completed', 'withdrawn'] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];
export const ASSESSMENT_KINDS = ['theory', 'skills', 'ward_performance', 'final'] as const;
export const ASSESSMENT_RESULTS = ['excellent', 'pass', 'fail'] as const;

export const RotationInput = z.strictObject({ nameZh: text(80), nameEn: text(120).optional(), startsOn: isoDate, endsOn: isoDate });

export const CreateTraineeInput = z.strictObject({
  agreementId: z.uuid(),
  nameZh: text(60),
  nameEn: text(120).optional(),
  position: text(80).optional(),
  homeInstitutionId: z.uuid(),
  homeDepartmentId: z.uuid().optional(),
  hostInstitutionId: z.uuid(),
  hostDepartmentId: z.uuid().optional(),
  supervisorPractitionerId: z.uuid().optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  rotationPlan: z.array(RotationInput).max(24).default([]),
});
export type CreateTraineeInput = z.output<typeof CreateTraineeInput>;

export const AddAssessmentInput = z.strictObject({
  onDate: isoDate,
  kind: z.enum(ASSESSMENT_KINDS),
  score: z.number().min(0).max(100).optional(),
  result: z.enum(ASSESSMENT_RESULTS),
  assessor: text(60),
  comment: text(1000).optional(),
});
export type AddAssessmentInput = z.output<typeof AddAssessmentInput>;

export const CompleteTraineeInput = z.strictObject({ version: z.number().int().min(1), completedOn: isoDate });
export const WithdrawTraineeInput = z.strictObject({ version: z.number().int().min(1), reason: text(500) });

export const TraineeQuery = z.strictObject({
  agreementId: z.uuid(),
  status: z.enum(TRAINEE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TraineeQuery = z.output<typeof TraineeQuery>;

export interface AssessmentDto {
  id: string;
  onDate: string;
  kind: (typeof ASSESSMENT_KINDS)[number];
  score: number | null;
  result: (typeof ASSESSMENT_RESULTS)[number];
  assessor: string;
  comment: string | null;
}
export interface TraineeDto {
  id: string;
  agreementId: string;
  nameZh: string;
  nameEn: string | null;
  position: string | null;
  homeInstitutionId: string;
  homeInstitutionZh: string;
  homeDepartmentId: string | null;
  hostInstitutionId: string;
  hostInstitutionZh: string;
  hostDepartmentId: string | null;
  hostDepartmentZh: string | null;
  supervisorPractitionerId: string | null;
  supervisorZh: string | null;
  startsOn: string;
  endsOn: string;
  rotationPlan: z.output<typeof RotationInput>[];
  status: TraineeStatus;
  completedOn: string | null;
  certificateNo: string | null;
  assessments: AssessmentDto[];
  version: number;
}
