import { useTranslation } from 'react-i18next';
import { type Organisation, useOrgs } from '../../../app/org.tsx';

/** The MRC named in the address, once the organisations are loaded. */
export function useRegion(slug: string | undefined): { region: Organisation | undefined; loading: boolean } {
  const { orgs, loading } = useOrgs();
  return { region: orgs.find((o) => o.slug === slug), loading };
}

/** Picks the current language's side of a bilingual text. */
export function useBi(): (text: { fr: string; en: string }) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language === 'en' ? text.en : text.fr);
}

/** A date-time in Quebec's zone and the person's language. */
export function useWhen(): (iso: string) => string {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-CA' : 'fr-CA', {
    timeZone: 'America/Toronto',
    dateStyle: 'full',
    timeStyle: 'short',
  });
  return (iso) => fmt.format(new Date(iso));
}
