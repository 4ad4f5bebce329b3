/**
 * Items shown in the header between the institution switcher and the user menu, e.g. the
 * notifications bell. A feature appends ONE line:
 *   { key: 'notifications', element: lazyPage(() => import('../features/notifications/bell'), 'NotificationBell') },
 */
import type { ReactNode } from 'react';
import { lazyPage } from './lazy-page';

export const HEADER_ITEMS: { key: string; element: ReactNode }[] = [
  { key: 'notifications', element: lazyPage(() => import('../features/notifications/notification-bell'), 'NotificationBell') },
];
