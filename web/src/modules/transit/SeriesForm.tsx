// A weekly recurring trip: same stops and time on chosen weekdays for N weeks. The answer lists every
// date with what became of it (booked, holiday, no vehicle with other times, beyond the booking horizon),
// and the whole series can be cancelled at once (one trip alone is cancelled from "My trips").
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Table } from '../../ui/Table.tsx';
import { BookingFields, CallerFields, useBookingDraft } from './BookingFields.tsx';
import { type Network, useClock } from './shared.ts';

type Outcome = 'booked' | 'closed' | 'no_service' | 'too_far_ahead' | 'too_soon' | 'unavailable';
interface Occurrence {
  date: string;
  outcome: Outcome;
  trip?: { reference: string; promisedPickupStart: string; promisedPickupEnd: string };
  alternatives?: Array<{ time: string }>;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The form for a weekly recurring trip, with the outcome of each date: a rider's own, or (`forCaller`) a
 * dispatcher's for someone who phoned in, named with their number as for a single phone booking.
 */
export function SeriesForm({
  orgId,
  network,
  forCaller = false,
}: {
  orgId: string;
  network: Network;
  forCaller?: boolean;
}) {
  const { t } = useTranslation('transit');
  const id = useId();
  const clock = useClock();
  const client = useQueryClient();
  const [draft, set] = useBookingDraft<'leave_at' | 'arrive_by'>({
    from: '',
    to: '',
    mode: 'leave_at',
    time: '08:00',
    passengers: '1',
    wheelchairs: '0',
    notes: '',
  });
  const [days, setDays] = useState<number[]>([1, 3, 5]);
  const [weeks, setWeeks] = useState('2');
  const [caller, setCaller] = useState({ name: '', phone: '' });
  // The rider's trips, or the dispatch board the caller's trips join.
  const refresh = () =>
    client.invalidateQueries({ queryKey: ['transit', orgId, forCaller ? 'board' : 'mine'] });
  const book = useMutation({
    mutationFn: () => {
      const body = {
        pickupStopId: draft.from,
        dropoffStopId: draft.to,
        timeMode: draft.mode,
        time: draft.time,
        weekdays: days,
        weeks: Number(weeks),
        passengers: Number(draft.passengers),
        wheelchairs: Number(draft.wheelchairs),
        ...(draft.notes.trim() ? { notes: draft.notes } : {}),
      };
      const init = { params: { path: { orgId } }, headers: { 'Idempotency-Key': crypto.randomUUID() } };
      return call(
        forCaller
          ? api.POST('/api/orgs/{orgId}/transit/board/series', { ...init, body: { ...body, rider: caller } })
          : api.POST('/api/orgs/{orgId}/transit/series', { ...init, body }),
      ) as Promise<{ seriesId: string; occurrences: Occurrence[] }>;
    },
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (seriesId: string) =>
      call(
        api.POST('/api/orgs/{orgId}/transit/series/{id}/cancel', {
          params: { path: { orgId, id: seriesId } },
        }),
      ) as Promise<{ cancelled: unknown[] }>,
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.reset();
    book.mutate();
  };
  const toggle = (day: number) =>
    setDays((list) => (list.includes(day) ? list.filter((d) => d !== day) : [...list, day].sort()));
  const error = (book.error ?? cancel.error) as Error | null;
  const result = book.data;
  const outcome = (o: Occurrence) =>
    o.outcome === 'booked' && o.trip
      ? t('series.booked', {
          reference: o.trip.reference,
          start: clock(o.trip.promisedPickupStart),
          end: clock(o.trip.promisedPickupEnd),
        })
      : o.outcome === 'unavailable' && o.alternatives?.length
        ? t('series.unavailableWith', { times: o.alternatives.map((a) => clock(a.time)).join(', ') })
        : t(`series.outcome.${o.outcome}`);
  return (
    <section aria-labelledby={`${id}-h`} className="transit-book">
      <h2 id={`${id}-h`}>{t(forCaller ? 'board.phoneSeries' : 'series.heading')}</h2>
      <form onSubmit={submit} noValidate>
        {forCaller && <CallerFields id={id} value={caller} onChange={setCaller} />}
        <BookingFields
          id={id}
          stops={network.stops}
          modes={['leave_at', 'arrive_by'] as const}
          timeKind="time"
          value={draft}
          set={set}
          schedule={
            <>
              <fieldset className="transit-book__when">
                <legend>{t('series.days')}</legend>
                {WEEKDAYS.map((d) => (
                  <label key={d} className="choice">
                    <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} />{' '}
                    {t(`series.weekday.${d}`)}
                  </label>
                ))}
              </fieldset>
              <TextField
                id={`${id}-weeks`}
                label={t('series.weeks')}
                type="number"
                min={1}
                max={26}
                inputSize="short"
                value={weeks}
                onChange={(e) => setWeeks(e.target.value)}
              />
            </>
          }
        />
        <Button type="submit" busy={book.isPending}>
          {t('series.submit')}
        </Button>
      </form>
      {error && <Alert tone="error">{error instanceof ApiError ? error.message : String(error)}</Alert>}
      {result && !cancel.isSuccess && (
        <>
          <Table
            caption={t('series.result')}
            rows={result.occurrences}
            rowKey={(o) => o.date}
            columns={[
              { key: 'date', header: t('series.date'), rowHeader: true, nowrap: true, render: (o) => o.date },
              { key: 'outcome', header: t('series.answer'), render: outcome },
            ]}
          />
          <Button variant="danger" busy={cancel.isPending} onClick={() => cancel.mutate(result.seriesId)}>
            {t('series.cancel')}
          </Button>
        </>
      )}
      {cancel.data && (
        <Alert tone="success">{t('series.cancelled', { count: cancel.data.cancelled.length })}</Alert>
      )}
    </section>
  );
}
