import { z } from 'zod';
import type { Locale, Role } from './common.js';

export const LoginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SwitchInstitutionInput = z.strictObject({ institutionId: z.uuid() });

export interface MembershipDto {
  institutionId: string;
  institutionNameZh: string;
  institutionNameEn: string;
  tier: string;
  roles: Role[];
}

export interface SessionDto {
  user: { id: string; username: string; displayName: string; locale: Locale };
  activeInstitutionId: string;
  roles: Role[];
  memberships: MembershipDto[];
  csrfToken: string;
  expiresAt: string;
}
