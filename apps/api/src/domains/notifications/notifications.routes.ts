import { IdParams, NotificationQuery } from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { NotificationService } from './notifications.service.js';

export function registerNotificationRoutes(r: Router, s: NotificationService): void {
  const tags = ['notifications'];
  r.route({ method: 'GET', url: '/api/notifications', summary: 'My notifications, newest first', tags, query: NotificationQuery, handler: ({ actor, query }) => s.list(actor, query) });
  r.route({ method: 'GET', url: '/api/notifications/unread-count', summary: 'How many of my notifications are unread', tags, handler: ({ actor }) => s.unreadCount(actor) });
  r.route({ method: 'POST', url: '/api/notifications/:id/read', summary: 'Mark one notification read', tags, params: IdParams, handler: ({ actor, params }) => s.markRead(actor, params.id) });
  r.route({ method: 'POST', url: '/api/notifications/read-all', summary: 'Mark all my notifications read', tags, handler: ({ actor }) => s.markAllRead(actor) });
}
