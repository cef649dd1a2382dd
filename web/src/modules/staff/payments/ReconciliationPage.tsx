import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { BarChart } from '../../../ui/charts/index.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatMoney } from '../../account/orders/money.ts';
import { TestModeBadge } from '../../account/orders/OrderSummary.tsx';
import { useStaff } from '../context.ts';

type Report = ApiData<'/api/orgs/{orgId}/payments/reconciliation', 'get'>;
type Row = Report['rows'][number];

// Calendar days in Quebec's zone, as the report groups them.
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());
}

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** The day as a short label for the chart (« 14 mai »). */
function shortDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** Net money per day (collected less refunded), every provider and module together. */
function byDay(rows: Row[]): Array<{ day: string; net: number }> {
  const days = new Map<string, number>();
  for (const row of rows) days.set(row.day, (days.get(row.day) ?? 0) + row.netCents);
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, net]) => ({ day, net }));
}

/** Treasury's reconciliation: what came in and went out, by day, provider and module, with exports. */
export function ReconciliationPage() {
  const { t, i18n } = useTranslation();
  const { org } = useStaff();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? today();
  const from = params.get('from') ?? monthStart(to);
  const [draft, setDraft] = useState({ from, to });
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';

  const query = useQuery({
    queryKey: ['reconciliation', org.id, from, to],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/payments/reconciliation', {
          params: { path: { orgId: org.id }, query: { from, to } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(draft));
  };
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/orgs/${org.id}/payments/reconciliation?${new URLSearchParams({ from, to, format }).toString()}`;
  const labels = { from: t('audit.from'), to: t('audit.to') };
  const field = (name: 'from' | 'to') => ({
    id: `recon-${name}`,
    label: labels[name],
    value: draft[name],
    type: 'date',
    error: fieldError(query.error, name),
    onChange: (event: { target: { value: string } }) =>
      setDraft((old) => ({ ...old, [name]: event.target.value })),
  });

  return (
    <Page title={t('staff.reconciliation')}>
      <p>{t('reconciliation.intro')}</p>
      <form className="filters-form" onSubmit={apply} aria-label={t('reconciliation.period')} noValidate>
        <ErrorSummary
          error={query.error}
          fields={{
            from: { id: 'recon-from', label: labels.from },
            to: { id: 'recon-to', label: labels.to },
          }}
        />
        <div className="filters">
          <TextField {...field('from')} />
          <TextField {...field('to')} />
          <Button type="submit" variant="secondary">
            {t('reconciliation.show')}
          </Button>
        </div>
      </form>
      <p>
        {t('audit.export')}{' '}
        <a href={exportHref('csv')} download>
          {t('audit.exportCsv')}
        </a>{' '}
        ·{' '}
        <a href={exportHref('xlsx')} download>
          {t('audit.exportXlsx')}
        </a>
      </p>
      {query.isPending && <Loading />}
      {query.data && <ReportView report={query.data} locale={locale} />}
    </Page>
  );
}

function ReportView({ report, locale }: { report: Report; locale: string }) {
  const { t } = useTranslation();
  const period = { from: formatDate(report.from), to: formatDate(report.to) };
  const hasTest = report.rows.some((r) => r.testMode);
  const days = byDay(report.rows);
  return (
    <>
      <h2>{t('reconciliation.totals')}</h2>
      <Table
        caption={t('reconciliation.totalsCaption', period)}
        captionHidden
        rows={[
          { key: 'live', label: t('reconciliation.live'), ...report.totals.live },
          ...(hasTest || report.totals.test.collectedCents > 0
            ? [{ key: 'test', label: t('reconciliation.test'), ...report.totals.test }]
            : []),
        ]}
        rowKey={(r) => r.key}
        columns={[
          { key: 'label', header: t('reconciliation.money'), rowHeader: true, render: (r) => r.label },
          {
            key: 'collected',
            header: t('reconciliation.collected'),
            nowrap: true,
            render: (r) => formatMoney(r.collectedCents),
          },
          {
            key: 'refunded',
            header: t('reconciliation.refunded'),
            nowrap: true,
            render: (r) => formatMoney(r.refundedCents),
          },
          {
            key: 'net',
            header: t('reconciliation.net'),
            nowrap: true,
            render: (r) => formatMoney(r.netCents),
          },
        ]}
      />
      {report.rows.length === 0 ? (
        <p>{t('reconciliation.none', period)}</p>
      ) : (
        <>
          <h2>{t('reconciliation.chartTitle')}</h2>
          <BarChart
            title={t(hasTest ? 'reconciliation.chartCaptionTest' : 'reconciliation.chartCaption', period)}
            data={days.map((d) => ({ label: shortDay(d.day, locale), value: d.net / 100 }))}
            valueLabel={t('reconciliation.net')}
            labelHeader={t('reconciliation.day')}
            format={(v) => formatMoney(Math.round(v * 100))}
          />
          <h2>{t('reconciliation.detail')}</h2>
          <Table
            caption={t('reconciliation.caption', period)}
            rows={report.rows}
            rowKey={(r) => `${r.day}|${r.provider}|${r.module}|${r.testMode}`}
            columns={[
              {
                key: 'day',
                header: t('reconciliation.day'),
                rowHeader: true,
                nowrap: true,
                render: (r) => formatDate(r.day),
              },
              {
                key: 'provider',
                header: t('staffOrders.provider'),
                render: (r) => (
                  <>
                    {t(`orders.providers.${r.provider}`)} {r.testMode && <TestModeBadge />}
                  </>
                ),
              },
              { key: 'module', header: t('staffOrders.module'), render: (r) => <code>{r.module}</code> },
              { key: 'payments', header: t('reconciliation.payments'), render: (r) => r.paymentCount },
              {
                key: 'collected',
                header: t('reconciliation.collected'),
                nowrap: true,
                render: (r) => formatMoney(r.collectedCents),
              },
              { key: 'refunds', header: t('reconciliation.refunds'), render: (r) => r.refundCount },
              {
                key: 'refunded',
                header: t('reconciliation.refunded'),
                nowrap: true,
                render: (r) => formatMoney(r.refundedCents),
              },
              {
                key: 'net',
                header: t('reconciliation.net'),
                nowrap: true,
                render: (r) => formatMoney(r.netCents),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
