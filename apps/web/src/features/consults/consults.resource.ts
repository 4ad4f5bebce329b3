import type {
  ConsultDetailDto,
  ConsultSummaryDto,
  CreateConsultInput,
  ExpertSlotDto,
  ExpertSuggestionDto,
  Page,
  TargetSuggestionDto,
} from '@yilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const consultKeys = {
  all: ['consults'] as const,
  list: (q: Query) => ['consults', 'list', q] as const,
  one: (id: string) => ['consults', 'one', id] as const,
  experts: (id: string) => ['consults', 'experts', id] as const,
  targets: () => ['consults', 'targets'] as const,
  slots: (userId: string) => ['consults', 'slots', userId] as const,
};

export const useConsults = (q: Query) =>
  useQuery({ queryKey: consultKeys.list(q), queryFn: ({ signal }) => api.get<Page<ConsultSummaryDto>>('/api/consults', q, signal), placeholderData: keepPreviousData });

export const useConsult = (id: string) => useQuery({ queryKey: consultKeys.one(id), queryFn: ({ signal }) => api.get<ConsultDetailDto>(`/api/consults/${id}`, undefined, signal) });

export const useTargets = () => useQuery({ queryKey: consultKeys.targets(), queryFn: ({ signal }) => api.get<TargetSuggestionDto[]>('/api/consults/targets', undefined, signal), staleTime: 60_000 });

export const useExpertSuggestions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: consultKeys.experts(id), enabled, queryFn: ({ signal }) => api.get<ExpertSuggestionDto[]>(`/api/consults/${id}/expert-suggestions`, undefined, signal) });

export const useExpertSlots = (userId: string | undefined) =>
  useQuery({
    queryKey: consultKeys.slots(userId ?? ''),
    enabled: !!userId,
    queryFn: ({ signal }) => api.get<ExpertSlotDto[]>('/api/expert-slots', { expertUserId: userId }, signal),
  });

export function useCreateConsult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: Omit<CreateConsultInput, 'submit'> & { submit: boolean }; key: string }) =>
      api.post<ConsultSummaryDto>('/api/consults', input, { idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: consultKeys.all }),
  });
}

/** Every action on a consult: POST /api/consults/:id/<action> (or PUT report), then refresh. */
export function useConsultAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body, method = 'POST', key }: { action: string; body: Record<string, unknown>; method?: 'POST' | 'PUT' | 'PATCH'; key?: string }) => {
      const url = action ? `/api/consults/${id}/${action}` : `/api/consults/${id}`;
      const options = key ? { idempotencyKey: key } : undefined;
      return method === 'PUT' ? api.put<ConsultDetailDto>(url, body, options) : method === 'PATCH' ? api.patch<ConsultDetailDto>(url, body, options) : api.post<ConsultDetailDto>(url, body, options);
    },
    onSuccess: (detail) => {
      qc.setQueryData(consultKeys.one(id), detail);
      void qc.invalidateQueries({ queryKey: ['consults', 'list'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useAddSlot(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { expertUserId: string; startsAt: string; endsAt: string }) => api.post<ExpertSlotDto>('/api/expert-slots', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: consultKeys.slots(userId) }),
  });
}
