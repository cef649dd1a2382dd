import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { LineChart } from '../../../../ui/charts/index.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';

/** Twelve months of participation as line charts (each with its table): answers, contributions, subscriptions, alert reach. */
export function ParticipationCharts({ orgId }: { orgId: string }) {
  const { t } = useTranslation('participation');
  const query = useQuery({
    queryKey: ['participation', 'analytics', orgId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/staff/participation-analytics', { params: { path: { orgId } } }),
      ),
  });
  return (
    <>
      <h2>{t('analytics.title')}</h2>
      <Loadable query={query}>
        {(data) =>
          (['surveyAnswers', 'contributions', 'subscriptions', 'alertReach'] as const).map((key) => (
            <LineChart
              key={key}
              title={t(`analytics.${key}`)}
              valueLabel={t(`analytics.${key}`)}
              labelHeader={t('analytics.month')}
              points={data.months.map((m, i) => ({ label: m, value: data[key][i] ?? 0 }))}
            />
          ))
        }
      </Loadable>
    </>
  );
}
