import './participation.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useBi, useTown } from './shared.tsx';

/** The town's surveys: open ones to answer, closed ones with their published results. */
export function SurveysPage() {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const query = useQuery({
    queryKey: ['participation', 'surveys', town?.id],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/citizen/surveys', { params: { path: { orgId: town?.id ?? '' } } })),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={t('surveys.title')}>
      <p className="lead">{t('surveys.lead')}</p>
      <p>
        <Link to={`/${town.slug}/infolettres`}>{t('newsletters.title')}</Link> ·{' '}
        <Link to={`/${town.slug}/alertes`}>{t('alerts.title')}</Link>
      </p>
      <Loadable query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('surveys.none')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((s) => (
                <li key={s.id} className="survey-card">
                  <h2>
                    <Link to={`/${town.slug}/sondages/${s.id}`}>{bi(s.title)}</Link>
                  </h2>
                  <p className="muted">
                    {t(`surveys.state.${s.state}`)} ·{' '}
                    {t('surveys.closes', { at: formatDateTime(s.closesAt) })}
                    {s.anonymous && ` · ${t('surveys.anonymous')}`}
                    {s.answered && ` · ${t('surveys.answered')}`}
                  </p>
                  {s.resultsPublishedAt && (
                    <Link to={`/${town.slug}/sondages/${s.id}/resultats`}>{t('surveys.results')}</Link>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </Page>
  );
}
