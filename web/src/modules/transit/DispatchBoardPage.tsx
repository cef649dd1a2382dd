import './transit.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { BarChart } from '../../ui/charts/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../ui/map/index.ts';
import { Page } from '../../ui/Page.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { Indicators } from './BoardIndicators.tsx';
import { PhoneBooking } from './PhoneBooking.tsx';
import { type Trip, useClock, useTown } from './shared.ts';

interface Board {
  date: string;
  vehicles: Array<{
    id: string;
    label: string;
    position: { latitude: number; longitude: number; at: string } | null;
  }>;
  shifts: Array<{
    id: string;
    vehicleId: string;
    driverName: string;
    startsAt: string;
    endsAt: string;
    status: string;
    trips: Trip[];
  }>;
  unassigned: Trip[];
  alerts: Array<{
    kind: 'late' | 'no_show' | 'unassigned' | 'silent_vehicle';
    tripId: string | null;
    vehicleId: string | null;
    minutes: number;
  }>;
}

/** The dispatcher's live board: vehicles on a map, alerts, each shift's timeline, reassignment, phone bookings. */
export function DispatchBoardPage() {
  const { t } = useTranslation('transit');
  const { orgSlug } = useParams();
  const { town } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  const tiles = useMapTiles();
  const clock = useClock();
  const client = useQueryClient();
  const board = useQuery({
    queryKey: ['transit', orgId, 'board'],
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/transit/board', { params: { path: { orgId }, query: {} } }),
      )) as Board,
    enabled: !!orgId,
    refetchInterval: 60_000,
  });
  // Live: any event refreshes the board (at most every 3 s).
  useEffect(() => {
    if (!orgId) return;
    const source = new EventSource(`/api/orgs/${orgId}/transit/board/stream`, { withCredentials: true });
    let pending: number | null = null;
    const refresh = () => {
      if (pending !== null) return;
      pending = window.setTimeout(() => {
        pending = null;
        void client.invalidateQueries({ queryKey: ['transit', orgId, 'board'] });
      }, 3000);
    };
    source.addEventListener('position', refresh);
    source.addEventListener('trip', refresh);
    return () => {
      source.close();
      if (pending !== null) window.clearTimeout(pending);
    };
  }, [orgId, client]);
  const reoptimise = useMutation({
    mutationFn: () =>
      call(api.POST('/api/orgs/{orgId}/transit/board/reoptimise', { params: { path: { orgId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'board'] }),
  });
  if (!town || board.isLoading) return <Loading />;
  if (board.error)
    return (
      <Page title={t('board.title')}>
        <Alert tone="error">{(board.error as Error).message}</Alert>
      </Page>
    );
  const b = board.data as Board;
  const labelOf = (vehicleId: string | null) => b.vehicles.find((v) => v.id === vehicleId)?.label ?? '';
  const allTrips = [...b.shifts.flatMap((s) => s.trips), ...b.unassigned];
  const refOf = (tripId: string | null) => allTrips.find((x) => x.id === tripId)?.reference ?? '';
  const features: MapFeature[] = b.vehicles
    .filter((v) => v.position)
    .map((v) => ({
      type: 'Feature',
      id: v.id,
      geometry: { type: 'Point', coordinates: [v.position?.longitude ?? 0, v.position?.latitude ?? 0] },
      properties: { label: v.label, seen: clock(v.position?.at) },
    }));
  const active = allTrips.filter((x) => x.status !== 'cancelled');
  return (
    <Page title={t('board.title')}>
      <p className="lead">
        {t('board.date')} : {b.date}
      </p>
      <section>
        <h2>{t('board.alerts')}</h2>
        {b.alerts.length === 0 ? (
          <p>{t('board.noAlert')}</p>
        ) : (
          <ul className="transit-alerts">
            {b.alerts.map((a) => (
              <li key={`${a.kind}-${a.tripId ?? a.vehicleId}`}>
                {t(`board.alert.${a.kind}`, {
                  minutes: a.minutes,
                  reference: refOf(a.tripId),
                  label: labelOf(a.vehicleId),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('board.kpi')}</h2>
        <ul className="transit-kpi">
          <li>
            {t('board.trips')} : <strong>{active.length}</strong>
          </li>
          <li>
            {t('board.completed')} : <strong>{active.filter((x) => x.status === 'completed').length}</strong>
          </li>
          <li>
            {t('board.noShows')} : <strong>{active.filter((x) => x.status === 'no_show').length}</strong>
          </li>
        </ul>
        <BarChart
          title={t('board.chartCaption')}
          labelHeader={t('board.shifts')}
          valueLabel={t('board.trips')}
          orientation="horizontal"
          data={b.shifts.map((s) => ({
            label: `${labelOf(s.vehicleId)} ${clock(s.startsAt)}`,
            value: s.trips.filter((x) => x.status !== 'cancelled').length,
          }))}
        />
      </section>
      <Indicators orgId={orgId} />
      <MapView caption={t('board.mapCaption')} features={features} tiles={tiles} height="22rem" />
      <div className="transit-actions">
        <Button variant="secondary" busy={reoptimise.isPending} onClick={() => reoptimise.mutate()}>
          {t('board.reoptimise')}
        </Button>
      </div>
      {reoptimise.data && (
        <Alert tone="success">
          {t('board.reoptimised', {
            before: Math.round(reoptimise.data.beforeMinutes),
            after: Math.round(reoptimise.data.afterMinutes),
          })}
        </Alert>
      )}
      <h2>{t('board.shifts')}</h2>
      {b.shifts.map((s) => (
        <ShiftTimeline key={s.id} orgId={orgId} board={b} shift={s} vehicle={labelOf(s.vehicleId)} />
      ))}
      <PhoneBooking orgId={orgId} />
    </Page>
  );
}

function ShiftTimeline({
  orgId,
  board,
  shift,
  vehicle,
}: {
  orgId: string;
  board: Board;
  shift: Board['shifts'][number];
  vehicle: string;
}) {
  const { t } = useTranslation('transit');
  const clock = useClock();
  const client = useQueryClient();
  const id = useId();
  const [targets, setTargets] = useState<Record<string, string>>({});
  const reassign = useMutation({
    mutationFn: (v: { tripId: string; shiftId: string }) =>
      call(
        api.POST('/api/orgs/{orgId}/transit/board/trips/{id}/reassign', {
          params: { path: { orgId, id: v.tripId } },
          body: { shiftId: v.shiftId },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'board'] }),
  });
  const trips = shift.trips.filter((x) => x.status !== 'cancelled');
  const columns: Column<Trip>[] = [
    {
      key: 'time',
      header: t('mine.pickup'),
      nowrap: true,
      rowHeader: true,
      render: (r) =>
        `${clock(r.plannedPickupAt)} (${clock(r.promisedPickupStart)}–${clock(r.promisedPickupEnd)})`,
    },
    {
      key: 'route',
      header: t('mine.route'),
      render: (r) => `${r.pickupStop.name} → ${r.dropoffStop.name} (${clock(r.expectedArrival)})`,
    },
    {
      key: 'rider',
      header: t('board.rider'),
      render: (r) => `${r.riderName} · ${r.passengers}${r.wheelchairs ? ' ♿' : ''}`,
    },
    { key: 'status', header: t('mine.status'), render: (r) => t(`status.${r.status}` as 'status.confirmed') },
    {
      key: 'move',
      header: t('board.reassign'),
      render: (r) =>
        r.status === 'confirmed' ? (
          <span className="transit-actions">
            <SelectField
              id={`${id}-${r.id}`}
              label={t('board.reassign')}
              value={targets[r.id] ?? ''}
              onChange={(e) => setTargets({ ...targets, [r.id]: e.target.value })}
            >
              <option value="" />
              {board.shifts
                .filter((s) => s.id !== shift.id && s.status !== 'ended')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('board.shift', {
                      vehicle: board.vehicles.find((v) => v.id === s.vehicleId)?.label,
                      driver: s.driverName,
                      start: clock(s.startsAt),
                      end: clock(s.endsAt),
                    })}
                  </option>
                ))}
            </SelectField>
            <Button
              variant="secondary"
              busy={reassign.isPending}
              onClick={() =>
                targets[r.id] && reassign.mutate({ tripId: r.id, shiftId: targets[r.id] as string })
              }
            >
              {t('board.reassignDo')}
            </Button>
          </span>
        ) : null,
    },
  ];
  const caption = t('board.shift', {
    vehicle,
    driver: shift.driverName,
    start: clock(shift.startsAt),
    end: clock(shift.endsAt),
  });
  return (
    <section className="transit-shift">
      <h3>{caption}</h3>
      {reassign.error instanceof ApiError && <Alert tone="error">{reassign.error.message}</Alert>}
      {trips.length === 0 ? (
        <p>{t('board.noTrip')}</p>
      ) : (
        <Table caption={caption} captionHidden columns={columns} rows={trips} rowKey={(r) => r.id} />
      )}
    </section>
  );
}
