import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { BarChart } from '../../../../ui/charts/index.ts';
import { SelectField } from '../../../../ui/Field.tsx';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { useStaff } from '../../../staff/context.ts';
import { useBi, useMoney } from '../shared.tsx';
import { RecreationNav } from './RecreationNav.tsx';

/** Fill rates, waitlists and revenue by activity, age group and town, as charts with their tables, and exports. */
export function ReportsPage() {
  const { t } = useTranslation('citizen');
  const bi = useBi();
  const money = useMoney();
  const id = useId();
  const { org } = useStaff();
  const [params, setParams] = useSearchParams();
  const seasons = useQuery({
    queryKey: ['citizen', 'seasons', org.id],
    queryFn: () =>
      call(api.GET('/api/citizen/orgs/{orgId}/seasons', { params: { path: { orgId: org.id } } })),
  });
  const seasonId = params.get('season') ?? seasons.data?.[0]?.id ?? '';
  const report = useQuery({
    queryKey: ['citizen', 'report', org.id, seasonId],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/staff/reports', {
          params: { path: { orgId: org.id }, query: { seasonId: seasonId || undefined } },
        }),
      ),
    enabled: seasons.isSuccess,
  });
  const exports = (table: 'activities' | 'ages' | 'towns') => (
    <p className="btn-row">
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          href={`/api/citizen/orgs/${org.id}/staff/reports/export?table=${table}&format=${format}${seasonId ? `&seasonId=${seasonId}` : ''}`}
        >
          {t(format === 'csv' ? 'registrations.staff.exportCsv' : 'registrations.staff.exportXlsx')}
        </a>
      ))}
    </p>
  );
  return (
    <Page title={t('registrations.staff.reports')}>
      <RecreationNav />
      {seasons.data && seasons.data.length > 0 && (
        <SelectField
          id={`${id}-season`}
          label={t('registrations.staff.season')}
          value={seasonId}
          onChange={(e) => setParams({ season: e.target.value })}
        >
          {seasons.data.map((s) => (
            <option key={s.id} value={s.id}>
              {bi(s.name)}
            </option>
          ))}
        </SelectField>
      )}
      <Loadable query={report}>
        {(r) => (
          <>
            <p className="lead">
              {t('registrations.staff.totals', {
                taken: r.totals.taken,
                capacity: r.totals.capacity,
                waitlisted: r.totals.waitlisted,
                revenue: money(r.totals.revenueCents),
              })}
            </p>
            <h2>{t('registrations.staff.fillByActivity')}</h2>
            <BarChart
              title={t('registrations.staff.fillByActivity')}
              orientation="horizontal"
              labelHeader={t('registrations.staff.activity')}
              valueLabel={t('registrations.staff.fillPercent')}
              format={(v) => `${v.toLocaleString()} %`}
              data={r.byActivity.map((a) => ({ label: `${a.code} ${bi(a.title)}`, value: a.fillPercent }))}
            />
            <BarChart
              title={t('registrations.staff.waitlistByActivity')}
              orientation="horizontal"
              labelHeader={t('registrations.staff.activity')}
              valueLabel={t('registrations.staff.waitlisted')}
              data={r.byActivity.map((a) => ({ label: `${a.code} ${bi(a.title)}`, value: a.waitlisted }))}
            />
            <BarChart
              title={t('registrations.staff.revenueByActivity')}
              orientation="horizontal"
              labelHeader={t('registrations.staff.activity')}
              valueLabel={t('registrations.staff.revenue')}
              format={(v) => money(v * 100)}
              data={r.byActivity.map((a) => ({
                label: `${a.code} ${bi(a.title)}`,
                value: a.revenueCents / 100,
              }))}
            />
            {exports('activities')}
            <h2>{t('registrations.staff.byAge')}</h2>
            <BarChart
              title={t('registrations.staff.byAge')}
              labelHeader={t('registrations.staff.ageGroup')}
              valueLabel={t('registrations.staff.registrations')}
              data={r.byAgeGroup.map((g) => ({
                label: g.group === 'unknown' ? t('registrations.staff.unknownAge') : g.group,
                value: g.registrations,
              }))}
            />
            {exports('ages')}
            <h2>{t('registrations.staff.byTown')}</h2>
            <BarChart
              title={t('registrations.staff.revenueByTown')}
              orientation="horizontal"
              labelHeader={t('registrations.staff.townOfResidence')}
              valueLabel={t('registrations.staff.revenue')}
              format={(v) => money(v * 100)}
              data={r.byTown.map((x) => ({
                label: x.name ? bi(x.name) : t('registrations.staff.nonResidents'),
                value: x.revenueCents / 100,
              }))}
            />
            {exports('towns')}
          </>
        )}
      </Loadable>
    </Page>
  );
}
