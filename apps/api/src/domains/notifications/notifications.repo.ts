import type { NotificationDto } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

interface NotificationRow {
  id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

const toDto = (r: NotificationRow): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  titleZh: r.title_zh,
  titleEn: r.title_en,
  bodyZh: r.body_zh,
  bodyEn: r.body_en,
  link: r.link,
  readAt: r.read_at ? r.read_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
});

export interface NewNotification {
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh?: string;
  bodyEn?: string;
  link?: string | null;
}

export async function insertMany(q: Queryable, userIds: readonly string[], m: NewNotification, now: Date): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `insert into notifications (user_id, kind, title_zh, title_en, body_zh, body_en, link, created_at)
     select u, $2, $3, $4, $5, $6, $7, $8 from unnest($1::uuid[]) as u returning id`,
    [userIds, m.kind, m.titleZh, m.titleEn, m.bodyZh ?? '', m.bodyEn ?? '', m.link ?? null, now],
  );
  return rows.map((r) => r.id);
}

export async function usersWithRole(q: Queryable, institutionId: string, role: string): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>(
    `select r.user_id from user_roles r join users u on u.id = r.user_id where r.institution_id = $1 and r.role = $2 and u.active`,
    [institutionId, role],
  );
  return rows.map((r) => r.user_id);
}

export async function listFor(q: Queryable, userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<{ items: NotificationDto[]; total: number }> {
  const filter = unreadOnly ? 'and read_at is null' : '';
  const total = await q.query<{ n: number }>(`select count(*) as n from notifications where user_id = $1 ${filter}`, [userId]);
  const rows = await q.query<NotificationRow>(
    `select * from notifications where user_id = $1 ${filter} order by created_at desc, id limit ${limit} offset ${offset}`,
    [userId],
  );
  return { items: rows.map(toDto), total: total[0]?.n ?? 0 };
}

export async function unreadCount(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query<{ n: number }>('select count(*) as n from notifications where user_id = $1 and read_at is null', [userId]);
  return rows[0]?.n ?? 0;
}

export async function markRead(q: Queryable, userId: string, id: string, now: Date): Promise<NotificationDto | undefined> {
  const rows = await q.query<NotificationRow>(
    'update notifications set read_at = coalesce(read_at, $3) where id = $1 and user_id = $2 returning *',
    [id, userId, now],
  );
  return rows[0] ? toDto(rows[0]) : undefined;
}

export async function markAllRead(q: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await q.query<{ id: string }>('update notifications set read_at = $2 where user_id = $1 and read_at is null returning id', [userId, now]);
  return rows.length;
}

export async function markDelivered(q: Queryable, ids: readonly string[], now: Date): Promise<number> {
  const rows = await q.query<{ id: string }>(
    'update notifications set delivered_at = $2 where id = any($1::uuid[]) and delivered_at is null returning id',
    [ids, now],
  );
  return rows.length;
}
