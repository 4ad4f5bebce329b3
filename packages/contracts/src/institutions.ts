import { z } from 'zod';
import { GRADES, INSTITUTION_TYPES, TIERS, TITLES, text } from './common.js';

const code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ only');

export const CreateInstitutionInput = z.strictObject({
  code,
  nameZh: text(120),
  nameEn: text(200),
  shortNameZh: text(40).optional(),
  tier: z.enum(TIERS),
  grade: z.enum(GRADES).default('unrated'),
  type: z.enum(INSTITUTION_TYPES),
  divisionCode: z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code'),
  regionZh: text(80),
  regionEn: text(120),
  parentId: z.uuid().optional(),
  address: text(200).optional(),
});
export type CreateInstitutionInput = z.infer<typeof CreateInstitutionInput>;

export const UpdateInstitutionInput = CreateInstitutionInput.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1), active: z.boolean().optional() })
  .strict();
export type UpdateInstitutionInput = z.infer<typeof UpdateInstitutionInput>;

export const InstitutionQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  tier: z.enum(TIERS).optional(),
  grade: z.enum(GRADES).optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
  division: z.string().regex(/^\d{2,6}$/).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type InstitutionQuery = z.infer<typeof InstitutionQuery>;

export interface InstitutionDto {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  tier: (typeof TIERS)[number];
  grade: (typeof GRADES)[number];
  type: (typeof INSTITUTION_TYPES)[number];
  divisionCode: string;
  regionZh: string;
  regionEn: string;
  parentId: string | null;
  address: string | null;
  active: boolean;
  version: number;
  departmentCount?: number;
  practitionerCount?: number;
}

export const CreateDepartmentInput = z.strictObject({
  code,
  nameZh: text(80),
  nameEn: text(120),
  specialty: text(60),
});
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;
export const UpdateDepartmentInput = CreateDepartmentInput.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1), active: z.boolean().optional() })
  .strict();
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInput>;

export interface DepartmentDto {
  id: string;
  institutionId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  specialty: string;
  active: boolean;
  version: number;
}

export const CreateWardInput = z.strictObject({
  departmentId: z.uuid(),
  code,
  nameZh: text(80),
  nameEn: text(120),
  isReferralWard: z.boolean().default(false),
  bedCount: z.number().int().min(0).max(200).default(0),
});
export type CreateWardInput = z.infer<typeof CreateWardInput>;

export const AddBedsInput = z.strictObject({ count: z.number().int().min(1).max(200) });

export interface BedDto {
  id: string;
  code: string;
  inService: boolean;
}
export interface WardDto {
  id: string;
  institutionId: string;
  departmentId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  isReferralWard: boolean;
  beds: BedDto[];
}

export const CreatePractitionerInput = z.strictObject({
  departmentId: z.uuid().optional(),
  userId: z.uuid().optional(),
  nameZh: text(40),
  nameEn: text(80),
  title: z.enum(TITLES),
  specialties: z.array(text(60)).max(20).default([]),
});
export type CreatePractitionerInput = z.infer<typeof CreatePractitionerInput>;
export const UpdatePractitionerInput = CreatePractitionerInput.partial()
  .extend({ version: z.number().int().min(1), active: z.boolean().optional() })
  .strict();
export type UpdatePractitionerInput = z.infer<typeof UpdatePractitionerInput>;

export interface PractitionerDto {
  id: string;
  institutionId: string;
  departmentId: string | null;
  userId: string | null;
  nameZh: string;
  nameEn: string;
  title: (typeof TITLES)[number];
  specialties: string[];
  active: boolean;
  version: number;
}

export interface InstitutionDetailDto extends InstitutionDto {
  departments: DepartmentDto[];
  wards: WardDto[];
  practitioners: PractitionerDto[];
}
