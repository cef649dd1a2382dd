import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { BookingFields, CallerFields, useBookingDraft } from './BookingFields.tsx';
import { SeriesForm } from './SeriesForm.tsx';
import { fromLocalInput, localInput, useClock, useNetwork } from './shared.ts';

/** The dispatcher books for someone who phoned in: one trip, or a weekly recurring trip. */
export function PhoneBooking({ orgId }: { orgId: string }) {
  const { t } = useTranslation('transit');
  const id = useId();
  const clock = useClock();
  const client = useQueryClient();
  const [caller, setCaller] = useState({ name: '', phone: '' });
  const [draft, set] = useBookingDraft<'leave_at' | 'arrive_by'>({
    from: '',
    to: '',
    mode: 'leave_at',
    time: localInput(60),
    passengers: '1',
    wheelchairs: '0',
    notes: '',
  });
  const network = useNetwork(orgId);
  const book = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/transit/board/trips', {
          params: { path: { orgId } },
          body: {
            pickupStopId: draft.from,
            dropoffStopId: draft.to,
            timeMode: draft.mode,
            time: fromLocalInput(draft.time),
            passengers: Number(draft.passengers),
            wheelchairs: Number(draft.wheelchairs),
            ...(draft.notes.trim() ? { notes: draft.notes } : {}),
            rider: caller,
          },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['transit', orgId, 'board'] }),
  });
  return (
    <>
      <section aria-labelledby={`${id}-h`} className="transit-book">
        <h2 id={`${id}-h`}>{t('board.phone')}</h2>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            book.mutate();
          }}
          noValidate
        >
          <CallerFields id={id} value={caller} onChange={setCaller} />
          <BookingFields
            id={id}
            stops={network.data?.stops ?? []}
            modes={['leave_at', 'arrive_by'] as const}
            timeKind="datetime-local"
            value={draft}
            set={set}
          />
          <Button type="submit" busy={book.isPending}>
            {t('book.submit')}
          </Button>
        </form>
        {book.error instanceof ApiError && <Alert tone="error">{book.error.message}</Alert>}
        {book.data && (
          <Alert tone="success" title={t('book.confirmed', { reference: book.data.trip.reference })}>
            {t('book.window', {
              start: clock(book.data.trip.promisedPickupStart),
              end: clock(book.data.trip.promisedPickupEnd),
            })}
          </Alert>
        )}
      </section>
      {network.data && <SeriesForm orgId={orgId} network={network.data} forCaller />}
    </>
  );
}
