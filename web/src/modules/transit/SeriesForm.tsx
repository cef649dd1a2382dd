// A weekly recurring trip: same stops and time on chosen weekdays for N weeks. The answer lists every
// date with what became of it (booked, holiday, no vehicle with other times, beyond the booking horizon),
// and the whole series can be cancelled at once (one trip alone is cancelled from "My trips").
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Table } from '../../ui/Table.tsx';
import { type Network, useClock } from './shared.ts';

type Outcome = 'booked' | 'closed' | 'no_service' | 'too_far_ahead' | 'too_soon' | 'unavailable';
interface Occurrence {
  date: string;
  outcome: Outcome;
  trip?: { reference: string; promisedPickupStart: string; promisedPickupEnd: string };
  alternatives?: Array<{ time: string }>;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The rider's form for a weekly recurring trip, with the outcome of each date. */
export function SeriesForm({ orgId, network }: { orgId: string; network: Network }) {
  const { t } = useTranslation('transit');
  const id = useId();
  const clock = useClock();
  const client = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<'leave_at' | 'arrive_by'>('leave_at');
  const [time, setTime] = useState('08:00');
  const [days, setDays] = useState<number[]>([1, 3, 5]);
  const [weeks, setWeeks] = useState('2');
  const [passengers, setPassengers] = useState('1');
  const refresh = () => client.invalidateQueries({ queryKey: ['transit', orgId, 'mine'] });
  const book = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/transit/series', {
          params: { path: { orgId } },
          body: {
            pickupStopId: from,
            dropoffStopId: to,
            timeMode: mode,
            time,
            weekdays: days,
            weeks: Number(weeks),
            passengers: Number(passengers),
          },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ) as Promise<{ seriesId: string; occurrences: Occurrence[] }>,
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
      <h2 id={`${id}-h`}>{t('series.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="transit-book__stops">
          {(['from', 'to'] as const).map((which) => (
            <SelectField
              key={which}
              id={`${id}-${which}`}
              label={t(which === 'from' ? 'book.from' : 'book.to')}
              value={which === 'from' ? from : to}
              onChange={(e) => (which === 'from' ? setFrom : setTo)(e.target.value)}
              required
            >
              <option value="">{t('book.choose')}</option>
              {network.stops.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.wheelchairAccessible ? ' ♿' : ''}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        <fieldset className="transit-book__when">
          <legend>{t('series.days')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="choice">
              <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} />{' '}
              {t(`series.weekday.${d}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="transit-book__when">
          <legend>{t('book.when')}</legend>
          {(['leave_at', 'arrive_by'] as const).map((m) => (
            <label key={m} className="choice">
              <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />{' '}
              {t(m === 'leave_at' ? 'book.leaveAt' : 'book.arriveBy')}
            </label>
          ))}
        </fieldset>
        <div className="transit-book__party">
          <TextField
            id={`${id}-time`}
            label={t('series.time')}
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
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
          <TextField
            id={`${id}-p`}
            label={t('book.passengers')}
            type="number"
            min={1}
            max={8}
            inputSize="short"
            value={passengers}
            onChange={(e) => setPassengers(e.target.value)}
          />
        </div>
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
