/**
 * The signed-in session (`GET /api/auth/me`): user, active institution, roles there, memberships and the
 * CSRF token. `null` means signed out (the API answered 401).
 */
import type { Role, SessionDto } from '@yilian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, isApiError, setCsrfToken } from '../api/client';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<SessionDto | null> {
  try {
    const session = await api.get<SessionDto>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
  return { ...query, session: query.data ?? null };
}

/**
 * Provided by the auth guard while a session exists. Reading the session from context (not the query)
 * means signed-in components are unmounted, never re-rendered without a session, when it ends.
 */
export const CurrentSessionContext = createContext<SessionDto | null>(null);

/** The signed-in session; only for components rendered inside the auth guard. */
export function useCurrentSession(): SessionDto {
  const session = useContext(CurrentSessionContext);
  if (!session) throw new Error('useCurrentSession outside the auth guard');
  return session;
}

/** Whether the actor holds any of the roles at the active institution. */
export function hasAnyRole(session: SessionDto | null, roles: readonly Role[] | undefined): boolean {
  if (!roles || roles.length === 0) return true;
  return !!session && session.roles.some((r) => roles.includes(r));
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<SessionDto & { token: string }>('/api/auth/login', input),
    onSuccess: ({ token: _token, ...session }) => {
      qc.clear();
      setCsrfToken(session.csrfToken);
      qc.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSwitchInstitution() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (institutionId: string) => api.post<SessionDto>('/api/auth/switch', { institutionId }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      qc.setQueryData(SESSION_KEY, session);
      // Everything else depends on the institution the user acts at.
      await qc.resetQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => api.post<unknown>(everywhere ? '/api/auth/logout-all' : '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}
