import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { orgName, useOrgs } from '../../../app/org.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatMoney, isPayable } from './money.ts';
import { OrderStatusBadge, TestModeBadge } from './OrderSummary.tsx';

const PER_PAGE = 20;

/** The person's orders with every organisation: what is owed, paid or refunded. */
export function MyOrdersPage() {
  const { t, i18n } = useTranslation();
  const { orgs } = useOrgs();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['me', 'orders', page],
    queryFn: () => call(api.GET('/api/me/orders', { params: { query: { page, perPage: PER_PAGE } } })),
    placeholderData: keepPreviousData,
  });
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Page title={t('account.orders')}>
      <p>{t('orders.intro')}</p>
      <Loadable query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <p>{t('orders.none')}</p>
          ) : (
            <>
              <Table
                caption={t('orders.caption', { total: result.total })}
                rows={result.items}
                rowKey={(o) => o.id}
                columns={[
                  {
                    key: 'reference',
                    header: t('orders.reference'),
                    rowHeader: true,
                    nowrap: true,
                    render: (o) => <Link to={`/account/orders/${o.id}`}>{o.reference}</Link>,
                  },
                  {
                    key: 'what',
                    header: t('orders.description'),
                    render: (o) => (
                      <>
                        {o.lines.map((l) => l.description[lang]).join(', ')}
                        <br />
                        <span className="muted">
                          {(() => {
                            const org = orgs.find((x) => x.id === o.orgId);
                            return org ? orgName(org, lang) : '';
                          })()}
                        </span>
                      </>
                    ),
                  },
                  {
                    key: 'date',
                    header: t('orders.createdAt'),
                    nowrap: true,
                    render: (o) => formatDateTime(o.createdAt),
                  },
                  {
                    key: 'total',
                    header: t('orders.total'),
                    nowrap: true,
                    render: (o) => formatMoney(o.totalCents),
                  },
                  {
                    key: 'status',
                    header: t('orders.status'),
                    render: (o) => (
                      <>
                        <OrderStatusBadge status={o.status} /> {o.testMode && <TestModeBadge />}
                        {isPayable(o) && (
                          <>
                            <br />
                            <Link to={`/account/orders/${o.id}`}>
                              {t('orders.payNamed', { reference: o.reference })}
                            </Link>
                          </>
                        )}
                      </>
                    ),
                  },
                ]}
              />
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={(p) => `/account/orders?page=${p}`}
              />
            </>
          )
        }
      </Loadable>
    </Page>
  );
}
