import './recreation.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { queueTicketKey, useTown } from './shared.tsx';

type Standing = ApiData<'/api/citizen/orgs/{orgId}/seasons/{seasonId}/queue', 'get'>;

function kept(seasonId: string): string | null {
  try {
    return localStorage.getItem(queueTicketKey(seasonId));
  } catch {
    return null;
  }
}

/**
 * The opening-day waiting room: a place in a first-come queue, the estimated wait, and the way back to the
 * cart when the turn comes. The ticket is kept in this browser (and a cookie), so a reload or a dropped
 * connection keeps the place.
 */
export function WaitingRoomPage() {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const { orgSlug, seasonId = '' } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [standing, setStanding] = useState<Standing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(Date.now());
  const orgId = town?.id ?? '';

  useEffect(() => {
    if (!orgId) return;
    let stop = false;
    const token = kept(seasonId);
    const headers = token ? { 'X-Queue-Token': token } : undefined;
    call(
      api.POST('/api/citizen/orgs/{orgId}/seasons/{seasonId}/queue', {
        params: { path: { orgId, seasonId } },
        headers,
      }),
    )
      .then((s) => {
        if (stop) return;
        setStanding(s);
        try {
          localStorage.setItem(queueTicketKey(seasonId), s.token);
        } catch {
          // The cookie keeps it.
        }
      })
      .catch((caught: unknown) => setError(caught));
    return () => {
      stop = true;
    };
  }, [orgId, seasonId]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (loading || !town) return <Loading />;
  const wait = standing ? Math.max(0, Math.ceil((Date.parse(standing.admitAt) - now) / 1000)) : null;
  const minutes = wait === null ? 0 : Math.ceil(wait / 60);
  return (
    <Page title={t('registrations.queue.title')}>
      <p className="lead">{t('registrations.queue.lead')}</p>
      {error !== null && <Alert tone="error">{errorMessage(error, common)}</Alert>}
      {standing === null && error === null && <Loading />}
      {standing !== null && (
        <div aria-live="polite">
          <p>{t('registrations.queue.position')}</p>
          <p className="queue-position">{standing.position}</p>
          {wait !== null && wait > 0 ? (
            <>
              <p>{t('registrations.queue.wait', { minutes, time: formatDateTime(standing.admitAt) })}</p>
              <progress
                max={Math.max(1, standing.waitSeconds)}
                value={Math.max(0, standing.waitSeconds - wait)}
              >
                {t('registrations.queue.wait', { minutes, time: formatDateTime(standing.admitAt) })}
              </progress>
              <p className="muted">{t('registrations.queue.keep')}</p>
            </>
          ) : (
            <Alert tone="success" title={t('registrations.queue.yourTurn')}>
              <p>{t('registrations.queue.until', { time: formatDateTime(standing.expiresAt) })}</p>
              <p>
                <Link className="btn btn--primary" to={`/${town.slug}/cart`}>
                  {t('registrations.queue.toCart')}
                </Link>
              </p>
            </Alert>
          )}
        </div>
      )}
    </Page>
  );
}
