import './callback.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { NeedView } from './NeedPage.tsx';
import { StatusBadge, useTown } from './shared.tsx';

/** A union representative's read-only view of the town's rounds (the API refuses anyone else). */
export function UnionNeedsPage() {
  const { t } = useTranslation('callback');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const orgId = town?.id ?? '';
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const needs = useQuery({
    queryKey: ['callback', orgId, 'union-needs', page],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/callback/needs', {
          params: { path: { orgId }, query: { page, perPage: 50 } },
        }),
      ),
    enabled: !!orgId,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={`${t('title')} — ${t('rules.unionReps')}`}>
      <p>{t('rules.unionIntro')}</p>
      <Loadable query={needs}>
        {(data) => (
          <>
            <Table
              caption={t('board.recent')}
              rows={data.items}
              rowKey={(n) => n.id}
              columns={[
                {
                  key: 'ref',
                  header: t('need.reference'),
                  rowHeader: true,
                  nowrap: true,
                  render: (n) => <Link to={`/${orgSlug}/callback/union/needs/${n.id}`}>{n.reference}</Link>,
                },
                { key: 'class', header: t('need.jobClass'), render: (n) => n.jobClass },
                {
                  key: 'start',
                  header: t('need.start'),
                  nowrap: true,
                  render: (n) => formatDateTime(n.startsAt),
                },
                {
                  key: 'status',
                  header: t('need.status'),
                  render: (n) => (
                    <>
                      <StatusBadge status={n.status} /> {n.filledByName ?? ''}
                    </>
                  ),
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

/** One round and its grievance log, read by a union representative. */
export function UnionNeedPage() {
  const { orgSlug, needId = '' } = useParams();
  const { town, loading } = useTown(orgSlug);
  if (loading || !town) return <Loading />;
  return <NeedView orgId={town.id} needId={needId} backHref={`/${orgSlug}/callback/union`} />;
}
