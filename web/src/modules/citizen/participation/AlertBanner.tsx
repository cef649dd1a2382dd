import './participation.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { useOrgs } from '../../../app/org.tsx';

/** The alerts in force in the chosen town (the banner's data; the shell waits for it, see Layout.tsx). */
export function useActiveAlerts() {
  const { current } = useOrgs();
  return useQuery({
    queryKey: ['participation', 'alerts', 'active', current?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/active', {
          params: { path: { orgId: current?.id ?? '' } },
        }),
      ),
    enabled: !!current,
    refetchInterval: 60_000,
  });
}

/**
 * The emergency banner shown on every page of the chosen town's site while an alert applies. It is a
 * region named "Alerte en vigueur" (not role=alert: it is there on arrival and must not interrupt each page).
 */
export function AlertBanner() {
  const { t, i18n } = useTranslation('participation');
  const { current } = useOrgs();
  const query = useActiveAlerts();
  const items = query.data?.items ?? [];
  if (!current || items.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <>
      {items.map((alert) => (
        <section
          key={alert.id}
          className={alert.status === 'Test' ? 'alert-banner alert-banner--test' : 'alert-banner'}
          aria-label={t('banner.label')}
        >
          <div className="alert-banner__inner">
            <strong>
              {alert.status === 'Test' ? `${t('banner.test')} – ` : ''}
              {alert.headline[lang]}
            </strong>
            <span>{alert.instruction[lang]}</span>
            <Link to={`/${current.slug}/alertes/${alert.rootId}`}>{t('banner.more')}</Link>
          </div>
        </section>
      ))}
    </>
  );
}
