import './callback.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useCode, useTown } from './shared.tsx';

/**
 * Where an offer's link leads (no sign-in: the link is signed). The answer takes one tap on this page; the
 * link itself never answers, so a mail scanner opening it changes nothing.
 */
export function OfferLinkPage() {
  const { t } = useTranslation('callback');
  const code = useCode();
  const { orgSlug, token = '' } = useParams();
  const { town, loading } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'accept' | 'refuse' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const offer = useQuery({
    queryKey: ['callback', orgId, 'link', token],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/callback/offer-links/{token}', { params: { path: { orgId, token } } })),
    enabled: !!orgId && !!token,
  });
  const answer = async (choice: 'accept' | 'refuse') => {
    setBusy(choice);
    setError(null);
    try {
      const result = await call(
        api.POST('/api/orgs/{orgId}/callback/offer-links/{token}/answer', {
          params: { path: { orgId, token } },
          body: { answer: choice },
        }),
      );
      client.setQueryData(['callback', orgId, 'link', token], result);
      setMessage(choice === 'accept' ? t('me.accepted') : t('me.refused'));
    } catch (caught) {
      setError(caught);
      await offer.refetch();
    } finally {
      setBusy(null);
    }
  };
  if (loading || !town) return <Loading />;
  return (
    <Page title={t('link.title')}>
      <Loadable query={offer}>
        {(o) => (
          <>
            {message && <Alert tone="success">{message}</Alert>}
            <ErrorSummary error={error} />
            <p>{t('link.hello', { name: o.givenName })}</p>
            <article className="callback-offer" aria-labelledby="link-offer">
              <h2 id="link-offer">{t('link.offer', { jobClass: o.need.jobClass, place: o.need.place })}</h2>
              <p>
                {t('link.when', {
                  start: formatDateTime(o.need.startsAt),
                  end: formatDateTime(o.need.endsAt),
                })}
              </p>
              {o.status === 'pending' ? (
                <>
                  <p>
                    <strong>{t('me.answerBefore', { time: formatDateTime(o.expiresAt) })}</strong>
                  </p>
                  <div className="callback-offer__actions">
                    <Button busy={busy === 'accept'} onClick={() => answer('accept')}>
                      {t('link.accept')}
                    </Button>
                    <Button variant="secondary" busy={busy === 'refuse'} onClick={() => answer('refuse')}>
                      {t('link.refuse')}
                    </Button>
                  </div>
                </>
              ) : (
                !message && (
                  <Alert tone="info">{t('link.closed', { status: code('status', o.status) })}</Alert>
                )
              )}
            </article>
          </>
        )}
      </Loadable>
    </Page>
  );
}
