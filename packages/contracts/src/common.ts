import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: z.uuid() });

/** Trimmed, non-empty text with an upper bound. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const ROLES = ['clinician', 'expert', 'coordinator', 'leader', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
/** The roles that may open patient records (patients, consults, referrals' clinical files). */
export const CLINICAL_ROLES = ['clinician', 'expert', 'coordinator'] as const satisfies readonly Role[];
export const RoleSchema = z.enum(ROLES);

export const TIERS = ['national', 'provincial', 'prefecture', 'county', 'township', 'village'] as const;
export type Tier = (typeof TIERS)[number];
export const TierSchema = z.enum(TIERS);
/** 0 = national (top) … 5 = village (bottom). */
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

export const GRADES = ['3A', '3B', '3C', '2A', '2B', '2C', '1A', '1B', '1C', 'unrated'] as const;
export type Grade = (typeof GRADES)[number];

export const INSTITUTION_TYPES = [
  'general',
  'maternal_child',
  'children',
  'tcm',
  'specialty',
  'primary_care',
  'village_clinic',
  'authority',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const TITLES = ['chief', 'associate_chief', 'attending', 'resident'] as const;
export type PractitionerTitle = (typeof TITLES)[number];
