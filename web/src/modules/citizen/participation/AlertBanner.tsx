import './participation.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { loadCatalogues } from '../../../app/i18n.ts';
import { useOrgs } from '../../../app/org.tsx';

/** The alerts in force in the chosen town (the banner's data; on arrival the shell waits for it, see Layout.tsx). */
export function useActiveAlerts() {
  const { current } = useOrgs();
  return useQuery({
    queryKey: ['participation', 'alerts', 'active', current?.id],
    queryFn: async () => {
      const alerts = await call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/active', {
          params: { path: { orgId: current?.id ?? '' } },
        }),
      );
      // The banner's texts, fetched only when there is an alert, and before the query is done: the banner is
      // then drawn as soon as the alerts are known (Layout waits for them on arrival), not a moment later.
      if (alerts.items.length > 0) await loadCatalogues(['participation']);
      return alerts;
    },
    enabled: !!current,
    refetchInterval: 60_000,
  });
}

/**
 * The emergency banner shown on every page of the chosen town's site while an alert applies. It is a
 * region named "Alerte en vigueur" (not role=alert: it is there on arrival and must not interrupt each page).
 */
export function AlertBanner() {
  const { current } = useOrgs();
  const query = useActiveAlerts();
  const items = query.data?.items ?? [];
  if (!current || items.length === 0) return null;
  return <AlertSections slug={current.slug} items={items} />;
}

type ActiveAlert = NonNullable<ReturnType<typeof useActiveAlerts>['data']>['items'][number];

function AlertSections({ slug, items }: { slug: string; items: ActiveAlert[] }) {
  const { t, i18n } = useTranslation('participation');
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
            <Link to={`/${slug}/alertes/${alert.rootId}`}>{t('banner.more')}</Link>
          </div>
        </section>
      ))}
    </>
  );
}
