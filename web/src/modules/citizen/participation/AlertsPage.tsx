import './participation.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { type AlertItem, useBi, useTown } from './shared.tsx';

type Ring = Array<[number, number]>;
// Loose enough for both the active list and a chain's history (their generated types differ in tuples).
type Area =
  | { kind: 'territory' }
  | { kind: 'polygon'; points: number[][] }
  | { kind: 'circle'; center: number[]; radiusKm: number }
  | { kind: 'sectors'; sectors: Array<{ name: { fr: string; en: string }; points: number[][] }> };
const polygon = (points: Ring, label: string): MapFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [[...points, points[0] ?? [0, 0]].map(([lat, lon]) => [lon, lat] as [number, number])],
  },
  properties: { label },
});

/** The outlines of an alert's area (none for the whole territory; a circle is drawn as a ring). */
function areaFeatures(area: Area, label: string): MapFeature[] {
  if (area.kind === 'polygon') return [polygon(area.points as Ring, label)];
  if (area.kind === 'sectors')
    return area.sectors.map((s) => polygon(s.points as Ring, `${label} – ${s.name.fr} / ${s.name.en}`));
  if (area.kind === 'circle') {
    const [lat = 0, lon = 0] = area.center;
    const ring = Array.from({ length: 32 }, (_, i) => {
      const a = (i / 32) * 2 * Math.PI;
      return [
        lat + (area.radiusKm / 111.32) * Math.sin(a),
        lon + (area.radiusKm / (111.32 * Math.cos((lat * Math.PI) / 180))) * Math.cos(a),
      ] as [number, number];
    });
    return [polygon(ring, label)];
  }
  return [];
}

function AlertDetails({ alert }: { alert: Omit<AlertItem, 'area'> & { area: Area } }) {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const tiles = useMapTiles();
  const features = areaFeatures(alert.area, bi(alert.areaDesc));
  return (
    <article className="survey-card">
      <h2>
        {alert.status === 'Test' ? `${t('banner.test')} – ` : ''}
        {t(`alerts.msgType.${alert.msgType}`)} : {bi(alert.headline)}
      </h2>
      <p className="muted">
        {bi(alert.event)} · {t('alerts.sent', { at: formatDateTime(alert.sentAt) })} ·{' '}
        {t('alerts.expires', { at: formatDateTime(alert.expiresAt) })}
      </p>
      <p>
        <strong>{t('alerts.area')}</strong> {bi(alert.areaDesc)}
      </p>
      {features.length > 0 && (
        <MapView
          caption={t('alerts.areaMap', { area: bi(alert.areaDesc) })}
          features={features}
          tiles={tiles}
          height="14rem"
        />
      )}
      <p>{bi(alert.description)}</p>
      <p>
        <strong>{t('alerts.instruction')}</strong> {bi(alert.instruction)}
      </p>
      {alert.capUrl && (
        <p>
          <a href={alert.capUrl}>{t('alerts.cap')}</a>
        </p>
      )}
    </article>
  );
}

/** The alerts in effect in a town, and the history of one alert (its updates and its end). */
export function AlertsPage() {
  const { t } = useTranslation('participation');
  const { orgSlug, rootId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const active = useQuery({
    queryKey: ['participation', 'alerts', 'active', town?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/active', { params: { path: { orgId: town?.id ?? '' } } }),
      ),
    enabled: !!town && !rootId,
  });
  const history = useQuery({
    queryKey: ['participation', 'alerts', 'history', town?.id, rootId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/{id}/history', {
          params: { path: { orgId: town?.id ?? '', id: rootId ?? '' } },
        }),
      ),
    enabled: !!town && !!rootId,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={rootId ? t('alerts.historyTitle') : t('alerts.title')}>
      <p className="lead">{t('alerts.lead')}</p>
      <p>
        <a href={`/feeds/${town.slug}/alerts.atom`}>{t('alerts.feed')}</a>
        {rootId && (
          <>
            {' · '}
            <Link to={`/${town.slug}/alertes`}>{t('alerts.allActive')}</Link>
          </>
        )}
      </p>
      <Loadable query={rootId ? history : active}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('alerts.none')}</p>
          ) : (
            [...data.items].reverse().map((a) => <AlertDetails key={a.id} alert={a} />)
          )
        }
      </Loadable>
    </Page>
  );
}
