import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { SESSION_KEY } from './session';

/**
 * One QueryClient for the app. A 401 from any request means the session ended (expired, signed out
 * elsewhere): the session becomes null and the auth guard sends the user to /login.
 * 4xx errors are not retried; 5xx and network errors are retried once.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (isApiError(error) && error.status === 401 && key?.[0] !== SESSION_KEY[0]) client.setQueryData(SESSION_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => onError(error, mutation.options.mutationKey) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 1,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
