import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** The one query cache of the application (cleared on logout and when the session expires). */
export const queryClient: QueryClient = new QueryClient({
  // Every change the server accepts is written to the audit log: a log already on screen is stale.
  mutationCache: new MutationCache({ onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (validation, not found, no permission) do not get better by retrying.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
