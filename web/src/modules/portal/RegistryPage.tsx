import './portal.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { orgName } from '../../app/org.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loadable, Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Table } from '../../ui/Table.tsx';
import { StatusBadge, useBilingual, useTown } from './shared.tsx';

/** The public registry of issued permits and its open data (BLDS, CSV and JSON). */
export function RegistryPage() {
  const { t, i18n } = useTranslation('portal');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const bi = useBilingual();
  const orgId = town?.id ?? '';
  const registry = useQuery({
    queryKey: ['portal', orgId, 'registry', page],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/registry', {
          params: { path: { orgId }, query: { page, perPage: 50 } },
        }),
      ),
    enabled: !!orgId,
  });
  if (loading || !town) return <Loading />;
  const title = t('registry.title');
  return (
    <Page title={title} heading={`${title} — ${orgName(town, i18n.language)}`}>
      <p className="lead">{t('registry.lead')}</p>
      <p>
        {t('registry.openData')} <a href={`/api/orgs/${orgId}/portal/permits/open-data.csv`}>CSV</a> ·{' '}
        <a href={`/api/orgs/${orgId}/portal/permits/open-data.json`}>JSON</a> ({t('registry.blds')}) ·{' '}
        <Link to={`/${town.slug}/map`}>{t('nav.map')}</Link>
      </p>
      <Loadable query={registry}>
        {(data) => (
          <>
            <Table
              caption={title}
              captionHidden
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'number',
                  header: t('verify.number'),
                  rowHeader: true,
                  nowrap: true,
                  render: (r) => r.number,
                },
                { key: 'type', header: t('permits.type'), render: (r) => bi(r.type) },
                { key: 'address', header: t('permits.address'), render: (r) => r.address ?? '—' },
                {
                  key: 'issued',
                  header: t('verify.issuedOn'),
                  nowrap: true,
                  render: (r) => formatDate(r.issuedOn),
                },
                {
                  key: 'status',
                  header: t('permits.status'),
                  render: (r) => <StatusBadge status={r.status} label={t(`status.${r.status}`)} />,
                },
              ]}
            />
            <Pagination
              page={data.page}
              perPage={data.perPage}
              total={data.total}
              hrefFor={(p) => `?page=${p}`}
            />
          </>
        )}
      </Loadable>
    </Page>
  );
}
