import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { type ApiData, api, call } from '../../app/api.ts';
import { useStaff } from '../staff/context.ts';

export type Station = ApiData<'/api/orgs/{orgId}/operations/stations', 'get'>['items'][number];

/** The organisation's stations (every operations page needs them). */
export function useStations() {
  const { org } = useStaff();
  return useQuery({
    queryKey: ['operations', org.id, 'stations'],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/orgs/{orgId}/operations/stations', {
            params: { path: { orgId: org.id }, query: {} },
          }),
        )
      ).items,
  });
}

/** A bilingual text in the page's language. */
export function useLocalised() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return {
    lang,
    pick: (text: { fr: string; en: string }) => text[lang],
    number: (value: number | null | undefined, digits = 2) =>
      value === null || value === undefined
        ? '—'
        : value.toLocaleString(lang === 'en' ? 'en-CA' : 'fr-CA', { maximumFractionDigits: digits }),
    dateTime: (iso: string) =>
      new Date(iso).toLocaleString(lang === 'en' ? 'en-CA' : 'fr-CA', {
        timeZone: 'America/Toronto',
        dateStyle: 'short',
        timeStyle: 'short',
      }),
  };
}

/** The sections of the operations area. */
export function OperationsNav() {
  const { t } = useTranslation('operations');
  const { base } = useStaff();
  const root = `${base}/modules/operations`;
  const links: Array<[string, string]> = [
    [root, t('nav.hub')],
    [`${root}/entry`, t('nav.entry')],
    [`${root}/import`, t('nav.import')],
    [`${root}/water`, t('nav.water')],
    [`${root}/water/on-call`, t('nav.onCall')],
    [`${root}/reports`, t('nav.reports')],
    [`${root}/stations/new`, t('nav.newStation')],
    [`${root}/callback`, t('nav.callback')],
  ];
  return (
    <nav aria-label={t('title')} className="ops-nav">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
