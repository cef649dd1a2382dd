import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { BarChart, LineChart } from '../../../ui/charts/index.ts';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useRegion } from './shared.tsx';

/** MRC staff: the site's pages, news and events with their state, and the visits/requests charts. */
export function StaffSitePage() {
  const { t, i18n } = useTranslation('region');
  const { orgSlug } = useParams();
  const { region, loading } = useRegion(orgSlug);
  const orgId = region?.id ?? '';
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const pages = useQuery({
    queryKey: ['region', orgId, 'staff-pages'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/region/pages', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const stats = useQuery({
    queryKey: ['region', orgId, 'stats'],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/region/stats', { params: { path: { orgId }, query: { days: 30 } } })),
    enabled: !!orgId,
  });
  if (loading || !region || !pages.data) return <Loading />;
  type Row = (typeof pages.data.items)[number];
  const base = `/staff/${region.slug}/modules/attraction/site`;
  return (
    <Page title={t('staff.title')}>
      <p className="region-actions">
        <Link to={`${base}/pages/new`}>{t('staff.newPage')}</Link>
        <a href={`/region/${region.slug}/${lang}`}>{t('staff.publicSite')}</a>
        <Link to={`/${region.slug}/region/carte`}>{t('staff.map')}</Link>
        <Link to={`${base}/places`}>{t('staff.places')}</Link>
        <Link to={`${base}/outlines`}>{t('staff.outlines')}</Link>
        <Link to={`${base}/contacts`}>{t('staff.contactsLink')}</Link>
        <a href={`/region/${region.slug}/${lang}/trousse-salon`} download>
          {t('staff.fairKit')}
        </a>
      </p>
      <Table<Row>
        caption={t('staff.pages')}
        rows={pages.data.items}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'title',
            header: t('editor.titleField'),
            rowHeader: true,
            render: (r) => (
              <Link to={`${base}/pages/${r.id}`}>{lang === 'en' ? r.draft.titleEn : r.draft.titleFr}</Link>
            ),
          },
          {
            key: 'kind',
            header: t('staff.kind'),
            render: (r) => t(`staff.kinds.${r.kind}` as 'staff.kinds.page'),
          },
          { key: 'slug', header: t('editor.slug'), render: (r) => r.slug },
          {
            key: 'status',
            header: t('staff.status'),
            render: (r) =>
              [
                r.publishedRevision ? t('staff.published', { n: r.publishedRevision }) : t('staff.draft'),
                r.publishedRevision && r.hasUnpublishedChanges ? t('staff.changes') : '',
              ]
                .filter(Boolean)
                .join(' — '),
          },
        ]}
      />
      <h2>{t('staff.stats')}</h2>
      <p>{t('staff.privacy')}</p>
      {stats.data && (
        <>
          <LineChart
            title={t('staff.visits')}
            points={stats.data.days.map((d) => ({ label: d.day.slice(5), value: d.visits }))}
            valueLabel={t('staff.count')}
            labelHeader={t('staff.day')}
          />
          <BarChart
            title={t('staff.requests')}
            data={stats.data.days.map((d) => ({
              label: d.day.slice(5),
              value: d.contactRequests + d.appointments,
            }))}
            valueLabel={t('staff.count')}
            labelHeader={t('staff.day')}
          />
          <Table
            caption={t('staff.topPages')}
            rows={stats.data.topPages}
            rowKey={(r) => r.path}
            columns={[
              { key: 'path', header: t('staff.path'), rowHeader: true, render: (r) => r.path },
              { key: 'visits', header: t('staff.count'), render: (r) => r.visits },
            ]}
          />
        </>
      )}
    </Page>
  );
}
