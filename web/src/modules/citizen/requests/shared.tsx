import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiData } from '../../../app/api.ts';
import { type Organisation, useOrgs } from '../../../app/org.tsx';

/** A category as the form receives it. */
export type Category = ApiData<'/api/orgs/{orgId}/requests/categories', 'get'>['items'][number];
/** A category's own field. */
export type CategoryField = Category['fields'][number];
/** A request as its follower sees it. */
export type CitizenRequest = ApiData<'/api/orgs/{orgId}/requests/{id}', 'get'>;

/** Text in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** The text of a bilingual value in the interface's language. */
export function useBilingual(): (value: Bilingual | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? (i18n.language === 'en' ? value.en : value.fr) : '');
}

/** The organisation named in the address (`/:orgSlug/requests`), chosen as the current town for its theme. */
export function useTownFromPath(slug: string | undefined): {
  town: Organisation | undefined;
  loading: boolean;
} {
  const { orgs, loading, current, choose } = useOrgs();
  const town = orgs.find((o) => o.slug === slug);
  useEffect(() => {
    if (town && current?.slug !== town.slug) choose(town.slug);
  }, [town, current, choose]);
  return { town, loading };
}

/** A status as a badge: open ones in the brand's colour, resolved and closed ones in green. */
export function StatusBadge({ phase, label }: { phase: string; label: string }) {
  const done = phase === 'resolved' || phase === 'closed';
  return <span className={`req-status ${done ? 'req-status--done' : 'req-status--open'}`}>{label}</span>;
}

/** The whole of Quebec as a map box: public maps of a town ask for all of its requests. */
export const QUEBEC_BBOX = '-80,44.9,-57,63';
