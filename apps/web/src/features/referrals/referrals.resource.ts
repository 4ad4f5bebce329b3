import type {
  CreateReferralInput,
  GreenCategoryDto,
  Page,
  ReferralDto,
  ReferralSettingsDto,
  ReferralSummaryDto,
  RegisterPatientResultDto,
  WardOccupancyDto,
} from '@yilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const referralKeys = {
  all: ['referrals'] as const,
  list: (q: Query) => ['referrals', 'list', q] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  wards: () => ['referrals', 'wards'] as const,
  categories: () => ['referrals', 'green-categories'] as const,
};

export const useReferrals = (q: Query) =>
  useQuery({
    queryKey: referralKeys.list(q),
    queryFn: ({ signal }) => api.get<Page<ReferralSummaryDto>>('/api/referrals', q, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

export const useReferral = (id: string) =>
  useQuery({ queryKey: referralKeys.one(id), queryFn: ({ signal }) => api.get<ReferralDto>(`/api/referrals/${id}`, undefined, signal) });

export const useGreenCategories = () =>
  useQuery({ queryKey: referralKeys.categories(), queryFn: ({ signal }) => api.get<GreenCategoryDto[]>('/api/referrals/green-categories', undefined, signal), staleTime: 300_000 });

export const useWardBoard = (enabled = true) =>
  useQuery({ queryKey: referralKeys.wards(), queryFn: ({ signal }) => api.get<WardOccupancyDto[]>('/api/referrals/wards', undefined, signal), enabled, refetchInterval: 30_000 });

export interface NewPatient {
  name: string;
  sex: 'male' | 'female' | 'unknown';
  birthDate: string;
}

/** Registers (or matches) the patient when new, then creates the referral — one key per form submission. */
export function useCreateReferral() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, patient, key }: { input: Omit<CreateReferralInput, 'patientId'> & { patientId?: string }; patient?: NewPatient; key: string }) => {
      let patientId = input.patientId;
      if (!patientId && patient) patientId = (await api.post<RegisterPatientResultDto>('/api/patients', patient)).patient.id;
      return api.post<ReferralDto>('/api/referrals', { ...input, patientId }, { idempotencyKey: key });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

/** One workflow step: POST /api/referrals/:id/<step> with the version read. */
export function useReferralStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body, key }: { step: string; body: Record<string, unknown>; key?: string }) =>
      api.post<ReferralDto>(`/api/referrals/${id}/${step}`, body, key ? { idempotencyKey: key } : undefined),
    onSuccess: (dto) => {
      qc.setQueryData(referralKeys.one(id), dto);
      void qc.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}

export const useReferralSettings = () =>
  useQuery({ queryKey: [...referralKeys.all, 'settings'], queryFn: ({ signal }) => api.get<ReferralSettingsDto>('/api/referrals/settings', undefined, signal) });

export function useUpdateReferralSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { bedHoldMinutes: number; openLoopDays: number; followUpGraceDays: number }) => api.put<ReferralSettingsDto>('/api/referrals/settings', input),
    onSuccess: (dto) => qc.setQueryData([...referralKeys.all, 'settings'], dto),
  });
}

export function useUpdateGreenCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: { responseMinutes?: number; active?: boolean } }) => api.patch<GreenCategoryDto[]>(`/api/referrals/green-categories/${code}`, input),
    onSuccess: (list) => qc.setQueryData(referralKeys.categories(), list),
  });
}
