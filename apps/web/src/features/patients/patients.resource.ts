import type { AttachmentDto, ConsentDto, Page, PatientDto, RecordConsentInput, RegisterPatientResultDto } from '@yilian/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { useCurrentSession } from '../../app/session';

/** Data hooks shared by consults and referrals: patients the institution may see, consents, attachments. */
export const patientKeys = {
  search: (q: string) => ['patients', 'search', q] as const,
  attachment: (id: string) => ['attachments', id] as const,
};

export const usePatientSearch = (q: string) =>
  useQuery({ queryKey: patientKeys.search(q), queryFn: ({ signal }) => api.get<Page<PatientDto>>('/api/patients', { q, pageSize: 20 }, signal), placeholderData: keepPreviousData });

export function useRegisterPatient() {
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api.post<RegisterPatientResultDto>('/api/patients', input) });
}

export function useRecordConsent() {
  return useMutation({ mutationFn: ({ patientId, input }: { patientId: string; input: RecordConsentInput }) => api.post<ConsentDto>(`/api/patients/${patientId}/consents`, input) });
}

/** Metadata of attachments known only by id (e.g. a referral's `attachmentIds`); each read is audited by the API. */
export function useAttachmentsById(ids: readonly string[], enabled = true) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: patientKeys.attachment(id), queryFn: ({ signal }: { signal: AbortSignal }) => api.get<AttachmentDto>(`/api/attachments/${id}`, undefined, signal), staleTime: 300_000, enabled })),
    combine: (results) => ({
      data: results.every((r) => r.isSuccess) ? results.map((r) => r.data as AttachmentDto) : undefined,
      isLoading: results.some((r) => r.isLoading),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });
}

/** Raw upload (the JSON client does not send files); the type is checked by the server from the bytes. */
export function useUpload() {
  const session = useCurrentSession();
  return useMutation({
    mutationFn: async (file: File): Promise<AttachmentDto> => {
      const response = await fetch('/api/attachments', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), 'x-csrf-token': session.csrfToken, Accept: 'application/json' },
        body: file,
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const e = (body as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
        throw new ApiError(response.status, e?.code ?? `http.${response.status}`, e?.message ?? response.statusText, e?.details);
      }
      return body as AttachmentDto;
    },
  });
}
