import { z } from 'zod';

export const NotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationQuery = z.output<typeof NotificationQuery>;

export interface NotificationDto {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface UnreadCountDto {
  unread: number;
}
