import type { InstitutionDetailDto, InstitutionDto, Page } from '@yilian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const networkKeys = {
  all: ['institutions'] as const,
  tree: () => ['institutions', 'tree'] as const,
  list: (q: Query) => ['institutions', 'list', q] as const,
  one: (id: string) => ['institutions', 'one', id] as const,
};

/** Every institution (for the tree, pickers and name lookups). */
export const useInstitutionTree = () =>
  useQuery({ queryKey: networkKeys.tree(), queryFn: ({ signal }) => api.get<InstitutionDto[]>('/api/institutions/tree', undefined, signal), staleTime: 60_000 });

export interface InstitutionFilters {
  q?: string;
  tier?: string;
  grade?: string;
  type?: string;
  division?: string;
  page: number;
  pageSize: number;
}

export const useInstitutions = (filters: InstitutionFilters) =>
  useQuery({
    queryKey: networkKeys.list({ ...filters }),
    queryFn: ({ signal }) => api.get<Page<InstitutionDto>>('/api/institutions', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });

export const useInstitution = (id: string) =>
  useQuery({ queryKey: networkKeys.one(id), queryFn: ({ signal }) => api.get<InstitutionDetailDto>(`/api/institutions/${id}`, undefined, signal) });

export interface InstitutionNode extends InstitutionDto {
  children: InstitutionNode[];
}

const TIER_ORDER = ['national', 'provincial', 'prefecture', 'county', 'township', 'village'];

/** Builds the forest by parentId (an unknown parent makes a root), ordered by tier then code. */
export function buildForest(institutions: InstitutionDto[]): InstitutionNode[] {
  const nodes = new Map<string, InstitutionNode>(institutions.map((i) => [i.id, { ...i, children: [] }]));
  const roots: InstitutionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: InstitutionDto, b: InstitutionDto) =>
    TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || Number(a.type === 'authority') - Number(b.type === 'authority') || a.code.localeCompare(b.code);
  const sort = (list: InstitutionNode[]) => {
    list.sort(order);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The chain of ancestors of an institution, top first (for breadcrumbs). */
export function ancestorsOf(institutions: InstitutionDto[], id: string): InstitutionDto[] {
  const byId = new Map(institutions.map((i) => [i.id, i]));
  const chain: InstitutionDto[] = [];
  let current = byId.get(id)?.parentId ? byId.get(byId.get(id)!.parentId!) : undefined;
  while (current && chain.length < 10) {
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}
