import './transit.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { useInstallableDriverApp } from './installable.ts';
import { useClock, useTown } from './shared.ts';

interface ManifestStop {
  kind: 'pickup' | 'dropoff';
  plannedAt: string;
  windowStart: string | null;
  windowEnd: string | null;
  stop: { name: string };
  navigationUrl: string;
  trip: {
    id: string;
    reference: string;
    status: string;
    riderName: string;
    riderPhone: string;
    passengers: number;
    wheelchairs: number;
    notes: string;
  };
}
interface Manifest {
  shift: { id: string; status: string; startsAt: string; endsAt: string; vehicle: { label: string } };
  stops: ManifestStop[];
}
type Fix = { latitude: number; longitude: number; speedKmh?: number; bearing?: number; at: string };

const BUFFER_KEY = 'civique.transit.positions';

/** The driver app: shift start/end, manifest in order, steps at each stop, positions sent and buffered offline. */
export function DriverPage() {
  const { t } = useTranslation('transit');
  const { orgSlug } = useParams();
  const { town } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  useInstallableDriverApp(orgId);
  const clock = useClock();
  const client = useQueryClient();
  const [buffered, setBuffered] = useState(0);
  const watch = useRef<number | null>(null);
  const manifest = useQuery({
    queryKey: ['transit', orgId, 'manifest'],
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/transit/driver/manifest', { params: { path: { orgId } } }),
      )) as Manifest,
    enabled: !!orgId,
    refetchInterval: 30_000,
  });
  const shift = useMutation({
    mutationFn: (action: 'start' | 'end') =>
      call(
        api.POST('/api/orgs/{orgId}/transit/driver/shift/{action}', { params: { path: { orgId, action } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'manifest'] }),
  });
  const step = useMutation({
    mutationFn: (v: { tripId: string; event: 'arrived' | 'picked_up' | 'no_show' | 'dropped_off' }) =>
      call(
        api.POST('/api/orgs/{orgId}/transit/driver/trips/{id}/events', {
          params: { path: { orgId, id: v.tripId } },
          body: { event: v.event },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'manifest'] }),
  });
  const started = manifest.data?.shift.status === 'started';
  // Positions every 5 s; what cannot be sent waits in local storage and goes with the next batch.
  useEffect(() => {
    if (!started || !orgId || !navigator.geolocation) return;
    let last: Fix | null = null;
    watch.current = navigator.geolocation.watchPosition(
      (pos) => {
        last = {
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          ...(pos.coords.speed != null ? { speedKmh: pos.coords.speed * 3.6 } : {}),
          ...(pos.coords.heading != null && !Number.isNaN(pos.coords.heading)
            ? { bearing: pos.coords.heading }
            : {}),
          at: new Date(pos.timestamp).toISOString(),
        };
      },
      () => {},
      { enableHighAccuracy: true, maximumAge: 5000 },
    );
    const timer = window.setInterval(async () => {
      const queue: Fix[] = JSON.parse(localStorage.getItem(BUFFER_KEY) ?? '[]');
      if (last) queue.push(last);
      last = null;
      if (queue.length === 0) return;
      try {
        await call(
          api.POST('/api/orgs/{orgId}/transit/driver/positions', {
            params: { path: { orgId } },
            body: { positions: queue.slice(-500) },
          }),
        );
        localStorage.removeItem(BUFFER_KEY);
        setBuffered(0);
      } catch {
        localStorage.setItem(BUFFER_KEY, JSON.stringify(queue.slice(-500)));
        setBuffered(Math.min(queue.length, 500));
      }
    }, 5000);
    return () => {
      window.clearInterval(timer);
      if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    };
  }, [started, orgId]);
  if (!town || manifest.isLoading) return <Loading />;
  if (manifest.error)
    return (
      <Page title={t('driver.title')}>
        <Alert tone="info">
          {manifest.error instanceof ApiError && manifest.error.status === 404
            ? t('driver.noShift')
            : (manifest.error as Error).message}
        </Alert>
      </Page>
    );
  const m = manifest.data as Manifest;
  const open = m.stops.filter((s) =>
    s.kind === 'pickup'
      ? ['confirmed', 'arrived'].includes(s.trip.status)
      : s.trip.status === 'onboard' || s.trip.status === 'confirmed' || s.trip.status === 'arrived',
  );
  return (
    <Page title={t('driver.title')}>
      <p className="lead">
        {t('driver.shift', {
          start: clock(m.shift.startsAt),
          end: clock(m.shift.endsAt),
          vehicle: m.shift.vehicle.label,
        })}
      </p>
      <div className="transit-actions">
        {m.shift.status === 'planned' && (
          <Button onClick={() => shift.mutate('start')} busy={shift.isPending}>
            {t('driver.start')}
          </Button>
        )}
        {m.shift.status === 'started' && (
          <Button variant="secondary" onClick={() => shift.mutate('end')} busy={shift.isPending}>
            {t('driver.end')}
          </Button>
        )}
      </div>
      {started && (
        <p role="status">{buffered ? t('driver.buffered', { count: buffered }) : t('driver.tracking')}</p>
      )}
      {(shift.error || step.error) && (
        <Alert tone="error">{((shift.error ?? step.error) as Error).message}</Alert>
      )}
      <h2>{t('driver.stops')}</h2>
      <ol className="transit-manifest">
        {open.map((s) => (
          <li key={`${s.trip.id}-${s.kind}`} className="card">
            <h3>
              {clock(s.plannedAt)} · {s.kind === 'pickup' ? t('driver.pickup') : t('driver.dropoff')} ·{' '}
              {s.stop.name}
            </h3>
            <p>
              {s.trip.riderName} · {t('driver.people', { count: s.trip.passengers })}
              {s.trip.wheelchairs > 0 && ` · ${t('driver.wheelchair')}`}
              {s.windowStart && ` · ${clock(s.windowStart)}–${clock(s.windowEnd)}`}
            </p>
            {s.trip.notes && <p>{s.trip.notes}</p>}
            <div className="transit-actions">
              <a href={s.navigationUrl} target="_blank" rel="noreferrer">
                {t('driver.navigate')}
              </a>
              {s.trip.riderPhone && <a href={`tel:${s.trip.riderPhone}`}>{t('driver.call')}</a>}
              {s.kind === 'pickup' && s.trip.status === 'confirmed' && (
                <Button
                  variant="secondary"
                  onClick={() => step.mutate({ tripId: s.trip.id, event: 'arrived' })}
                >
                  {t('driver.arrived')}
                </Button>
              )}
              {s.kind === 'pickup' && (
                <Button onClick={() => step.mutate({ tripId: s.trip.id, event: 'picked_up' })}>
                  {t('driver.pickedUp')}
                </Button>
              )}
              {s.kind === 'pickup' && s.trip.status === 'arrived' && (
                <Button variant="danger" onClick={() => step.mutate({ tripId: s.trip.id, event: 'no_show' })}>
                  {t('driver.noShow')}
                </Button>
              )}
              {s.kind === 'dropoff' && s.trip.status === 'onboard' && (
                <Button onClick={() => step.mutate({ tripId: s.trip.id, event: 'dropped_off' })}>
                  {t('driver.droppedOff')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </Page>
  );
}
