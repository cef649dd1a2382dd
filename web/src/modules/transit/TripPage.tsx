import './transit.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../ui/map/index.ts';
import { Page } from '../../ui/Page.tsx';
import { useClock, useTown } from './shared.ts';

interface Live {
  tripId: string;
  status: string;
  vehicle: {
    id: string;
    label: string;
    latitude: number | null;
    longitude: number | null;
    at: string | null;
  } | null;
  target: { name: string; latitude: number; longitude: number };
  etaMinutes: number | null;
  plannedAt: string;
  notice: { kind: 'arriving' | 'arrived'; minutes: number | null } | null;
}

/** A rider follows their TaxiBus live: the vehicle on a map with its ETA, updated by Server-Sent Events. */
export function TripPage() {
  const { t } = useTranslation('transit');
  const { orgSlug, tripId = '' } = useParams();
  const { town } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  const tiles = useMapTiles();
  const clock = useClock();
  const [live, setLive] = useState<Live | null>(null);
  const [offline, setOffline] = useState(false);
  const trip = useQuery({
    queryKey: ['transit', orgId, 'trip', tripId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/transit/trips/{id}', { params: { path: { orgId, id: tripId } } })),
    enabled: !!orgId,
  });
  useEffect(() => {
    if (!orgId || !tripId) return;
    const source = new EventSource(`/api/orgs/${orgId}/transit/trips/${tripId}/live`, {
      withCredentials: true,
    });
    source.addEventListener('snapshot', (e) => {
      setOffline(false);
      setLive(JSON.parse((e as MessageEvent).data) as Live);
    });
    // The ETA is recomputed by the server at most every 30 s (or at once when there was none).
    let etaAt = 0;
    let etaKnown = false;
    const refreshEta = () =>
      call(
        api.GET('/api/orgs/{orgId}/transit/trips/{id}/vehicle', { params: { path: { orgId, id: tripId } } }),
      )
        .then((snapshot) => {
          etaKnown = (snapshot as Live).etaMinutes !== null;
          setLive(snapshot as Live);
        })
        .catch(() => {});
    source.addEventListener('snapshot', (e) => {
      etaAt = Date.now();
      etaKnown = (JSON.parse((e as MessageEvent).data) as Live).etaMinutes !== null;
    });
    source.addEventListener('position', (e) => {
      const p = JSON.parse((e as MessageEvent).data) as { latitude: number; longitude: number; at: string };
      setLive((prev) =>
        prev?.vehicle
          ? { ...prev, vehicle: { ...prev.vehicle, latitude: p.latitude, longitude: p.longitude, at: p.at } }
          : prev,
      );
      if (!etaKnown || Date.now() - etaAt > 30_000) {
        etaAt = Date.now();
        void refreshEta();
      }
    });
    source.onerror = () => setOffline(true);
    source.onopen = () => setOffline(false);
    return () => source.close();
  }, [orgId, tripId]);
  if (trip.isLoading || !town) return <Loading />;
  if (trip.error)
    return (
      <Page title={t('live.title')}>
        <Alert tone="error">{(trip.error as Error).message}</Alert>
      </Page>
    );
  const data = trip.data;
  const features: MapFeature[] = [];
  if (live) {
    features.push({
      type: 'Feature',
      id: 'target',
      geometry: { type: 'Point', coordinates: [live.target.longitude, live.target.latitude] },
      properties: { label: t('live.target', { name: live.target.name }) },
    });
    if (live.vehicle?.latitude != null && live.vehicle.longitude != null)
      features.push({
        type: 'Feature',
        id: 'vehicle',
        geometry: { type: 'Point', coordinates: [live.vehicle.longitude, live.vehicle.latitude] },
        properties: { label: t('live.vehicle', { label: live.vehicle.label }) },
      });
  }
  return (
    <Page title={t('live.title')}>
      <p>
        <Link to={`/${orgSlug}/transit`}>{t('live.back')}</Link>
      </p>
      {data && (
        <p className="lead">
          {data.reference} · {data.pickupStop.name} → {data.dropoffStop.name} ·{' '}
          {t(`status.${(live?.status ?? data.status) as 'confirmed'}`)}
        </p>
      )}
      <div aria-live="polite" className="transit-live">
        {offline && <Alert tone="warning">{t('live.offline')}</Alert>}
        {live?.notice && (
          // The in-app twin of the "arriving" / "arrived" notification, announced by this live region.
          <p className="transit-live__notice">
            {live.notice.kind === 'arrived'
              ? t('live.arrived', { stop: live.target.name })
              : live.notice.minutes === null
                ? t('live.arrivingSoon', { stop: live.target.name })
                : t('live.arriving', { stop: live.target.name, minutes: live.notice.minutes })}
          </p>
        )}
        {live && !live.vehicle && <p>{t('live.notStarted')}</p>}
        {live?.vehicle && (
          <>
            <p className="transit-live__eta">
              {live.etaMinutes !== null
                ? t('live.eta', { stop: live.target.name, minutes: live.etaMinutes })
                : null}
            </p>
            {live.vehicle.at && <p>{t('live.lastSeen', { time: clock(live.vehicle.at) })}</p>}
          </>
        )}
        {live && <p>{t('live.planned', { time: clock(live.plannedAt) })}</p>}
      </div>
      <MapView caption={t('live.mapCaption')} features={features} tiles={tiles} height="24rem" />
    </Page>
  );
}
