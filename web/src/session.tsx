/** The signed-in user (GET /api/auth/me): who they are and what the API says they may do. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, setCsrfToken, unwrap } from './api.ts';
import type { Capability, Me } from './types.ts';

export const ME_KEY = ['me'] as const;

/**
 * Loads the session; a 401 sends the user to the login page (see api.ts). `null` means "known to
 * be signed out" (after 退出), so the login page does not ask the server again.
 */
export function useSessionQuery() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      const me = await unwrap(api.GET('/api/auth/me'));
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: Infinity,
    retry: false,
  });
}

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The current user; only inside the signed-in layout. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside the signed-in layout');
  return me;
}

/** Whether the API allows the current user a capability (the UI never re-derives the rules). */
export function useCan(capability: Capability): boolean {
  return useMe().can[capability] === true;
}

/**
 * Whether the user keeps an agency's registry (edit the agency, divisions, positions, groups,
 * counsel). The server's agency.update, division.manage, group.manage and person.manage share one
 * role set (src/organisation/policy.ts), which `can.managePeople` reports; the server still checks
 * the agency's scope on every write.
 */
export function useCanKeepRegistry(): boolean {
  return useCan('managePeople');
}

/** Stores a fresh session (after login), or `null` after logout, so nobody fetches it again. */
export function useStoreSession() {
  const client = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    client.setQueryData(ME_KEY, me);
  };
}
