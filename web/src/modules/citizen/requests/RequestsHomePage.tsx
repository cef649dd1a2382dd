import './requests.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { orgName } from '../../../app/org.tsx';
import { useSession } from '../../../app/session.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { type Bilingual, QUEBEC_BBOX, useBilingual, useTownFromPath } from './shared.tsx';

/**
 * Requests to the city: report a problem, find one's requests, and the public map of what has been
 * reported (no personal data; sensitive requests shown only approximately).
 */
export function RequestsHomePage() {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBilingual();
  const { orgSlug } = useParams();
  const { town, loading } = useTownFromPath(orgSlug);
  const { signedIn } = useSession();
  const tiles = useMapTiles();
  const orgId = town?.id ?? '';
  const map = useQuery({
    queryKey: ['requests', orgId, 'public-map'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/requests/map', {
          params: { path: { orgId }, query: { bbox: QUEBEC_BBOX } },
        }),
      ),
    enabled: !!orgId,
  });
  const settings = useQuery({
    queryKey: ['requests', orgId, 'settings'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/requests/settings', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  if (loading || !town) return <Loading />;
  const title = t('requests.home.title');
  const property = (f: MapFeature, key: string) => f.properties[key];

  return (
    <Page title={title} heading={`${title} — ${orgName(town, i18n.language)}`}>
      <p className="lead">{t('requests.home.lead')}</p>
      <ul className="card-grid">
        <li>
          <div className="card">
            <h2>
              <Link to={`/${town.slug}/requests/new`}>{t('requests.home.report')}</Link>
            </h2>
            <p>{t('requests.home.reportText')}</p>
          </div>
        </li>
        {signedIn && (
          <li>
            <div className="card">
              <h2>
                <Link to={`/${town.slug}/requests/mine`}>{t('requests.home.mine')}</Link>
              </h2>
              <p>{t('requests.home.mineText')}</p>
            </div>
          </li>
        )}
      </ul>
      {settings.data && <p>{t('requests.home.reopen', { days: settings.data.reopenDays })}</p>}
      <h2>{t('requests.home.mapTitle')}</h2>
      <p>{t('requests.home.mapText')}</p>
      <Loadable query={map}>
        {(collection) => (
          <MapView
            caption={t('requests.home.mapCaption')}
            tiles={tiles}
            features={collection.features as MapFeature[]}
            columns={[
              {
                key: 'category',
                header: t('requests.home.category'),
                render: (f) => bi(property(f, 'category') as Bilingual),
              },
              {
                key: 'status',
                header: t('requests.home.status'),
                render: (f) => bi(property(f, 'status') as Bilingual),
              },
              {
                key: 'createdAt',
                header: t('requests.home.reported'),
                render: (f) => formatDateTime(String(property(f, 'createdAt') ?? '')),
              },
              {
                key: 'approximate',
                header: t('requests.home.position'),
                render: (f) =>
                  property(f, 'approximate') ? t('requests.home.approximate') : t('requests.home.exact'),
              },
            ]}
          />
        )}
      </Loadable>
    </Page>
  );
}
