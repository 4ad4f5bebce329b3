import { z } from 'zod';
import { text } from './common.js';

export const EDUCATION_KINDS = ['lecture', 'case_conference'] as const;
export type EducationKind = (typeof EDUCATION_KINDS)[number];

export const CreateEducationSessionInput = z.strictObject({
  agreementId: z.uuid(),
  kind: z.enum(EDUCATION_KINDS),
  topicZh: text(200),
  topicEn: text(300).optional(),
  heldAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(1).max(1440),
  hostInstitutionId: z.uuid(),
  presenters: z.array(z.strictObject({ practitionerId: z.uuid().optional(), name: text(60) })).min(1).max(20),
  audienceInstitutionIds: z.array(z.uuid()).min(1).max(200),
  citedConsultId: z.uuid().optional(),
  /** De-identified: no names, ID numbers or phone numbers (checked). */
  caseSummary: text(4000).optional(),
});
export type CreateEducationSessionInput = z.output<typeof CreateEducationSessionInput>;

export const RecordAttendanceInput = z.strictObject({
  attendees: z
    .array(z.strictObject({ personName: text(60), institutionId: z.uuid(), userId: z.uuid().optional(), minutes: z.number().int().min(0).max(1440).optional() }))
    .min(1)
    .max(2000),
});
export type RecordAttendanceInput = z.output<typeof RecordAttendanceInput>;

export const EducationQuery = z.strictObject({
  agreementId: z.uuid(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type EducationQuery = z.output<typeof EducationQuery>;

export interface EducationSessionDto {
  id: string;
  agreementId: string;
  kind: EducationKind;
  topicZh: string;
  topicEn: string | null;
  heldAt: string;
  durationMinutes: number;
  hostInstitutionId: string;
  presenters: { practitionerId?: string; name: string }[];
  audienceInstitutionIds: string[];
  citedConsultId: string | null;
  caseSummary: string | null;
  attendance: { id: string; personName: string; institutionId: string; minutes: number | null }[];
  version: number;
}
