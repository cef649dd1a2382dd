import './callback.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { AvailabilityGrid, StatusBadge, useTown } from './shared.tsx';

/**
 * The employee's space, made for a phone: offers waiting (one tap to accept or refuse), rank on the list,
 * hours, upcoming shifts and availabilities with the agreement's deadline.
 */
export function MyCallbackPage() {
  const { t } = useTranslation('callback');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ['callback', orgId, 'me'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/callback/me', { params: { path: { orgId } } })),
    enabled: !!orgId,
    refetchInterval: 10000,
  });
  const access = useQuery({
    queryKey: ['callback', orgId, 'access'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/callback/access', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const unionLink = access.data?.union ? (
    <p>
      <Link to={`/${orgSlug}/callback/union`}>{t('me.unionLink')}</Link>
    </p>
  ) : null;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const answer = async (offerId: string, choice: 'accept' | 'refuse') => {
    setBusy(offerId + choice);
    setError(null);
    setMessage(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/callback/me/offers/{id}/answer', {
          params: { path: { orgId, id: offerId } },
          body: { answer: choice },
        }),
      );
      setMessage(choice === 'accept' ? t('me.accepted') : t('me.refused'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
      await client.invalidateQueries({ queryKey: ['callback', orgId, 'me'] });
    }
  };
  if (loading || !town) return <Loading />;
  if (me.error instanceof ApiError && me.error.status === 404)
    return (
      <Page title={t('me.title')}>
        {unionLink}
        {!access.data?.union && <Alert tone="info">{t('me.notOnList')}</Alert>}
      </Page>
    );
  return (
    <Page title={t('me.title')}>
      {unionLink}
      <Loadable query={me}>
        {(data) => {
          const pending = data.offers.filter((o) => o.status === 'pending');
          return (
            <>
              {message && <Alert tone="success">{message}</Alert>}
              <ErrorSummary error={error} />
              <section aria-labelledby="me-offers">
                <h2 id="me-offers">{t('me.offers')}</h2>
                {pending.length === 0 && <p>{t('me.noOffers')}</p>}
                {pending.map((o) => (
                  <article key={o.id} className="callback-offer" aria-labelledby={`offer-${o.id}`}>
                    <h3 id={`offer-${o.id}`}>
                      {o.need.jobClass} — {o.need.place}
                    </h3>
                    <p>
                      {formatDateTime(o.need.startsAt)} → {formatDateTime(o.need.endsAt)}
                    </p>
                    <p>
                      <strong>{t('me.answerBefore', { time: formatDateTime(o.expiresAt) })}</strong>
                    </p>
                    <div className="callback-offer__actions">
                      <Button busy={busy === `${o.id}accept`} onClick={() => answer(o.id, 'accept')}>
                        {t('me.accept')}
                      </Button>
                      <Button
                        variant="secondary"
                        busy={busy === `${o.id}refuse`}
                        onClick={() => answer(o.id, 'refuse')}
                      >
                        {t('me.refuse')}
                      </Button>
                    </div>
                  </article>
                ))}
                {data.offers.length > pending.length && (
                  <ul>
                    {data.offers
                      .filter((o) => o.status !== 'pending')
                      .slice(0, 10)
                      .map((o) => (
                        <li key={o.id}>
                          {o.need.reference} · {o.need.jobClass} · {formatDateTime(o.need.startsAt)} —{' '}
                          <StatusBadge status={o.status} />
                        </li>
                      ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="me-rank">
                <h2 id="me-rank">{t('me.rank')}</h2>
                <ul>
                  {data.ranks.map((r) => (
                    <li key={r.jobClass}>
                      {t('me.rankLine', { jobClass: r.jobClass, rank: r.rank, of: r.of, basis: r.basis })}
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="me-hours">
                <h2 id="me-hours">{t('me.hours')}</h2>
                <p>{t('me.thisWeek', { hours: data.hours.thisWeek })}</p>
                <p>{t('me.last28', { hours: data.hours.last28Days })}</p>
                {data.hours.upcoming.length > 0 && (
                  <>
                    <h3>{t('me.upcoming')}</h3>
                    <ul>
                      {data.hours.upcoming.map((s) => (
                        <li key={s.reference}>
                          {s.jobClass} — {s.place} : {formatDateTime(s.startsAt)} → {formatDateTime(s.endsAt)}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
              <MyAvailability orgId={orgId} availability={data.availability} />
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}

function MyAvailability({
  orgId,
  availability,
}: {
  orgId: string;
  availability: {
    inEffect: { effectiveFrom: string; slots: string[] } | null;
    coming: { effectiveFrom: string; slots: string[] } | null;
    deadlineDays: number;
    nextChangeFrom: string;
  };
}) {
  const { t } = useTranslation('callback');
  const client = useQueryClient();
  const latest = availability.coming ?? availability.inEffect;
  const [slots, setSlots] = useState<string[]>(latest?.slots ?? []);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const latestKey = latest?.slots.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the grid when the server's version changes.
  useEffect(() => setSlots(latest?.slots ?? []), [latestKey]);
  return (
    <section aria-labelledby="me-availability">
      <h2 id="me-availability">{t('me.availability')}</h2>
      {availability.inEffect && (
        <p>{t('me.inEffect', { from: formatDate(availability.inEffect.effectiveFrom) })}</p>
      )}
      {availability.coming && (
        <p>{t('me.coming', { from: formatDate(availability.coming.effectiveFrom) })}</p>
      )}
      <p>
        {t('me.deadline', { days: availability.deadlineDays, from: formatDate(availability.nextChangeFrom) })}
      </p>
      {saved && <Alert tone="success">{saved}</Alert>}
      <ErrorSummary error={error} />
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const result = await call(
              api.PUT('/api/orgs/{orgId}/callback/me/availability', {
                params: { path: { orgId } },
                body: { slots: slots as never },
              }),
            );
            setSaved(t('me.saved', { from: formatDate(result.effectiveFrom) }));
            await client.invalidateQueries({ queryKey: ['callback', orgId, 'me'] });
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        <AvailabilityGrid idPrefix="me-slot" value={slots} onChange={setSlots} />
        <Button type="submit" busy={busy}>
          {t('me.save')}
        </Button>
      </form>
    </section>
  );
}
