import type { AuditEventDto, AuditVerifyDto, Page } from '@yilian/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  patientId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = { all: ['audit'] as const, list: (f: AuditFilters) => ['audit', 'list', f] as const };

export const useAuditEvents = (filters: AuditFilters) =>
  useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal }) => api.get<Page<AuditEventDto>>('/api/audit-events', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });

export const useVerifyChain = () => useMutation({ mutationFn: () => api.post<AuditVerifyDto>('/api/audit-events/verify') });

/** Downloads the CSV export with the same filters (without paging) and saves it as a file. */
export const useExportCsv = () =>
  useMutation({
    mutationFn: async (filters: AuditFilters) => {
      const { page: _p, pageSize: _s, ...rest } = filters;
      const response = await api.raw('GET', '/api/audit-events/export.csv', { query: rest as Query, headers: { Accept: 'text/csv' } });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return blob.size;
    },
  });
