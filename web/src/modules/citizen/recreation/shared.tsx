import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';
import { type Organisation, useOrgs } from '../../../app/org.tsx';

export type Activity = ApiData<'/api/citizen/orgs/{orgId}/activities/{activityId}', 'get'>;
export type Season = ApiData<'/api/citizen/orgs/{orgId}/seasons', 'get'>[number];
export type MyRegistration = ApiData<'/api/citizen/me/registrations', 'get'>[number];
export type Member = ApiData<'/api/me/household', 'get'>['members'][number];

/** Text in the interface's language. */
export function useBi(): (value: { fr: string; en: string } | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? (i18n.language === 'en' ? value.en : value.fr) : '');
}

/** The town named in the address (`/:orgSlug/…`), made the current town (its theme) once found. */
export function useTown(slug: string | undefined): { town: Organisation | undefined; loading: boolean } {
  const { orgs, loading, current, choose } = useOrgs();
  const town = orgs.find((o) => o.slug === slug);
  useEffect(() => {
    if (town && current?.slug !== town.slug) choose(town.slug);
  }, [town, current, choose]);
  return { town, loading };
}

/** An amount of cents in dollars, the Quebec way (« 95,00 $ » / "$95.00"). */
export function useMoney(): (cents: number) => string {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language === 'en' ? 'en' : 'fr');
  return (cents) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** The signed-in person's household (the members a cart line may be for). */
export function useHousehold(enabled = true) {
  return useQuery({
    queryKey: ['me', 'household'],
    queryFn: () => call(api.GET('/api/me/household')),
    enabled,
    staleTime: 60_000,
  });
}

/** One line of a cart: an activity for one member of the household. */
export interface CartLine {
  activityId: string;
  personId: string;
  activity: { fr: string; en: string };
  person: string;
  seasonId: string;
}

const cartKey = (orgId: string) => `civique.cart.${orgId}`;

function readCart(orgId: string): CartLine[] {
  try {
    const raw = localStorage.getItem(cartKey(orgId));
    const value: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(value) ? (value as CartLine[]) : [];
  } catch {
    return [];
  }
}

/**
 * A town's cart, kept in this browser (local storage) so that nothing chosen is lost when a page reloads,
 * the connection drops or a registration is refused: lines leave only when registered or removed.
 */
export function useCart(orgId: string | undefined) {
  const [lines, setLines] = useState<CartLine[]>(() => (orgId ? readCart(orgId) : []));
  useEffect(() => {
    if (orgId) setLines(readCart(orgId));
  }, [orgId]);
  const save = useCallback(
    (next: CartLine[]) => {
      setLines(next);
      if (!orgId) return;
      try {
        localStorage.setItem(cartKey(orgId), JSON.stringify(next));
      } catch {
        // Kept for this visit only.
      }
    },
    [orgId],
  );
  const add = (line: CartLine) => {
    if (lines.some((l) => l.activityId === line.activityId && l.personId === line.personId)) return false;
    save([...lines, line]);
    return true;
  };
  const remove = (line: Pick<CartLine, 'activityId' | 'personId'>) =>
    save(lines.filter((l) => !(l.activityId === line.activityId && l.personId === line.personId)));
  return { lines, add, remove, clear: () => save([]) };
}

/** The waiting-room ticket of a season, kept in this browser so that a dropped connection keeps its place. */
export const queueTicketKey = (seasonId: string) => `civique.queue.${seasonId}`;

/** A weekday number (1 = Monday) as a name. */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, weekday));
  return new Intl.DateTimeFormat(intlLocale(language === 'en' ? 'en' : 'fr'), {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(day);
}
