import type {
  CreateDepartmentInput,
  CreateInstitutionInput,
  CreatePractitionerInput,
  CreateUserInput,
  CreateWardInput,
  DepartmentDto,
  InstitutionDto,
  Page,
  PractitionerDto,
  RoleGrantInput,
  UpdateInstitutionInput,
  UpdateUserInput,
  UserDto,
  WardDto,
} from '@yilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { networkKeys } from '../network/network.resource';

// Inputs as the forms send them (zod defaults such as `grade` or `bedCount` are optional on the wire).
export type NewInstitution = Omit<CreateInstitutionInput, 'grade'> & Partial<Pick<CreateInstitutionInput, 'grade'>>;
export type NewWard = Omit<CreateWardInput, 'isReferralWard' | 'bedCount'> & Partial<Pick<CreateWardInput, 'isReferralWard' | 'bedCount'>>;
export type NewPractitioner = Omit<CreatePractitionerInput, 'specialties'> & Partial<Pick<CreatePractitionerInput, 'specialties'>>;
export type NewUser = Omit<CreateUserInput, 'locale'> & Partial<Pick<CreateUserInput, 'locale'>>;

/** Every directory write refreshes the network views (tree, table, detail). */
function useDirectoryMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: networkKeys.all }) });
}

export const useCreateInstitution = () => useDirectoryMutation((input: NewInstitution) => api.post<InstitutionDto>('/api/institutions', input));
export const useUpdateInstitution = () =>
  useDirectoryMutation(({ id, input }: { id: string; input: UpdateInstitutionInput }) => api.patch<InstitutionDto>(`/api/institutions/${id}`, input));
export const useCreateDepartment = () =>
  useDirectoryMutation(({ institutionId, input }: { institutionId: string; input: CreateDepartmentInput }) =>
    api.post<DepartmentDto>(`/api/institutions/${institutionId}/departments`, input),
  );
export const useCreateWard = () =>
  useDirectoryMutation(({ institutionId, input }: { institutionId: string; input: NewWard }) => api.post<WardDto>(`/api/institutions/${institutionId}/wards`, input));
export const useCreatePractitioner = () =>
  useDirectoryMutation(({ institutionId, input }: { institutionId: string; input: NewPractitioner }) =>
    api.post<PractitionerDto>(`/api/institutions/${institutionId}/practitioners`, input),
  );

export const userKeys = { all: ['users'] as const, list: (q: UserFilters) => ['users', 'list', q] as const };
export interface UserFilters {
  q?: string;
  institutionId?: string;
  page: number;
  pageSize: number;
}

export const useUsers = (filters: UserFilters) =>
  useQuery({ queryKey: userKeys.list(filters), queryFn: ({ signal }) => api.get<Page<UserDto>>('/api/users', { ...filters }, signal), placeholderData: keepPreviousData });

function useUserMutation<V>(fn: (vars: V) => Promise<UserDto>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }) });
}

export const useCreateUser = () => useUserMutation((input: NewUser) => api.post<UserDto>('/api/users', input));
export const useUpdateUser = () => useUserMutation(({ id, input }: { id: string; input: UpdateUserInput }) => api.patch<UserDto>(`/api/users/${id}`, input));
export const useGrantRole = () => useUserMutation(({ id, input }: { id: string; input: RoleGrantInput }) => api.post<UserDto>(`/api/users/${id}/roles`, input));
export const useRevokeRole = () => useUserMutation(({ id, input }: { id: string; input: RoleGrantInput }) => api.post<UserDto>(`/api/users/${id}/roles/revoke`, input));
