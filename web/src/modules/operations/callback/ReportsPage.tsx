import './callback.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { BarChart } from '../../../ui/charts/index.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';
import { CallbackNav } from './shared.tsx';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Hours per person, refusals, needs by class and time to fill, as charts with their tables, and exports. */
export function ReportsPage() {
  const { t } = useTranslation('callback');
  const { org, base } = useStaff();
  const id = useId();
  const [from, setFrom] = useState(day(-30));
  const [to, setTo] = useState(day(30));
  const period = {
    from: new Date(`${from}T00:00:00`).toISOString(),
    to: new Date(`${to}T23:59:59`).toISOString(),
  };
  const report = useQuery({
    queryKey: ['callback', org.id, 'report', from, to],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/callback/reports', { params: { path: { orgId: org.id }, query: period } }),
      ),
    enabled: !!from && !!to,
  });
  const qs = new URLSearchParams(period).toString();
  return (
    <Page title={t('nav.reports')}>
      <CallbackNav base={base} />
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <TextField
          id={`${id}-from`}
          label={t('reports.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id={`${id}-to`}
          label={t('reports.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </form>
      <Loadable query={report}>
        {(r) => (
          <>
            <dl className="callback-facts">
              <dt>{t('reports.posted')}</dt>
              <dd>{r.needs.posted}</dd>
              <dt>{t('reports.filled')}</dt>
              <dd>{r.needs.filled}</dd>
              <dt>{t('reports.unfilled')}</dt>
              <dd>{r.needs.unfilled}</dd>
              <dt>{t('reports.cancelled')}</dt>
              <dd>{r.needs.cancelled}</dd>
              <dt>{t('reports.medianFill')}</dt>
              <dd>
                {r.minutesToFill.median === null
                  ? '—'
                  : t('reports.minutes', { value: Math.round(r.minutesToFill.median) })}
              </dd>
            </dl>
            <BarChart
              title={t('reports.hoursChart')}
              orientation="horizontal"
              labelHeader={t('reports.person')}
              valueLabel={t('reports.hours')}
              data={r.people.filter((p) => p.hours > 0).map((p) => ({ label: p.name, value: p.hours }))}
            />
            <BarChart
              title={t('reports.refusalsChart')}
              orientation="horizontal"
              labelHeader={t('reports.person')}
              valueLabel={t('reports.refusals')}
              data={r.people
                .filter((p) => p.refused + p.expired > 0)
                .map((p) => ({ label: p.name, value: p.refused + p.expired }))}
            />
            <BarChart
              title={t('reports.byClass')}
              orientation="horizontal"
              labelHeader={t('need.jobClass')}
              valueLabel={t('reports.needs')}
              data={r.byJobClass.map((c) => ({ label: c.jobClass, value: c.posted }))}
            />
            <h2>{t('reports.table')}</h2>
            <p>
              {t('reports.export')} <a href={`/api/orgs/${org.id}/callback/reports/export.csv?${qs}`}>CSV</a>{' '}
              · <a href={`/api/orgs/${org.id}/callback/reports/export.xlsx?${qs}`}>XLSX</a>
            </p>
            <Table
              caption={t('reports.table')}
              captionHidden
              rows={r.people}
              rowKey={(p) => p.employeeId}
              columns={[
                {
                  key: 'name',
                  header: t('reports.person'),
                  rowHeader: true,
                  render: (p) => `${p.name} (${p.employeeNumber})`,
                },
                { key: 'hours', header: t('reports.hours'), render: (p) => p.hours },
                { key: 'offers', header: t('reports.offers'), render: (p) => p.offers },
                { key: 'accepted', header: t('reports.accepted'), render: (p) => p.accepted },
                { key: 'refused', header: t('reports.refused'), render: (p) => p.refused },
                { key: 'expired', header: t('reports.expired'), render: (p) => p.expired },
              ]}
            />
          </>
        )}
      </Loadable>
    </Page>
  );
}
