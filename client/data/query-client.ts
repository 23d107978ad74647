/**
 * The client's cache of API answers (TanStack Query). Data is loaded once per page and then kept:
 * it changes only through edits, and every edit updates the cache itself (see updates.ts), so
 * nothing is refetched on focus or by age. Failures are shown at once instead of retried, as the
 * panels always did; a refetch after an edit cancels the one it supersedes.
 */
import { QueryClient } from '@tanstack/react-query';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, gcTime: 10 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
