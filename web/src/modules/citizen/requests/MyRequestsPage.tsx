import './requests.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { StatusBadge, useBilingual, useTownFromPath } from './shared.tsx';

const PER_PAGE = 25;

/** The requests a signed-in person reported or follows in a town, latest activity first. */
export function MyRequestsPage() {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const { orgSlug } = useParams();
  const { town, loading } = useTownFromPath(orgSlug);
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orgId = town?.id ?? '';
  const query = useQuery({
    queryKey: ['requests', orgId, 'mine', page],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/requests/mine', {
          params: { path: { orgId }, query: { page, perPage: PER_PAGE } },
        }),
      ),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={t('requests.mine.title')}>
      <p>
        <Link to={`/${town.slug}/requests/new`}>{t('requests.home.report')}</Link>
      </p>
      <Loadable query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('requests.mine.none')}</p>
          ) : (
            <>
              <Table
                caption={t('requests.mine.caption')}
                rows={data.items}
                rowKey={(r) => r.id}
                columns={[
                  {
                    key: 'reference',
                    header: t('requests.page.reference'),
                    rowHeader: true,
                    nowrap: true,
                    render: (r) => <Link to={`/${town.slug}/requests/${r.id}`}>{r.reference}</Link>,
                  },
                  { key: 'category', header: t('requests.page.category'), render: (r) => bi(r.category) },
                  {
                    key: 'status',
                    header: t('requests.page.status'),
                    render: (r) => <StatusBadge phase={r.status.phase} label={bi(r.status.label)} />,
                  },
                  {
                    key: 'role',
                    header: t('requests.mine.role'),
                    render: (r) =>
                      r.role === 'reporter' ? t('requests.mine.reporter') : t('requests.mine.follower'),
                  },
                  {
                    key: 'updated',
                    header: t('requests.mine.updated'),
                    nowrap: true,
                    render: (r) => formatDateTime(r.updatedAt),
                  },
                ]}
              />
              <Pagination
                page={data.page}
                perPage={data.perPage}
                total={data.total}
                hrefFor={(p) => `/${town.slug}/requests/mine?page=${p}`}
              />
            </>
          )
        }
      </Loadable>
    </Page>
  );
}
