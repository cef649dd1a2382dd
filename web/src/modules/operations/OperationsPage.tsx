import './operations.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../ui/map/index.ts';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useStaff } from '../staff/context.ts';
import { OperationsNav, type Station, useLocalised, useStations } from './shared.tsx';

/** The operations hub: every station on a map and in a table with its latest readings. */
export function OperationsPage() {
  const { t } = useTranslation('operations');
  const { org, base } = useStaff();
  const { pick, number, dateTime } = useLocalised();
  const tiles = useMapTiles();
  const navigate = useNavigate();
  const stations = useStations();
  const alarms = useQuery({
    queryKey: ['operations', org.id, 'alarms', 'open'],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/orgs/{orgId}/operations/water/alarms', {
            params: { path: { orgId: org.id }, query: { status: 'open' } },
          }),
        )
      ).items,
  });
  const kindName = (kind: string) => t(`kinds.${kind}`, { defaultValue: kind });
  const latest = (s: Station) =>
    s.measures
      .filter((m) => m.latest)
      .slice(0, 3)
      .map((m) => `${pick(m.name)} ${number(m.latest?.value)} ${m.unit}`)
      .join(' · ') || t('hub.none');
  const features: MapFeature[] = (stations.data ?? [])
    .filter((s) => s.latitude !== null && s.longitude !== null)
    .map((s) => ({
      type: 'Feature',
      id: s.id,
      geometry: { type: 'Point', coordinates: [s.longitude ?? 0, s.latitude ?? 0] },
      properties: { label: `${s.code} — ${pick(s.name)}`, kind: kindName(s.kind), latest: latest(s) },
    }));
  return (
    <Page title={t('title')}>
      <OperationsNav />
      <p>{t('hub.intro')}</p>
      {(alarms.data?.length ?? 0) > 0 && (
        <Alert tone="warning">
          {t('hub.openAlarms', { count: alarms.data?.length })}{' '}
          <Link to={`${base}/modules/operations/water`}>{t('hub.seeAlarms')}</Link>
        </Alert>
      )}
      {stations.isLoading ? (
        <Loading />
      ) : (
        <>
          <h2>{t('hub.map')}</h2>
          <MapView
            caption={t('hub.map')}
            features={features}
            tiles={tiles}
            columns={[
              { key: 'kind', header: t('hub.kind') },
              { key: 'latest', header: t('hub.latest') },
            ]}
            onSelect={(f) => navigate(`${base}/modules/operations/stations/${f.id}`)}
          />
          <Table
            caption={t('hub.list')}
            rows={stations.data ?? []}
            rowKey={(s) => s.id}
            columns={[
              { key: 'code', header: t('hub.code'), nowrap: true, render: (s) => s.code },
              {
                key: 'name',
                header: t('hub.name'),
                rowHeader: true,
                render: (s) => <Link to={`${base}/modules/operations/stations/${s.id}`}>{pick(s.name)}</Link>,
              },
              { key: 'kind', header: t('hub.kind'), render: (s) => kindName(s.kind) },
              {
                key: 'latest',
                header: t('hub.latest'),
                render: (s) => {
                  const at = s.measures
                    .map((m) => m.latest?.at)
                    .filter(Boolean)
                    .sort()
                    .pop();
                  return (
                    <>
                      {latest(s)}
                      {at && <div className="muted">{dateTime(at)}</div>}
                    </>
                  );
                },
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
