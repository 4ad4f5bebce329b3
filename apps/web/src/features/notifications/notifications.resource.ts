import type { NotificationDto, Page, UnreadCountDto } from '@yilian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const notificationKeys = { all: ['notifications'] as const, unread: ['notifications', 'unread'] as const, list: ['notifications', 'list'] as const };

export const useUnreadCount = () =>
  useQuery({ queryKey: notificationKeys.unread, queryFn: ({ signal }) => api.get<UnreadCountDto>('/api/notifications/unread-count', undefined, signal), refetchInterval: 30_000 });

export const useNotifications = (enabled: boolean) =>
  useQuery({ queryKey: notificationKeys.list, enabled, queryFn: ({ signal }) => api.get<Page<NotificationDto>>('/api/notifications', { pageSize: 10 }, signal) });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => (id === 'all' ? api.post('/api/notifications/read-all') : api.post(`/api/notifications/${id}/read`)),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
