import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { orgName } from '../../../app/org.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useBi, useRegion } from './shared.tsx';

/** The directory of resource people, each with a link to write or book. */
export function RegionContactsPage() {
  const { t, i18n } = useTranslation('region');
  const { orgSlug } = useParams();
  const { region, loading } = useRegion(orgSlug);
  const bi = useBi();
  const org = orgSlug ?? '';
  const list = useQuery({
    queryKey: ['region', org, 'contacts'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/contacts', { params: { path: { orgId: org } } })),
    enabled: !!org,
  });
  if (loading || !region || !list.data) return <Loading />;
  const title = t('contacts.title');
  const langName = (code: string) =>
    new Intl.DisplayNames([i18n.language === 'en' ? 'en' : 'fr'], { type: 'language' }).of(code) ?? code;
  return (
    <Page title={title} heading={`${title} — ${orgName(region, i18n.language)}`}>
      <p className="lead">{t('contacts.lead')}</p>
      <ul className="region-cards">
        {list.data.items.map((c) => (
          <li key={c.id}>
            <h2>{c.name}</h2>
            <p className="region-meta">{bi(c.role)}</p>
            <p>{bi(c.bio)}</p>
            <p>
              {t('contacts.languages')} : {c.languages.map(langName).join(', ')}
            </p>
            <p>
              <Link to={`/${org}/region/contacts/${c.slug}`}>
                {t('contacts.open')} — {c.name}
              </Link>{' '}
              ({t('contacts.slots', { count: c.nextSlots })})
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
