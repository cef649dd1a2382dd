import './transit.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ApiData, ApiError, api, call } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { useFareHoldings } from './FareChoice.tsx';
import { useMoney, useTown } from './shared.ts';

type Product = ApiData<'/api/orgs/{orgId}/transit/fares/products', 'get'>['items'][number];
type Holding = ApiData<'/api/orgs/{orgId}/transit/fares/mine', 'get'>['items'][number];

/** "Mes titres / My fares": the fare products to buy and the rider's booklets, passes and membership. */
export function FaresPage() {
  const { t, i18n } = useTranslation('transit');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const session = useSession();
  const navigate = useNavigate();
  const money = useMoney();
  const orgId = town?.id ?? '';
  const en = i18n.language === 'en';
  const products = useQuery({
    queryKey: ['transit', orgId, 'fares', 'products'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/transit/fares/products', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const holdings = useFareHoldings(orgId, session.signedIn);
  const buy = useMutation({
    mutationFn: (productId: string) =>
      call(
        api.POST('/api/orgs/{orgId}/transit/fares/purchase', {
          params: { path: { orgId } },
          body: { productId },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    // Paying goes through the platform's order page, as a trip fare does.
    onSuccess: (holding) => {
      if (holding.order && holding.order.status !== 'paid') navigate(`/account/orders/${holding.order.id}`);
      else void holdings.refetch();
    },
  });
  if (loading || products.isLoading) return <Loading />;
  if (!town || products.error)
    return (
      <Page title={t('fares.title')}>
        <Alert tone="info">{t('notOffered')}</Alert>
      </Page>
    );
  const name = (p: { nameFr: string; nameEn: string }) => (en ? p.nameEn : p.nameFr);
  const date = (d: string | null) => d ?? '—';
  const productColumns: Column<Product>[] = [
    { key: 'name', header: t('fares.product'), render: (p) => name(p), rowHeader: true },
    { key: 'price', header: t('fares.price'), nowrap: true, render: (p) => money(p.priceCents) },
    {
      key: 'what',
      header: t('fares.gives'),
      render: (p) =>
        [
          p.kind === 'booklet' && p.rides ? t('fares.rides', { count: p.rides }) : '',
          p.kind === 'monthly_pass' || p.kind === 'membership'
            ? t('fares.days', { count: p.validityDays ?? 0 })
            : '',
          p.kind === 'single' ? t('fares.paidAtBooking') : '',
          p.kind === 'membership' ? t('fares.memberGives') : '',
          p.reduced ? t('fares.reduced') : '',
        ]
          .filter(Boolean)
          .join(' · '),
    },
    {
      key: 'buy',
      header: t('fares.actions'),
      render: (p) =>
        p.kind !== 'single' && session.signedIn ? (
          <Button
            variant="secondary"
            busy={buy.isPending && buy.variables === p.id}
            onClick={() => buy.mutate(p.id)}
            aria-label={t('fares.buyNamed', { name: name(p) })}
          >
            {t('fares.buy')}
          </Button>
        ) : null,
    },
  ];
  const holdingColumns: Column<Holding>[] = [
    { key: 'name', header: t('fares.product'), render: (h) => name(h.product), rowHeader: true },
    { key: 'status', header: t('fares.status'), render: (h) => t(`fares.statuses.${h.status}`) },
    {
      key: 'left',
      header: t('fares.left'),
      nowrap: true,
      render: (h) =>
        h.kind === 'booklet'
          ? t('fares.ridesLeft', { left: h.ridesLeft ?? 0, total: h.ridesTotal ?? 0 })
          : t('fares.validUntil', { from: date(h.validFrom), until: date(h.validUntil) }),
    },
    {
      key: 'order',
      header: t('fares.order'),
      render: (h) =>
        h.order ? (
          <Link to={`/account/orders/${h.order.id}`}>
            {h.status === 'pending' ? t('fares.pay', { reference: h.order.reference }) : h.order.reference}
          </Link>
        ) : null,
    },
  ];
  return (
    <Page title={t('fares.title')}>
      <p className="lead">{t('fares.lead')}</p>
      <p>
        <Link to={`/${orgSlug}/transit`}>{t('fares.backToBooking')}</Link>
      </p>
      <h2>{t('fares.productsHeading')}</h2>
      <Table
        caption={t('fares.productsHeading')}
        captionHidden
        columns={productColumns}
        rows={products.data?.items ?? []}
        rowKey={(p) => p.id}
      />
      <div aria-live="polite">
        {buy.error instanceof ApiError && <Alert tone="error">{buy.error.message}</Alert>}
      </div>
      {!session.signedIn && (
        <Alert tone="info">
          <Link to={`/sign-in?next=/${orgSlug}/transit/fares`}>{t('fares.signIn')}</Link>
        </Alert>
      )}
      {session.signedIn && (
        <section aria-labelledby="fares-mine-h">
          <h2 id="fares-mine-h">{t('fares.mineHeading')}</h2>
          <div aria-live="polite">
            {holdings.data && holdings.data.items.length === 0 && <p>{t('fares.none')}</p>}
          </div>
          {holdings.data && holdings.data.items.length > 0 && (
            <Table
              caption={t('fares.mineHeading')}
              captionHidden
              columns={holdingColumns}
              rows={holdings.data.items}
              rowKey={(h) => h.id}
            />
          )}
        </section>
      )}
    </Page>
  );
}
