import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiData } from '../../app/api.ts';
import { type Organisation, useOrgs } from '../../app/org.tsx';

/** Text in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** A permit file as its applicant (or staff) sees it. */
export type PermitFile = ApiData<'/api/orgs/{orgId}/portal/permits/applications/{id}', 'get'>;
/** A permit type with its form. */
export type PermitType = ApiData<'/api/orgs/{orgId}/portal/permits/types', 'get'>['items'][number];
/** One field of a permit form. */
export type PermitField = PermitType['fields'][number];

/** The text of a bilingual value in the interface's language. */
export function useBilingual(): (value: Bilingual | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? (i18n.language === 'en' ? value.en : value.fr) : '');
}

/** The organisation named in the address (`/:orgSlug/…`), chosen as the current town for its theme. */
export function useTown(slug: string | undefined): { town: Organisation | undefined; loading: boolean } {
  const { orgs, loading, current, choose } = useOrgs();
  const town = orgs.find((o) => o.slug === slug);
  useEffect(() => {
    if (town && current?.slug !== town.slug) choose(town.slug);
  }, [town, current, choose]);
  return { town, loading };
}

/** Dollars from cents, in Quebec's format. */
export function useMoney(): (cents: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  return (cents) =>
    cents === null || cents === undefined
      ? '—'
      : (cents / 100).toLocaleString(locale, { style: 'currency', currency: 'CAD' });
}

/** Whole dollars (assessment values), in Quebec's format. */
export function useDollars(): (dollars: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  return (dollars) =>
    dollars === null || dollars === undefined
      ? '—'
      : dollars.toLocaleString(locale, { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 });
}

/** A number with its unit, in Quebec's format. */
export function useNumber(): (value: number | null | undefined, unit?: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  return (value, unit) =>
    value === null || value === undefined
      ? '—'
      : `${value.toLocaleString(locale, { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ''}`;
}

/** A new random key for an Idempotency-Key header. */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** A permit file's step as a badge. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  const done = ['issued', 'closed', 'acknowledged', 'final_inspection_scheduled'].includes(status);
  const stopped = ['refused', 'expired', 'withdrawn'].includes(status);
  return (
    <span
      className={`portal-status ${done ? 'portal-status--done' : stopped ? 'portal-status--stopped' : 'portal-status--open'}`}
    >
      {label}
    </span>
  );
}

/** The whole of Quebec as a map box. */
export const QUEBEC_BBOX = '-80,44.9,-57,63';
