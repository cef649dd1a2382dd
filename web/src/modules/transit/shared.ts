import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import { type Organisation, useOrgs } from '../../app/org.tsx';

/** A trip as the API answers it. */
export type Trip = ApiData<'/api/orgs/{orgId}/transit/trips/{id}', 'get'>;

export interface Stop {
  id: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  wheelchairAccessible: boolean;
  distanceM: number | null;
}

export interface Network {
  service: {
    nameFr: string;
    nameEn: string;
    phone: string | null;
    rules: { lateCancelMinutes: number; lateCancelPenaltyCents: number };
  };
  zones: Array<{
    id: string;
    nameFr: string;
    nameEn: string;
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: never };
  }>;
  stops: Stop[];
  fares: Array<{ id: string; nameFr: string; nameEn: string; priceCents: number }>;
}

export interface Alternative {
  time: string;
  promisedPickupStart: string;
  promisedPickupEnd: string;
  expectedArrival: string;
}

/** The town's TaxiBus network (service, zones, service points, fares), once its id is known. */
export function useNetwork(orgId: string) {
  return useQuery({
    queryKey: ['transit', orgId, 'network'],
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/transit/network', { params: { path: { orgId }, query: {} } }),
      )) as Network,
    enabled: !!orgId,
  });
}

/** The organisation named in the address, chosen as the current town for its theme. */
export function useTown(slug: string | undefined): { town: Organisation | undefined; loading: boolean } {
  const { orgs, loading, current, choose } = useOrgs();
  const town = orgs.find((o) => o.slug === slug);
  useEffect(() => {
    if (town && current?.slug !== town.slug) choose(town.slug);
  }, [town, current, choose]);
  return { town, loading };
}

/** A clock time in Quebec (09:30). */
export function useClock(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (iso) =>
    iso
      ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-CA' : 'fr-CA', {
          timeZone: 'America/Toronto',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(iso))
      : '—';
}

/** Dollars from cents. */
export function useMoney(): (cents: number) => string {
  const { i18n } = useTranslation();
  return (cents) =>
    (cents / 100).toLocaleString(i18n.language === 'en' ? 'en-CA' : 'fr-CA', {
      style: 'currency',
      currency: 'CAD',
    });
}

/** A value for an <input type="datetime-local"> in Quebec time, `minutes` from now. */
export function localInput(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The instant of a datetime-local value read as Quebec time. */
export function fromLocalInput(value: string): string {
  const guess = new Date(`${value}:00Z`);
  const shown = localInput((guess.getTime() - Date.now()) / 60_000);
  const drift = new Date(`${shown}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - drift).toISOString();
}
