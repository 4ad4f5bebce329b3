import type { NotificationDto, NotificationQuery, Page, Role, UnreadCountDto } from '@yilian/contracts';
import type { Db, Tx } from '../../db/db.js';
import type { Actor } from '../../http/actor.js';
import type { Clock } from '../../http/clock.js';
import { errors } from '../../http/errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import * as repo from './notifications.repo.js';

export type NotificationMessage = repo.NewNotification;

export const DELIVER_JOB = 'notifications.deliver';
const notificationNotFound = () => errors.notFound({ code: 'notification.not_found', zh: '通知', en: 'Notification' });

/**
 * Notifies users inside the caller's transaction: one row per user, plus one outbox job
 * (`notifications.deliver`, ids only) for e-mail/SMS senders. Returns the notification ids.
 */
export function createNotifier(deps: { jobs: JobQueue; clock: Clock }) {
  const { jobs, clock } = deps;
  async function notifyUsers(tx: Tx, userIds: readonly string[], message: NotificationMessage): Promise<string[]> {
    const ids = await repo.insertMany(tx, [...new Set(userIds)], message, clock.now());
    if (ids.length > 0) await jobs.enqueue(tx, DELIVER_JOB, { ids });
    return ids;
  }
  async function notifyRole(tx: Tx, institutionId: string, role: Role, message: NotificationMessage): Promise<string[]> {
    return notifyUsers(tx, await repo.usersWithRole(tx, institutionId, role), message);
  }
  return { notifyUsers, notifyRole };
}
export type Notifier = ReturnType<typeof createNotifier>;

export function createNotificationService(deps: { db: Db; clock: Clock; jobs: JobQueue }) {
  const { db, clock, jobs } = deps;
  const notifier = createNotifier({ jobs, clock });

  // The in-app channel is the notification row itself; the job marks it delivered. External senders
  // (e-mail, SMS) plug in here later. Safe to run twice.
  jobs.register(DELIVER_JOB, async (payload, { tx, clock: jobClock }) => {
    const ids = Array.isArray(payload.ids) ? payload.ids.filter((id): id is string => typeof id === 'string') : [];
    await repo.markDelivered(tx, ids, jobClock.now());
  });

  return {
    ...notifier,
    async list(actor: Actor, q: NotificationQuery): Promise<Page<NotificationDto>> {
      const { items, total } = await repo.listFor(db, actor.userId, q.unread === 'true', q.pageSize, (q.page - 1) * q.pageSize);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
    async unreadCount(actor: Actor): Promise<UnreadCountDto> {
      return { unread: await repo.unreadCount(db, actor.userId) };
    },
    async markRead(actor: Actor, id: string): Promise<NotificationDto> {
      const row = await repo.markRead(db, actor.userId, id, clock.now());
      if (!row) throw notificationNotFound();
      return row;
    },
    async markAllRead(actor: Actor): Promise<{ updated: number }> {
      return { updated: await repo.markAllRead(db, actor.userId, clock.now()) };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
