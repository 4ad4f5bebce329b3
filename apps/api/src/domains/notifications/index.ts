export {
  createNotificationService,
  createNotifier,
  DELIVER_JOB,
  type NotificationMessage,
  type NotificationService,
  type Notifier,
} from './notifications.service.js';
export { registerNotificationRoutes } from './notifications.routes.js';
