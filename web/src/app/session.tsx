import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiData, ApiError, api, call, resetCsrf } from './api.ts';
import { i18n, rememberLanguage } from './i18n.ts';

/** The session as the server describes it. */
export type Session = ApiData<'/api/session', 'get'>;
export type Membership = Session['memberships'][number];
export type Role = Membership['role'];

const SIGNED_OUT: Session = { account: null, memberships: [], mfa: false, mfaPending: false };
const KEY = ['session'] as const;

async function loadSession(): Promise<Session> {
  try {
    return await call(api.GET('/api/session'));
  } catch (error) {
    // No session (or a server without sessions yet) reads as signed out.
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return SIGNED_OUT;
    throw error;
  }
}

/** The current session; signed in means an account whose second factor, if asked, was given. */
export function useSession() {
  const query = useQuery({ queryKey: KEY, queryFn: loadSession, staleTime: 60_000 });
  const session = query.data ?? SIGNED_OUT;
  return {
    session,
    loading: query.isPending,
    signedIn: session.account !== null && !session.mfaPending,
    isStaff: session.account !== null && !session.mfaPending && session.memberships.length > 0,
  };
}

/** Stores a session returned by sign-in; the person's saved language becomes the interface's. */
export function useAcceptSession() {
  const client = useQueryClient();
  return useCallback(
    (session: Session) => {
      resetCsrf();
      client.setQueryData(KEY, session);
      const locale = session.account?.locale;
      if (locale && !session.mfaPending && locale !== i18n.language) {
        rememberLanguage(locale);
        void i18n.changeLanguage(locale);
      }
    },
    [client],
  );
}

/** Signs out here, or everywhere; every cached personal answer is dropped. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (scope: 'here' | 'everywhere') => {
      if (scope === 'everywhere') await call(api.POST('/api/auth/sign-out-everywhere'));
      else await call(api.POST('/api/auth/sign-out'));
    },
    onSettled: () => {
      resetCsrf();
      client.removeQueries();
      client.setQueryData(KEY, SIGNED_OUT);
    },
  });
}

/** Whether a person holds a role in an organisation (administrators hold them all). */
export function hasRole(session: Session, orgId: string, role: Role): boolean {
  return session.memberships.some((m) => m.orgId === orgId && (m.role === role || m.role === 'admin'));
}
