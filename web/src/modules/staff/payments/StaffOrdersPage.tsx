import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { formatMoney, type OrderStatus } from '../../account/orders/money.ts';
import { OrderStatusBadge, TestModeBadge } from '../../account/orders/OrderSummary.tsx';
import { useStaff } from '../context.ts';

const PER_PAGE = 25;
const STATUSES = [
  'pending',
  'partially_paid',
  'paid',
  'failed',
  'cancelled',
  'partially_refunded',
  'refunded',
] as const satisfies readonly OrderStatus[];
const PROVIDERS = ['sandbox', 'stripe', 'offline'] as const;
const FILTERS = ['q', 'status', 'provider', 'module', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
}

function active(filters: Filters): Partial<Filters> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '')) as Partial<Filters>;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** The organisation's orders for the staff who serve them (treasury sees all), filtered and paged. */
export function StaffOrdersPage() {
  const { t, i18n } = useTranslation();
  const { org, base } = useStaff();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const applied = active(filtersOf(params));
  const [draft, setDraft] = useState<Filters>(() => filtersOf(params));
  const lang = i18n.language === 'en' ? 'en' : 'fr';

  const query = useQuery({
    queryKey: ['staff-orders', org.id, page, applied],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/orders', {
          params: {
            path: { orgId: org.id },
            query: {
              page,
              perPage: PER_PAGE,
              q: applied.q,
              module: applied.module,
              from: applied.from,
              to: applied.to,
              status: oneOf(STATUSES, applied.status),
              provider: oneOf(PROVIDERS, applied.provider),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const labels: Record<Filter, string> = {
    q: t('staffOrders.search'),
    status: t('orders.status'),
    provider: t('staffOrders.provider'),
    module: t('staffOrders.module'),
    from: t('audit.from'),
    to: t('audit.to'),
  };
  const field = (name: Filter) => ({
    id: `orders-${name}`,
    label: labels[name],
    value: draft[name],
    error: fieldError(query.error, name),
    onChange: (event: { target: { value: string } }) =>
      setDraft((old) => ({ ...old, [name]: event.target.value })),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(active({ ...draft, q: draft.q.trim(), module: draft.module.trim() })));
  };
  const clear = () => {
    setDraft(filtersOf(new URLSearchParams()));
    setParams(new URLSearchParams());
  };
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `${base}/orders?${next.toString()}`;
  };

  return (
    <Page title={t('staff.orders')}>
      <p>{t('staffOrders.intro')}</p>
      <form className="filters-form" onSubmit={apply} aria-label={t('staffOrders.filters')} noValidate>
        <ErrorSummary
          error={query.error}
          fields={Object.fromEntries(FILTERS.map((f) => [f, { id: `orders-${f}`, label: labels[f] }]))}
        />
        <div className="filters">
          <TextField {...field('q')} hint={t('staffOrders.searchHint')} type="search" spellCheck={false} />
          <SelectField {...field('status')}>
            <option value="">{t('staffOrders.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`orders.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField {...field('provider')}>
            <option value="">{t('staffOrders.any')}</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {t(`orders.providers.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField {...field('module')} hint={t('staffOrders.moduleHint')} spellCheck={false} />
          <TextField {...field('from')} type="date" />
          <TextField {...field('to')} type="date" />
        </div>
        <div className="btn-row">
          <Button type="submit" variant="secondary">
            {t('audit.filter')}
          </Button>
          {Object.keys(applied).length > 0 && (
            <Button variant="link" className="link-target" onClick={clear}>
              {t('audit.clear')}
            </Button>
          )}
        </div>
      </form>
      {query.isPending && <Loading />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <p>{Object.keys(applied).length ? t('staffOrders.noneFiltered') : t('staffOrders.none')}</p>
        ) : (
          <>
            <Table
              caption={t('staffOrders.caption', { page: query.data.page, total: query.data.total })}
              rows={query.data.items}
              rowKey={(o) => o.id}
              columns={[
                {
                  key: 'reference',
                  header: t('orders.reference'),
                  rowHeader: true,
                  nowrap: true,
                  render: (o) => <Link to={`${base}/orders/${o.id}`}>{o.reference}</Link>,
                },
                {
                  key: 'date',
                  header: t('orders.createdAt'),
                  nowrap: true,
                  render: (o) => formatDateTime(o.createdAt),
                },
                { key: 'customer', header: t('orders.customer'), render: (o) => o.customerName ?? '—' },
                {
                  key: 'what',
                  header: t('orders.description'),
                  render: (o) => o.lines.map((l) => l.description[lang]).join(', '),
                },
                {
                  key: 'total',
                  header: t('orders.total'),
                  nowrap: true,
                  render: (o) => formatMoney(o.totalCents),
                },
                {
                  key: 'balance',
                  header: t('orders.balance'),
                  nowrap: true,
                  render: (o) => formatMoney(o.balanceCents),
                },
                {
                  key: 'status',
                  header: t('orders.status'),
                  render: (o) => (
                    <>
                      <OrderStatusBadge status={o.status} /> {o.testMode && <TestModeBadge />}
                    </>
                  ),
                },
              ]}
            />
            <Pagination
              page={query.data.page}
              perPage={query.data.perPage}
              total={query.data.total}
              hrefFor={hrefFor}
            />
          </>
        ))}
    </Page>
  );
}
