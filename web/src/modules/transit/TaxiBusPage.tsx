import './transit.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, call } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../ui/map/index.ts';
import { Page } from '../../ui/Page.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { BookingFields } from './BookingFields.tsx';
import { FareChoice } from './FareChoice.tsx';
import { SeriesForm } from './SeriesForm.tsx';
import {
  type Alternative,
  fromLocalInput,
  localInput,
  type Network,
  type Stop,
  type Trip,
  useClock,
  useMoney,
  useNetwork,
  useTown,
} from './shared.ts';

type Mode = 'asap' | 'leave_at' | 'arrive_by';

/** The rider's TaxiBus page: service points on a map, booking, and their trips. */
export function TaxiBusPage() {
  const { t, i18n } = useTranslation('transit');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const session = useSession();
  const tiles = useMapTiles();
  const orgId = town?.id ?? '';
  const signedIn = session.signedIn;
  const network = useNetwork(orgId);
  if (loading || network.isLoading) return <Loading />;
  if (!town || network.error)
    return (
      <Page title={t('title')}>
        <Alert tone="info">{t('notOffered')}</Alert>
      </Page>
    );
  const net = network.data as Network;
  const features: MapFeature[] = net.stops.map((s) => ({
    type: 'Feature',
    id: s.id,
    geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] },
    properties: { label: s.name, access: s.wheelchairAccessible ? '♿' : '' },
  }));
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      {signedIn ? (
        <BookingForm orgId={orgId} network={net} />
      ) : (
        <Alert tone="info">
          <Link to={`/sign-in?next=/${orgSlug}/transit`}>{t('signInToBook')}</Link>
        </Alert>
      )}
      {signedIn && <SeriesForm orgId={orgId} network={net} />}
      {signedIn && <MyTrips orgId={orgId} orgSlug={orgSlug ?? ''} network={net} />}
      <h2>{i18n.language === 'en' ? 'Service points' : 'Points de service'}</h2>
      <MapView
        caption={i18n.language === 'en' ? 'TaxiBus service points' : 'Points de service TaxiBus'}
        features={features}
        tiles={tiles}
        height="22rem"
      />
    </Page>
  );
}

