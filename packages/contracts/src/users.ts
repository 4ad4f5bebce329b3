import { z } from 'zod';
import { LOCALES, ROLES, type Role, text } from './common.js';

export const PasswordSchema = z
  .string()
  .min(10, 'at least 10 characters')
  .max(128)
  .regex(/[A-Za-z]/, 'a letter')
  .regex(/[0-9]/, 'a digit');

export const CreateUserInput = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -'),
  displayName: text(60),
  password: PasswordSchema,
  locale: z.enum(LOCALES).default('zh-CN'),
  roles: z
    .array(z.strictObject({ institutionId: z.uuid(), role: z.enum(ROLES) }))
    .min(1)
    .max(30),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  version: z.number().int().min(1),
  displayName: text(60).optional(),
  locale: z.enum(LOCALES).optional(),
  active: z.boolean().optional(),
  password: PasswordSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const RoleGrantInput = z.strictObject({ institutionId: z.uuid(), role: z.enum(ROLES) });
export type RoleGrantInput = z.infer<typeof RoleGrantInput>;

export const UserQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  institutionId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserQuery = z.infer<typeof UserQuery>;

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  locale: (typeof LOCALES)[number];
  active: boolean;
  version: number;
  roles: { institutionId: string; institutionNameZh: string; institutionNameEn: string; role: Role }[];
}
