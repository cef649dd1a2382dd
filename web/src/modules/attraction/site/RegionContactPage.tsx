import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useBi, useWhen } from './shared.tsx';

/** One resource person: book one of their open slots, or write to them (the address stays hidden). */
export function RegionContactPage() {
  const { t } = useTranslation('region');
  const { orgSlug, contactSlug } = useParams();
  const org = orgSlug ?? '';
  const bi = useBi();
  const when = useWhen();
  const id = useId();
  const queries = useQueryClient();
  const data = useQuery({
    queryKey: ['region', org, 'contact', contactSlug],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/region/contacts/{contact}', {
          params: { path: { orgId: org, contact: contactSlug ?? '' } },
        }),
      ),
    enabled: !!org && !!contactSlug,
  });
  const [slotId, setSlotId] = useState('');
  const [consentBook, setConsentBook] = useState(false);
  const [consentWrite, setConsentWrite] = useState(false);
  const [booked, setBooked] = useState<{ when: string; calendarUrl: string } | null>(null);
  const [sent, setSent] = useState(false);
  const booking = useForm('book', { name: '', email: '', note: '', website: '' });
  const writing = useForm('write', { name: '', email: '', message: '', website: '' });
  if (!data.data) return <Loading />;
  const { contact, slots } = data.data;
  const book = booking.handleSubmit(async (v) => {
    const res = await call(
      api.POST('/api/orgs/{orgId}/region/slots/{slotId}/booking', {
        params: { path: { orgId: org, slotId } },
        body: {
          name: v.name,
          email: v.email,
          note: v.note || undefined,
          website: v.website || undefined,
          consent: consentBook as true,
        },
      }),
    );
    setBooked({ when: when(res.startsAt), calendarUrl: res.calendarUrl });
    await queries.invalidateQueries({ queryKey: ['region', org, 'contact', contactSlug] });
  });
  const write = writing.handleSubmit(async (v) => {
    await call(
      api.POST('/api/orgs/{orgId}/region/contacts/{contactId}/messages', {
        params: { path: { orgId: org, contactId: contact.id } },
        body: {
          name: v.name,
          email: v.email,
          message: v.message,
          website: v.website || undefined,
          consent: consentWrite as true,
        },
      }),
    );
    setSent(true);
  });
  return (
    <Page title={contact.name}>
      <p className="lead">{bi(contact.role)}</p>
      <p>{bi(contact.bio)}</p>
      <section aria-labelledby={`${id}-book`}>
        <h2 id={`${id}-book`}>{t('contacts.book')}</h2>
        {booked ? (
          <Alert tone="success">
            <p>{t('contacts.booked', { when: booked.when })}</p>
            <p>
              <a href={booked.calendarUrl}>{t('contacts.calendar')}</a>
            </p>
          </Alert>
        ) : slots.length === 0 ? (
          <p>{t('contacts.noSlots')}</p>
        ) : (
          <form onSubmit={book} noValidate>
            <ErrorSummary error={booking.error} fields={booking.summaryFields()} />
            <fieldset className="region-slots">
              <legend>{t('contacts.chooseSlot')}</legend>
              {slots.map((s) => (
                <label key={s.id} htmlFor={`${id}-slot-${s.id}`} className="region-check">
                  <input
                    id={`${id}-slot-${s.id}`}
                    type="radio"
                    name="slot"
                    value={s.id}
                    checked={slotId === s.id}
                    onChange={() => setSlotId(s.id)}
                  />
                  {when(s.startsAt)} — {t(`contacts.mode.${s.mode}` as 'contacts.mode.video')}
                </label>
              ))}
            </fieldset>
            <TextField {...booking.field('name', t('contacts.name'))} autoComplete="name" required />
            <TextField
              {...booking.field('email', t('contacts.email'))}
              type="email"
              autoComplete="email"
              required
            />
            <TextAreaField {...booking.field('note', t('contacts.note'))} optional rows={3} />
            <div className="region-honeypot" aria-hidden="true">
              <label htmlFor="book-website">{t('contacts.honeypot')}</label>
              <input
                id="book-website"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={booking.values.website}
                onChange={(e) => booking.set('website', e.target.value)}
              />
            </div>
            <label htmlFor={`${id}-consent-book`} className="region-check">
              <input
                id={`${id}-consent-book`}
                type="checkbox"
                checked={consentBook}
                onChange={(e) => setConsentBook(e.target.checked)}
                required
              />
              {t('contacts.consent')}
            </label>
            <Button type="submit" busy={booking.pending} disabled={!slotId || !consentBook}>
              {t('contacts.confirmBooking')}
            </Button>
          </form>
        )}
      </section>
      <section aria-labelledby={`${id}-write`}>
        <h2 id={`${id}-write`}>{t('contacts.write')}</h2>
        {sent ? (
          <Alert tone="success">{t('contacts.sent')}</Alert>
        ) : (
          <form onSubmit={write} noValidate>
            <ErrorSummary error={writing.error} fields={writing.summaryFields()} />
            <TextField {...writing.field('name', t('contacts.name'))} autoComplete="name" required />
            <TextField
              {...writing.field('email', t('contacts.email'))}
              type="email"
              autoComplete="email"
              required
            />
            <TextAreaField {...writing.field('message', t('contacts.message'))} rows={5} required />
            <div className="region-honeypot" aria-hidden="true">
              <label htmlFor="write-website">{t('contacts.honeypot')}</label>
              <input
                id="write-website"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={writing.values.website}
                onChange={(e) => writing.set('website', e.target.value)}
              />
            </div>
            <label htmlFor={`${id}-consent-write`} className="region-check">
              <input
                id={`${id}-consent-write`}
                type="checkbox"
                checked={consentWrite}
                onChange={(e) => setConsentWrite(e.target.checked)}
                required
              />
              {t('contacts.consent')}
            </label>
            <Button type="submit" busy={writing.pending} disabled={!consentWrite}>
              {t('contacts.send')}
            </Button>
          </form>
        )}
      </section>
    </Page>
  );
}
