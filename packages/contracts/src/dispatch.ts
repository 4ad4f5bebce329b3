import { z } from 'zod';
import { text } from './common.js';

const isoDate = z.iso.date();

export const DISPATCH_ACTIVITY_KINDS = ['clinic', 'operation', 'teaching_round', 'lecture', 'case_discussion'] as const;
export type DispatchActivityKind = (typeof DISPATCH_ACTIVITY_KINDS)[number];

export const ActivityInput = z.strictObject({
  practitionerId: z.uuid().optional(),
  kind: z.enum(DISPATCH_ACTIVITY_KINDS),
  onDate: isoDate,
  /** clinic: patients seen; operation: operations performed; others: attendees. */
  quantity: z.number().int().min(0).max(10_000).default(0),
  title: text(200).optional(),
});
export type ActivityInput = z.output<typeof ActivityInput>;

export const CreateBatchInput = z.strictObject({
  agreementId: z.uuid(),
  hostInstitutionId: z.uuid(),
  hostDepartmentId: z.uuid().optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  purpose: text(1000).optional(),
  members: z.array(z.strictObject({ practitionerId: z.uuid(), lead: z.boolean().default(false) })).min(1).max(100),
  activities: z.array(ActivityInput).max(500).default([]),
});
export type CreateBatchInput = z.output<typeof CreateBatchInput>;

export const AddActivitiesInput = z.strictObject({ activities: z.array(ActivityInput).min(1).max(500) });

export const CreateTechniqueInput = z.strictObject({
  agreementId: z.uuid(),
  batchId: z.uuid().optional(),
  hostInstitutionId: z.uuid(),
  hostDepartmentId: z.uuid().optional(),
  nameZh: text(200),
  nameEn: text(300),
  introducedOn: isoDate,
  firstIndependentOn: isoDate.optional(),
});
export type CreateTechniqueInput = z.output<typeof CreateTechniqueInput>;

export const RecordIndependentInput = z.strictObject({ version: z.number().int().min(1), firstIndependentOn: isoDate });

export const BatchQuery = z.strictObject({
  agreementId: z.uuid(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type BatchQuery = z.output<typeof BatchQuery>;
export const AgreementIdQuery = z.strictObject({ agreementId: z.uuid() });

export interface DispatchMemberDto {
  practitionerId: string;
  nameZh: string;
  nameEn: string;
  title: string;
  departmentZh: string | null;
  lead: boolean;
}
export interface DispatchActivityDto {
  id: string;
  practitionerId: string | null;
  kind: DispatchActivityKind;
  onDate: string;
  quantity: number;
  title: string | null;
}
export interface DispatchBatchDto {
  id: string;
  agreementId: string;
  batchNo: number;
  sendingInstitutionId: string;
  hostInstitutionId: string;
  hostInstitutionZh: string;
  hostDepartmentId: string | null;
  hostDepartmentZh: string | null;
  startsOn: string;
  endsOn: string;
  purpose: string | null;
  members: DispatchMemberDto[];
  activities: DispatchActivityDto[];
  version: number;
}
export interface TechniqueDto {
  id: string;
  agreementId: string;
  batchId: string | null;
  hostInstitutionId: string;
  hostDepartmentId: string | null;
  nameZh: string;
  nameEn: string;
  introducedOn: string;
  firstIndependentOn: string | null;
  version: number;
}
