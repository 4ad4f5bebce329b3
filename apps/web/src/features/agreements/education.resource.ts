import type { ConsultDetailDto, ConsultSummaryDto, ConsultView, Page } from '@yilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { citableConsults } from './education-citation';

/** The actor's institution's own lists: consults it requested and consults it received. */
const VIEWS: readonly ConsultView[] = ['requested', 'incoming'];
const PAGE_SIZE = 100;
/** At most this many pages per view (500 closed consults of the agreement, latest first). */
const MAX_PAGES = 5;

async function closedConsults(view: ConsultView, agreementId: string, signal: AbortSignal): Promise<ConsultSummaryDto[]> {
  const items: ConsultSummaryDto[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const p = await api.get<Page<ConsultSummaryDto>>('/api/consults', { view, status: 'closed', agreementId, sort: 'updated', page, pageSize: PAGE_SIZE }, signal);
    items.push(...p.items);
    if (p.items.length < PAGE_SIZE || items.length >= p.total) break;
  }
  return items;
}

/**
 * Closed consults of one agreement that the actor's institution can open — what a case conference may cite.
 * Keyed under 'consults' so consult actions refresh it. Needs a clinical role (the consult list is audited).
 */
export const useCitableConsults = (agreementId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['consults', 'citable', agreementId] as const,
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }) => citableConsults(await Promise.all(VIEWS.map((v) => closedConsults(v, agreementId, signal))), agreementId),
  });

/** The cited consult itself (an audited read), only for a consult the actor may open; shown de-identified. */
export const useCitedConsult = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['consults', 'one', id] as const,
    enabled,
    queryFn: ({ signal }) => api.get<ConsultDetailDto>(`/api/consults/${id}`, undefined, signal),
  });