function BookingForm({ orgId, network }: { orgId: string; network: Network }) {
  const { t } = useTranslation('transit');
  const id = useId();
  const clock = useClock();
  const money = useMoney();
  const client = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<Mode>('asap');
  const [time, setTime] = useState(localInput(90));
  const [passengers, setPassengers] = useState('1');
  const [wheelchairs, setWheelchairs] = useState('0');
  const [notes, setNotes] = useState('');
  const [withReturn, setWithReturn] = useState(false);
  const [payWith, setPayWith] = useState('');
  const [returnTime, setReturnTime] = useState(localInput(240));
  const [nearest, setNearest] = useState<Stop[] | null>(null);
  const [geoFailed, setGeoFailed] = useState(false);
  const book = useMutation({
    mutationFn: (override?: { mode: Mode; time: string }) =>
      call(
        api.POST('/api/orgs/{orgId}/transit/trips', {
          params: { path: { orgId } },
          body: {
            pickupStopId: from,
            dropoffStopId: to,
            timeMode: override?.mode ?? mode,
            ...((override?.mode ?? mode) !== 'asap' ? { time: override?.time ?? fromLocalInput(time) } : {}),
            passengers: Number(passengers),
            wheelchairs: Number(wheelchairs),
            ...(notes.trim() ? { notes } : {}),
            ...(withReturn ? { returnTime: fromLocalInput(returnTime) } : {}),
            ...(payWith ? { payWith: { holdingId: payWith } } : {}),
          },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'mine'] }),
  });
  const nearMe = () => {
    setGeoFailed(false);
    if (!navigator.geolocation) return setGeoFailed(true);
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const res = (await call(
          api.GET('/api/orgs/{orgId}/transit/network', {
            params: {
              path: { orgId },
              query: { lat: pos.coords.latitude, lon: pos.coords.longitude, limit: 3 },
            },
          }),
        )) as Network;
        setNearest(res.stops);
        if (res.stops[0]) setFrom(res.stops[0].id);
      },
      () => setGeoFailed(true),
      { maximumAge: 60_000, timeout: 10_000 },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    book.mutate(undefined);
  };
  const error = book.error instanceof ApiError ? book.error : null;
  const alternatives = (
    error?.code === 'transit.no_vehicle'
      ? ((error.details as { alternatives?: Alternative[] })?.alternatives ?? [])
      : []
  ) as Alternative[];
  const result = book.data;
  return (
    <section aria-labelledby={`${id}-h`} className="transit-book">
      <h2 id={`${id}-h`}>{t('book.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <BookingFields
          id={id}
          stops={network.stops}
          modes={['asap', 'leave_at', 'arrive_by'] as const}
          timeKind="datetime-local"
          value={{ from, to, mode, time, passengers, wheelchairs, notes }}
          set={{
            from: setFrom,
            to: setTo,
            mode: setMode,
            time: setTime,
            passengers: setPassengers,
            wheelchairs: setWheelchairs,
            notes: setNotes,
          }}
          nearPickup={
            <>
              <Button variant="secondary" onClick={nearMe} aria-describedby={`${id}-near-hint`}>
                {t('book.nearMe')}
              </Button>
              <span id={`${id}-near-hint`} className="field__hint">
                {t('book.nearHint')}
              </span>
              {nearest && (
                <p role="status">
                  {t('book.nearest', {
                    list: nearest.map((s) => `${s.name} (${s.distanceM} m)`).join(', '),
                  })}
                </p>
              )}
              {geoFailed && <Alert tone="warning">{t('book.geoFailed')}</Alert>}
            </>
          }
        />
        <FareChoice
          id={id}
          orgId={orgId}
          passengers={Number(passengers)}
          value={payWith}
          onChange={setPayWith}
        />
        <label className="choice">
          <input type="checkbox" checked={withReturn} onChange={(e) => setWithReturn(e.target.checked)} />{' '}
          {t('book.withReturn')}
        </label>
        {withReturn && (
          <TextField
            id={`${id}-rt`}
            label={t('book.returnTime')}
            type="datetime-local"
            value={returnTime}
            onChange={(e) => setReturnTime(e.target.value)}
          />
        )}
        <Button type="submit" busy={book.isPending}>
          {t('book.submit')}
        </Button>
      </form>
      {error && error.code !== 'transit.no_vehicle' && <Alert tone="error">{error.message}</Alert>}
      {error?.code === 'transit.no_vehicle' && (
        <Alert tone="warning" title={error.message}>
          {alternatives.length ? (
            <>
              <p>{t('book.alternatives')}</p>
              <ul>
                {alternatives.map((a) => (
                  <li key={a.time}>
                    <Button
                      variant="secondary"
                      onClick={() => book.mutate({ mode: 'leave_at', time: a.time })}
                    >
                      {t('book.takeAlternative', {
                        time: clock(a.time),
                        start: clock(a.promisedPickupStart),
                        end: clock(a.promisedPickupEnd),
                      })}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('book.noAlternative', { phone: network.service.phone ?? '' })}</p>
          )}
        </Alert>
      )}
      {result && (
        <Alert tone="success" title={t('book.confirmed', { reference: result.trip.reference })}>
          <p>
            {t('book.window', {
              start: clock(result.trip.promisedPickupStart),
              end: clock(result.trip.promisedPickupEnd),
            })}
          </p>
          <p>{t('book.arrival', { time: clock(result.trip.expectedArrival) })}</p>
          <p>{t('book.fare', { amount: money(result.trip.fareCents) })}</p>
          {result.trip.order && <Link to={`/account/orders/${result.trip.order.id}`}>{t('book.pay')}</Link>}
          {result.returnTrip && (
            <p>
              {t('book.returnConfirmed', {
                reference: result.returnTrip.reference,
                start: clock(result.returnTrip.promisedPickupStart),
                end: clock(result.returnTrip.promisedPickupEnd),
              })}
            </p>
          )}
        </Alert>
      )}
    </section>
  );
}

function MyTrips({ orgId, orgSlug, network }: { orgId: string; orgSlug: string; network: Network }) {
  const { t } = useTranslation('transit');
  const clock = useClock();
  const money = useMoney();
  const client = useQueryClient();
  const mine = useQuery({
    queryKey: ['transit', orgId, 'mine'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/transit/trips/mine', { params: { path: { orgId } } })),
  });
  const cancel = useMutation({
    mutationFn: (tripId: string) =>
      call(
        api.POST('/api/orgs/{orgId}/transit/trips/{id}/cancel', {
          params: { path: { orgId, id: tripId } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'mine'] }),
  });
  const rules = network.service.rules;
  const columns: Column<Trip>[] = [
    { key: 'ref', header: t('mine.trip'), render: (r) => r.reference, rowHeader: true, nowrap: true },
    { key: 'route', header: t('mine.route'), render: (r) => `${r.pickupStop.name} → ${r.dropoffStop.name}` },
    {
      key: 'pickup',
      header: t('mine.pickup'),
      nowrap: true,
      render: (r) =>
        `${new Date(r.promisedPickupStart).toLocaleDateString()} ${clock(r.promisedPickupStart)}–${clock(r.promisedPickupEnd)}`,
    },
    {
      key: 'status',
      header: t('mine.status'),
      render: (r) => (
        <>
          {t(`status.${r.status}` as 'status.confirmed')}
          {r.penaltyCents > 0 && ` · ${t('mine.penalty', { amount: money(r.penaltyCents) })}`}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('mine.actions'),
      render: (r) =>
        ['confirmed', 'arrived', 'onboard'].includes(r.status) ? (
          <span className="transit-actions">
            <Link to={`/${orgSlug}/transit/trips/${r.id}`}>{t('mine.follow')}</Link>
            {r.status === 'confirmed' && (
              <Button
                variant="secondary"
                busy={cancel.isPending}
                onClick={() => {
                  if (
                    window.confirm(
                      t('mine.cancelConfirm', {
                        reference: r.reference,
                        minutes: rules.lateCancelMinutes,
                        fee: money(rules.lateCancelPenaltyCents),
                      }),
                    )
                  )
                    cancel.mutate(r.id);
                }}
              >
                {t('mine.cancel')}
              </Button>
            )}
          </span>
        ) : null,
    },
  ];
  return (
    <section>
      <h2>{t('mine.heading')}</h2>
      {cancel.isSuccess && <Alert tone="success">{t('mine.cancelled')}</Alert>}
      {cancel.error instanceof ApiError && <Alert tone="error">{cancel.error.message}</Alert>}
      {mine.data && mine.data.items.length === 0 && <p>{t('mine.none')}</p>}
      {mine.data && mine.data.items.length > 0 && (
        <Table
          caption={t('mine.heading')}
          captionHidden
          columns={columns}
          rows={mine.data.items}
          rowKey={(r) => r.id}
        />
      )}
    </section>
  );
}
