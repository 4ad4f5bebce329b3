import { z } from 'zod';
import { text } from './common.js';

export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const CONSENT_SCOPES = ['consultation', 'referral'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_METHODS = ['signed_form', 'verbal_witnessed'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const PATIENT_ACCESS_REASONS = ['registration', 'consult', 'referral'] as const;
export type PatientAccessReason = (typeof PATIENT_ACCESS_REASONS)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits of a resident ID (身份证号). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** Upper-cases and strips spaces; returns the 18-character ID when its check character is right. */
export function normaliseResidentId(raw: string): string | undefined {
  const id = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? id : undefined;
}

export const ResidentId = z
  .string()
  .trim()
  .refine((v) => normaliseResidentId(v) !== undefined, 'an 18-character resident ID with a valid check character')
  .transform((v) => normaliseResidentId(v) as string);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const RegisterPatientInput = z.strictObject({
  name: text(80),
  sex: z.enum(SEXES),
  birthDate: isoDate,
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, 'digits, +, - and spaces')
    .optional(),
  residentId: ResidentId.optional(),
});
export type RegisterPatientInput = z.output<typeof RegisterPatientInput>;

export const PatientQuery = z.strictObject({
  q: z.string().trim().max(80).optional(),
  /** Exact lookup by resident ID (matched through the keyed hash). */
  residentId: ResidentId.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PatientQuery = z.output<typeof PatientQuery>;

export const RecordConsentInput = z
  .strictObject({
    scope: z.enum(CONSENT_SCOPES),
    method: z.enum(CONSENT_METHODS),
    witnessName: text(80).optional(),
    documentId: z.uuid().optional(),
  })
  .refine((c) => c.method !== 'verbal_witnessed' || !!c.witnessName, { path: ['witnessName'], message: 'a witness is required for verbal consent' })
  .refine((c) => c.method !== 'signed_form' || !!c.documentId, { path: ['documentId'], message: 'attach the signed form' });
export type RecordConsentInput = z.output<typeof RecordConsentInput>;

export interface PatientDto {
  id: string;
  name: string;
  sex: Sex;
  birthDate: string;
  phone: string | null;
  /** Only the last four characters of the resident ID are ever returned. */
  residentIdLast4: string | null;
  registeredByInstitutionId: string;
  createdAt: string;
  version: number;
}

export interface ConsentDto {
  id: string;
  patientId: string;
  scope: ConsentScope;
  method: ConsentMethod;
  witnessName: string | null;
  documentId: string | null;
  recordedBy: string;
  institutionId: string;
  recordedAt: string;
}

export interface PatientDetailDto extends PatientDto {
  consents: ConsentDto[];
}

export interface RegisterPatientResultDto {
  patient: PatientDto;
  /** True when the resident ID matched a patient already registered (anywhere in the network). */
  matched: boolean;
}
