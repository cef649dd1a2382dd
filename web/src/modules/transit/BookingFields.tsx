import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import type { Stop } from './shared.ts';

type TimeMode = 'asap' | 'leave_at' | 'arrive_by';

/** What a booking asks, as the form's fields hold it (numbers stay text until sent). */
export interface BookingDraft<M extends TimeMode> {
  from: string;
  to: string;
  mode: M;
  time: string;
  passengers: string;
  wheelchairs: string;
  notes: string;
}

/** One setter per field of the draft. */
export type BookingSetters<M extends TimeMode> = {
  [K in keyof BookingDraft<M>]: (next: BookingDraft<M>[K]) => void;
};

/** A booking draft held in one state, with a setter per field for `BookingFields`. */
export function useBookingDraft<M extends TimeMode>(
  initial: BookingDraft<M>,
): [BookingDraft<M>, BookingSetters<M>, (next: BookingDraft<M>) => void] {
  const [value, setValue] = useState(initial);
  const keys = useState(() => Object.keys(initial) as Array<keyof BookingDraft<M>>)[0];
  const set = useMemo(
    () =>
      Object.fromEntries(
        keys.map((k) => [k, (next: unknown) => setValue((v) => ({ ...v, [k]: next }))]),
      ) as BookingSetters<M>,
    [keys],
  );
  return [value, set, setValue];
}

/**
 * The fields every TaxiBus booking asks (one trip or a weekly series, by the rider or by a dispatcher): the
 * two service points, leave at / arrive by, the time, the party and a note for the driver.
 */
export function BookingFields<M extends TimeMode>({
  id,
  stops,
  modes,
  timeKind,
  value,
  set,
  nearPickup,
  schedule,
}: {
  /** Prefix of the fields' ids (one form's `useId`). */
  id: string;
  stops: Stop[];
  modes: readonly M[];
  /** A date and time for one trip, a clock time for a series. */
  timeKind: 'datetime-local' | 'time';
  value: BookingDraft<M>;
  set: BookingSetters<M>;
  /** Shown between the pick-up and drop-off choices (finding the nearest service point). */
  nearPickup?: ReactNode;
  /** Shown between the service points and the time (the weekdays and weeks of a series). */
  schedule?: ReactNode;
}) {
  const { t } = useTranslation('transit');
  const stopOptions = stops.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name}
      {s.wheelchairAccessible ? ' ♿' : ''}
    </option>
  ));
  return (
    <>
      <div className="transit-book__stops">
        <SelectField
          id={`${id}-from`}
          label={t('book.from')}
          value={value.from}
          onChange={(e) => set.from(e.target.value)}
          required
        >
          <option value="">{t('book.choose')}</option>
          {stopOptions}
        </SelectField>
        {nearPickup}
        <SelectField
          id={`${id}-to`}
          label={t('book.to')}
          value={value.to}
          onChange={(e) => set.to(e.target.value)}
          required
        >
          <option value="">{t('book.choose')}</option>
          {stopOptions}
        </SelectField>
      </div>
      {schedule}
      <fieldset className="transit-book__when">
        <legend>{t('book.when')}</legend>
        {modes.map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={value.mode === m}
              onChange={() => set.mode(m)}
            />{' '}
            {t(m === 'asap' ? 'book.asap' : m === 'leave_at' ? 'book.leaveAt' : 'book.arriveBy')}
          </label>
        ))}
      </fieldset>
      {value.mode !== 'asap' && (
        <TextField
          id={`${id}-time`}
          label={t(timeKind === 'time' ? 'series.time' : 'book.time')}
          type={timeKind}
          value={value.time}
          onChange={(e) => set.time(e.target.value)}
        />
      )}
      <div className="transit-book__party">
        <TextField
          id={`${id}-p`}
          label={t('book.passengers')}
          type="number"
          min={1}
          max={8}
          inputSize="short"
          value={value.passengers}
          onChange={(e) => set.passengers(e.target.value)}
        />
        <TextField
          id={`${id}-w`}
          label={t('book.wheelchairs')}
          type="number"
          min={0}
          max={2}
          inputSize="short"
          value={value.wheelchairs}
          onChange={(e) => set.wheelchairs(e.target.value)}
        />
      </div>
      <TextAreaField
        id={`${id}-notes`}
        label={t('book.notes')}
        optional
        value={value.notes}
        onChange={(e) => set.notes(e.target.value)}
        rows={2}
      />
    </>
  );
}

/** Who phoned in, for a dispatcher's booking: their name and the number to call them back. */
export function CallerFields({
  id,
  value,
  onChange,
}: {
  id: string;
  value: { name: string; phone: string };
  onChange: (next: { name: string; phone: string }) => void;
}) {
  const { t } = useTranslation('transit');
  return (
    <>
      <TextField
        id={`${id}-name`}
        label={t('board.riderName')}
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
        autoComplete="off"
      />
      <TextField
        id={`${id}-phone`}
        label={t('board.riderPhone')}
        type="tel"
        value={value.phone}
        onChange={(e) => onChange({ ...value, phone: e.target.value })}
        autoComplete="off"
      />
    </>
  );
}
