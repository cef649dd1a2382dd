import './participation.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { type AlertItem, useBi, useTown } from './shared.tsx';

function AlertDetails({ alert }: { alert: Omit<AlertItem, 'area'> }) {
  const { t } = useTranslation('participation');
  const bi = useBi();
  return (
    <article className="survey-card">
      <h2>
        {alert.status === 'Test' ? `${t('banner.test')} – ` : ''}
        {t(`alerts.msgType.${alert.msgType}`)} : {bi(alert.headline)}
      </h2>
      <p className="muted">
        {bi(alert.event)} · {t('alerts.sent', { at: formatDateTime(alert.sentAt) })} ·{' '}
        {t('alerts.expires', { at: formatDateTime(alert.expiresAt) })}
      </p>
      <p>
        <strong>{t('alerts.area')}</strong> {bi(alert.areaDesc)}
      </p>
      <p>{bi(alert.description)}</p>
      <p>
        <strong>{t('alerts.instruction')}</strong> {bi(alert.instruction)}
      </p>
      {alert.capUrl && (
        <p>
          <a href={alert.capUrl}>{t('alerts.cap')}</a>
        </p>
      )}
    </article>
  );
}

/** The alerts in effect in a town, and the history of one alert (its updates and its end). */
export function AlertsPage() {
  const { t } = useTranslation('participation');
  const { orgSlug, rootId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const active = useQuery({
    queryKey: ['participation', 'alerts', 'active', town?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/active', { params: { path: { orgId: town?.id ?? '' } } }),
      ),
    enabled: !!town && !rootId,
  });
  const history = useQuery({
    queryKey: ['participation', 'alerts', 'history', town?.id, rootId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/{id}/history', {
          params: { path: { orgId: town?.id ?? '', id: rootId ?? '' } },
        }),
      ),
    enabled: !!town && !!rootId,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={rootId ? t('alerts.historyTitle') : t('alerts.title')}>
      <p className="lead">{t('alerts.lead')}</p>
      <p>
        <a href={`/feeds/${town.slug}/alerts.atom`}>{t('alerts.feed')}</a>
        {rootId && (
          <>
            {' · '}
            <Link to={`/${town.slug}/alertes`}>{t('alerts.allActive')}</Link>
          </>
        )}
      </p>
      <Loadable query={rootId ? history : active}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('alerts.none')}</p>
          ) : (
            [...data.items].reverse().map((a) => <AlertDetails key={a.id} alert={a} />)
          )
        }
      </Loadable>
    </Page>
  );
}
