import './portal.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { orgName } from '../../app/org.tsx';
import { useSession } from '../../app/session.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable, Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { type PermitType, StatusBadge, useBilingual, useMoney, useTown } from './shared.tsx';

/** How a fee is computed, in words. */
export function useFeeText(): (type: PermitType) => string {
  const { t } = useTranslation('portal');
  const money = useMoney();
  return (type) => {
    const rule = type.feeRule;
    const bounds =
      'minCents' in rule || 'maxCents' in rule
        ? { min: money(rule.minCents ?? 0), max: rule.maxCents ? money(rule.maxCents) : '—' }
        : null;
    switch (rule.kind) {
      case 'none':
        return t('permits.fee.none');
      case 'fixed':
        return t('permits.fee.fixed', { amount: money(rule.cents) });
      case 'per_area':
        return t('permits.fee.perArea', {
          amount: money(rule.centsPerSquareMetre),
          ...(bounds ?? { min: '—', max: '—' }),
        });
      case 'per_thousand':
        return t('permits.fee.perThousand', {
          amount: money(rule.centsPerThousand),
          ...(bounds ?? { min: '—', max: '—' }),
        });
    }
  };
}

/** Permits and declarations of works: what can be asked for, one's own files, the public registry. */
export function PermitsPage() {
  const { t, i18n } = useTranslation('portal');
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const { signedIn } = useSession();
  const bi = useBilingual();
  const feeText = useFeeText();
  const orgId = town?.id ?? '';
  const types = useQuery({
    queryKey: ['portal', orgId, 'permit-types'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/portal/permits/types', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const mine = useQuery({
    queryKey: ['portal', orgId, 'my-permits'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/applications', {
          params: { path: { orgId }, query: { perPage: 50 } },
        }),
      ),
    enabled: !!orgId && signedIn,
  });
  if (loading || !town) return <Loading />;
  const title = t('permits.title');
  return (
    <Page title={title} heading={`${title} — ${orgName(town, i18n.language)}`}>
      <p className="lead">{t('permits.lead')}</p>
      <p>
        <Link to={`/${town.slug}/permits/registry`}>{t('nav.registry')}</Link> ·{' '}
        <Link to={`/${town.slug}/map`}>{t('nav.map')}</Link> ·{' '}
        <Link to={`/${town.slug}/roll`}>{t('nav.roll')}</Link>
      </p>
      {signedIn && (
        <section aria-labelledby="my-files">
          <h2 id="my-files">{t('permits.mine')}</h2>
          <Loadable query={mine}>
            {(data) =>
              data.items.length === 0 ? (
                <p>{t('permits.noneYet')}</p>
              ) : (
                <Table
                  caption={t('permits.mine')}
                  captionHidden
                  rows={data.items}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      key: 'ref',
                      header: t('permits.reference'),
                      rowHeader: true,
                      render: (r) => (
                        <Link to={`/${town.slug}/permits/applications/${r.id}`}>{r.reference}</Link>
                      ),
                    },
                    { key: 'type', header: t('permits.type'), render: (r) => bi(r.type) },
                    { key: 'address', header: t('permits.address'), render: (r) => r.address ?? '—' },
                    {
                      key: 'status',
                      header: t('permits.status'),
                      render: (r) => <StatusBadge status={r.status} label={t(`status.${r.status}`)} />,
                    },
                    {
                      key: 'created',
                      header: t('permits.created'),
                      nowrap: true,
                      render: (r) => formatDateTime(r.createdAt),
                    },
                  ]}
                />
              )
            }
          </Loadable>
        </section>
      )}
      <h2>{t('permits.types')}</h2>
      <Loadable query={types}>
        {(data) => (
          <ul className="card-grid">
            {data.items.map((type) => (
              <li key={type.code}>
                <div className="card">
                  <h3>{bi(type.name)}</h3>
                  <p>{bi(type.description)}</p>
                  <p className="muted">
                    {feeText(type)}
                    {type.kind === 'permit'
                      ? ` · ${t('permits.legalDelay', { days: type.legalDelayDays })}`
                      : ` · ${t('permits.declarationNote')}`}
                  </p>
                  <Link className="btn btn--secondary" to={`/${town.slug}/permits/apply/${type.code}`}>
                    {type.kind === 'permit' ? t('permits.apply') : t('permits.declare')}
                    <span className="visually-hidden"> — {bi(type.name)}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </Page>
  );
}
