import '../requests.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { intlLocale } from '../../../../app/i18n.ts';
import { Button } from '../../../../ui/Button.tsx';
import { BarChart, LineChart } from '../../../../ui/charts/index.ts';
import { TextField } from '../../../../ui/Field.tsx';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { useStaff } from '../../../staff/context.ts';
import { useBilingual } from '../shared.tsx';
import { RequestsNav } from './common.tsx';

/** Volume, backlog and time to resolution per category, as charts with their tables. */
export function StaffRequestStatsPage() {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBilingual();
  const { org, base } = useStaff();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState({ from, to });
  const query = useQuery({
    queryKey: ['requests', org.id, 'stats', from, to],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/staff/requests/stats', {
          params: { path: { orgId: org.id }, query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const week = (day: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language === 'en' ? 'en' : 'fr'), {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(Object.entries(draft).filter(([, v]) => v)));
  };
  return (
    <Page title={t('requests.stats.title')}>
      <RequestsNav base={base} />
      <form className="filters-form" onSubmit={apply} aria-label={t('requests.stats.period')}>
        <div className="filters">
          <TextField
            id="stats-from"
            type="date"
            label={t('requests.stats.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            id="stats-to"
            type="date"
            label={t('requests.stats.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('requests.staff.apply')}
        </Button>
      </form>
      <Loadable query={query}>
        {(stats) => {
          const nameOf = (id: string) => bi(stats.categories.find((c) => c.id === id)?.name) || id;
          const byCategory = stats.categories
            .map((c) => ({
              label: bi(c.name),
              value: stats.volume.reduce((n, w) => n + (w.byCategory[c.id] ?? 0), 0),
            }))
            .filter((d) => d.value > 0);
          return (
            <>
              <p>{t('requests.stats.range', { from: stats.from, to: stats.to })}</p>
              <h2>{t('requests.stats.volume')}</h2>
              <BarChart
                title={t('requests.stats.volumeByWeek')}
                labelHeader={t('requests.stats.week')}
                valueLabel={t('requests.stats.requests')}
                data={stats.volume.map((w) => ({ label: week(w.week), value: w.total }))}
              />
              <BarChart
                title={t('requests.stats.volumeByCategory')}
                labelHeader={t('requests.staff.category')}
                valueLabel={t('requests.stats.requests')}
                orientation="horizontal"
                data={byCategory}
              />
              <h2>{t('requests.stats.backlog')}</h2>
              <LineChart
                title={t('requests.stats.backlogByWeek')}
                labelHeader={t('requests.stats.week')}
                valueLabel={t('requests.stats.open')}
                points={stats.backlog.map((b) => ({ label: week(b.week), value: b.open }))}
              />
              <h2>{t('requests.stats.resolution')}</h2>
              {stats.resolution.length === 0 ? (
                <p>{t('requests.stats.noResolution')}</p>
              ) : (
                <>
                  <BarChart
                    title={t('requests.stats.medianDays')}
                    labelHeader={t('requests.staff.category')}
                    valueLabel={t('requests.stats.days')}
                    orientation="horizontal"
                    data={stats.resolution.map((r) => ({ label: nameOf(r.categoryId), value: r.medianDays }))}
                  />
                  <BarChart
                    title={t('requests.stats.averageDays')}
                    labelHeader={t('requests.staff.category')}
                    valueLabel={t('requests.stats.days')}
                    orientation="horizontal"
                    data={stats.resolution.map((r) => ({
                      label: nameOf(r.categoryId),
                      value: r.averageDays,
                    }))}
                  />
                </>
              )}
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}
