import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiData, api, call } from './api.ts';
import type { Language } from './i18n.ts';
import { applyTheme } from './theme.ts';

export type Organisation = ApiData<'/api/orgs', 'get'>[number];

const STORAGE_KEY = 'civique.town';

function storedTown(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The first segment of the address, which names the town on its pages (`/joliette/activities`). */
function townInAddress(): string | null {
  return window.location.pathname.split('/')[1] || null;
}

interface OrgState {
  orgs: Organisation[];
  loading: boolean;
  error: unknown;
  /** The town the person chose, remembered in this browser. */
  current: Organisation | undefined;
  choose: (slug: string | null) => void;
}

const OrgContext = createContext<OrgState | null>(null);

/** The list of organisations, the chosen town, and its theme on the whole document. */
export function OrgProvider({ children }: { children: ReactNode }) {
  const query = useQuery({
    queryKey: ['orgs'],
    queryFn: () => call(api.GET('/api/orgs')),
    staleTime: 5 * 60_000,
  });
  const [slug, setSlug] = useState<string | null>(storedTown);
  // The town named by the address the person arrived at (`/joliette/…`) is the current one as soon as the
  // list is known, without waiting for its page's code to choose it: its theme and alert banner then come
  // before the page, not above a page already drawn (a layout shift).
  const [arrival, setArrival] = useState<string | null>(townInAddress);
  const orgs = query.data ?? [];
  const named = arrival ? orgs.find((o) => o.slug === arrival) : undefined;
  const current = named ?? orgs.find((o) => o.slug === slug);

  const choose = useCallback((next: string | null) => {
    setSlug(next);
    try {
      if (next) localStorage.setItem(STORAGE_KEY, next);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Not remembered, still used for this visit.
    }
  }, []);

  useEffect(() => {
    if (!arrival || !query.data) return;
    setArrival(null);
    if (named && named.slug !== slug) choose(named.slug);
  }, [arrival, query.data, named, slug, choose]);

  useEffect(() => {
    applyTheme(current?.branding);
  }, [current]);

  const value = useMemo(
    () => ({ orgs, loading: query.isPending, error: query.error, current, choose }),
    [orgs, query.isPending, query.error, current, choose],
  );
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

/** The organisations and the chosen town. */
export function useOrgs(): OrgState {
  const state = useContext(OrgContext);
  if (!state) throw new Error('useOrgs outside OrgProvider');
  return state;
}

/** An organisation's name in a language. */
export function orgName(org: Organisation, language: Language | string): string {
  return language === 'en' ? org.name.en : org.name.fr;
}
