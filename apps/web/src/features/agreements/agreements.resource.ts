import type {
  AddAssessmentInput,
  AgreementDto,
  AgreementVersionDto,
  AmendAgreementInput,
  CreateEducationSessionInput,
  CreateTechniqueInput,
  EndAgreementInput,
  RecordAttendanceInput,
  ScopeFiguresDto,
  ScopeKind,
  AgreementSummaryDto,
  CreateAgreementInput,
  CreateBatchInput,
  CreateTraineeInput,
  DashboardDto,
  DispatchBatchDto,
  DrilldownDto,
  DrillSide,
  EducationSessionDto,
  InstitutionDetailDto,
  MetricKey,
  OverviewDto,
  Page,
  TechniqueDto,
  TraineeDto,
} from '@yilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (q: Query) => ['agreements', 'list', q] as const,
  one: (id: string) => ['agreements', id] as const,
  part: (id: string, part: string, q?: Query) => ['agreements', id, part, q ?? {}] as const,
};

export const useAgreements = (q: Query) =>
  useQuery({ queryKey: agreementKeys.list(q), queryFn: ({ signal }) => api.get<Page<AgreementSummaryDto>>('/api/agreements', q, signal), placeholderData: keepPreviousData });
export const useAgreement = (id: string) => useQuery({ queryKey: agreementKeys.one(id), queryFn: ({ signal }) => api.get<AgreementDto>(`/api/agreements/${id}`, undefined, signal) });
export const useDashboard = (id: string, period: { from?: string; to?: string }) =>
  useQuery({ queryKey: agreementKeys.part(id, 'dashboard', period), queryFn: ({ signal }) => api.get<DashboardDto>(`/api/agreements/${id}/dashboard`, period, signal), placeholderData: keepPreviousData });
/** Which records to list: a figure, narrowed to a consult breakdown (`consult.by_kind.mdt`) or a side of a scope view. */
export interface Drill {
  metric: MetricKey;
  breakdown?: string;
  side?: DrillSide;
}
export const useDrilldown = (id: string, drill: Drill | null, period: { from?: string; to?: string }) =>
  useQuery({
    queryKey: agreementKeys.part(id, 'drill', { ...drill, ...period }),
    queryFn: ({ signal }) => api.get<DrilldownDto>(`/api/agreements/${id}/drilldown`, { ...drill, ...period, pageSize: 100 }, signal),
    enabled: drill !== null,
  });
export const useBatches = (id: string) =>
  useQuery({ queryKey: agreementKeys.part(id, 'batches'), queryFn: ({ signal }) => api.get<Page<DispatchBatchDto>>('/api/dispatch/batches', { agreementId: id, pageSize: 200 }, signal) });
export const useTechniques = (id: string) =>
  useQuery({ queryKey: agreementKeys.part(id, 'techniques'), queryFn: ({ signal }) => api.get<TechniqueDto[]>('/api/dispatch/techniques', { agreementId: id }, signal) });
export const useTrainees = (id: string) =>
  useQuery({ queryKey: agreementKeys.part(id, 'trainees'), queryFn: ({ signal }) => api.get<Page<TraineeDto>>('/api/trainees', { agreementId: id, pageSize: 200 }, signal) });
export const useSessions = (id: string) =>
  useQuery({ queryKey: agreementKeys.part(id, 'sessions'), queryFn: ({ signal }) => api.get<Page<EducationSessionDto>>('/api/education/sessions', { agreementId: id, pageSize: 200 }, signal) });
export const useOverview = (period: { from?: string; to?: string }) =>
  useQuery({ queryKey: ['agreements', 'overview', period], queryFn: ({ signal }) => api.get<OverviewDto>('/api/metrics/overview', period, signal) });
/** Practitioners of one institution (the directory is public inside the app). */
export const useInstitutionDetail = (id: string | undefined) =>
  useQuery({ queryKey: ['institution', id], queryFn: ({ signal }) => api.get<InstitutionDetailDto>(`/api/institutions/${id}`, undefined, signal), enabled: !!id });

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: agreementKeys.all }) });
}
export const useCreateAgreement = () => useWrite((input: CreateAgreementInput) => api.post<AgreementDto>('/api/agreements', input));
export const useCreateBatch = () => useWrite((input: CreateBatchInput) => api.post<DispatchBatchDto>('/api/dispatch/batches', input));
export const useCreateTrainee = () => useWrite((input: CreateTraineeInput) => api.post<TraineeDto>('/api/trainees', input));

export const useAmendAgreement = (id: string) => useWrite((input: AmendAgreementInput) => api.post<AgreementDto>(`/api/agreements/${id}/amend`, input));
export const useEndAgreement = (id: string) => useWrite((input: EndAgreementInput) => api.post<AgreementDto>(`/api/agreements/${id}/end`, input));
export const useVersions = (id: string) =>
  useQuery({ queryKey: agreementKeys.part(id, 'versions'), queryFn: ({ signal }) => api.get<AgreementVersionDto[]>(`/api/agreements/${id}/versions`, undefined, signal) });
export const useCreateTechnique = () => useWrite((input: CreateTechniqueInput) => api.post<TechniqueDto>('/api/dispatch/techniques', input));
export const useRecordIndependent = () =>
  useWrite(({ id, version, firstIndependentOn }: { id: string; version: number; firstIndependentOn: string }) => api.post<TechniqueDto>(`/api/dispatch/techniques/${id}/independent`, { version, firstIndependentOn }));
export const useAddAssessment = () => useWrite(({ id, input }: { id: string; input: AddAssessmentInput }) => api.post<TraineeDto>(`/api/trainees/${id}/assessments`, input));
export const useCompleteTrainee = () =>
  useWrite(({ id, version, completedOn }: { id: string; version: number; completedOn: string }) => api.post<TraineeDto>(`/api/trainees/${id}/complete`, { version, completedOn }));
export const useCreateSession = () => useWrite((input: CreateEducationSessionInput) => api.post<EducationSessionDto>('/api/education/sessions', input));
export const useRecordAttendance = () =>
  useWrite(({ id, input }: { id: string; input: RecordAttendanceInput }) => api.post<EducationSessionDto>(`/api/education/sessions/${id}/attendance`, input));

const SCOPE_PATH: Record<ScopeKind, string> = { institution: 'institutions', region: 'regions', network: 'networks' };
/** KPIs of an institution, a region (division code prefix) or a supervising authority's network. */
export const useScopeFigures = (kind: ScopeKind, key: string, period: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['agreements', 'scope', kind, key, period],
    queryFn: ({ signal }) => api.get<ScopeFiguresDto>(`/api/metrics/${SCOPE_PATH[kind]}/${encodeURIComponent(key)}`, period, signal),
    placeholderData: keepPreviousData,
  });

/** The records behind a figure of such a view: `side` for its own consults and referrals, none for its agreements' totals. */
export const useScopeDrilldown = (kind: ScopeKind, key: string, drill: Drill | null, period: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['agreements', 'scope', kind, key, 'drill', { ...drill, ...period }],
    queryFn: ({ signal }) => api.get<DrilldownDto>(`/api/metrics/${SCOPE_PATH[kind]}/${encodeURIComponent(key)}/drilldown`, { ...drill, ...period, pageSize: 100 }, signal),
    enabled: drill !== null,
  });

/** Downloads a report through the session (cookie) and hands it to the browser as a file. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await api.raw('GET', path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
