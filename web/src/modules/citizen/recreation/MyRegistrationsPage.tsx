import './recreation.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../ui/Dialog.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { type MyRegistration, useBi, useMoney, useTown } from './shared.tsx';

/** The household's registrations in a town: pay what is held, answer offers, cancel. */
export function MyRegistrationsPage() {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const bi = useBi();
  const money = useMoney();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [message, setMessage] = useState('');
  const [cancelling, setCancelling] = useState<MyRegistration | null>(null);
  const orgId = town?.id ?? '';
  const query = useQuery({
    queryKey: ['citizen', 'mine', orgId],
    queryFn: () => call(api.GET('/api/citizen/me/registrations', { params: { query: { orgId } } })),
    enabled: !!orgId,
  });
  const act = useMutation({
    mutationFn: async ({
      r,
      action,
    }: {
      r: MyRegistration;
      action: 'accept' | 'decline' | 'cancel' | 'pay';
    }) => {
      const path = { orgId, registrationId: r.id };
      if (action === 'accept') {
        const done = await call(
          api.POST('/api/citizen/orgs/{orgId}/registrations/{registrationId}/accept-offer', {
            params: { path },
          }),
        );
        return done.orderId ? `/account/orders/${done.orderId}?orgId=${orgId}` : t('registrations.accepted');
      }
      if (action === 'decline') {
        await call(
          api.POST('/api/citizen/orgs/{orgId}/registrations/{registrationId}/decline-offer', {
            params: { path },
          }),
        );
        return t('registrations.declined');
      }
      if (action === 'pay') {
        const done = await call(
          api.POST('/api/citizen/orgs/{orgId}/registrations/pay-held', {
            params: { path: { orgId } },
            body: { registrationIds: [r.id] },
          }),
        );
        return `/account/orders/${done.orderId}?orgId=${orgId}`;
      }
      const done = await call(
        api.POST('/api/citizen/orgs/{orgId}/registrations/{registrationId}/cancel', { params: { path } }),
      );
      if (done.refundCents === 0) return t('registrations.cancelled');
      return t(done.refunded ? 'registrations.cancelledRefunded' : 'registrations.cancelledRefund', {
        amount: money(done.refundCents),
      });
    },
    onSuccess: async (outcome) => {
      setCancelling(null);
      await client.invalidateQueries({ queryKey: ['citizen'] });
      if (outcome.startsWith('/')) navigate(outcome);
      else setMessage(outcome);
    },
  });
  if (loading || !town) return <Loading />;
  const actions = (r: MyRegistration) => {
    const name = `${r.givenName} — ${bi(r.activity.title)}`;
    return (
      <span className="btn-row">
        {r.status === 'pending_payment' && r.orderId && (
          <Link to={`/account/orders/${r.orderId}?orgId=${orgId}`}>{t('registrations.pay')}</Link>
        )}
        {r.status === 'pending_payment' && !r.orderId && (
          <Button variant="secondary" onClick={() => act.mutate({ r, action: 'pay' })}>
            {t('registrations.pay')}
          </Button>
        )}
        {r.status === 'offered' && (
          <>
            <Button
              onClick={() => act.mutate({ r, action: 'accept' })}
              aria-label={t('registrations.acceptNamed', { name })}
            >
              {t('registrations.accept')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => act.mutate({ r, action: 'decline' })}
              aria-label={t('registrations.declineNamed', { name })}
            >
              {t('registrations.decline')}
            </Button>
          </>
        )}
        {['pending_payment', 'confirmed', 'waitlisted', 'offered'].includes(r.status) && (
          <Button
            variant="secondary"
            onClick={() => setCancelling(r)}
            aria-label={t('registrations.cancelNamed', { name })}
          >
            {t('registrations.cancel')}
          </Button>
        )}
      </span>
    );
  };
  return (
    <Page title={t('registrations.mineTitle')}>
      {message && <Alert tone="success">{message}</Alert>}
      {act.error && <Alert tone="error">{errorMessage(act.error, common)}</Alert>}
      <Loadable query={query}>
        {(rows) =>
          rows.length === 0 ? (
            <p>
              {t('registrations.none')}{' '}
              <Link to={`/${town.slug}/activities`}>{t('registrations.browse')}</Link>
            </p>
          ) : (
            <Table
              caption={t('registrations.mineCaption')}
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'who',
                  header: t('registrations.who'),
                  rowHeader: true,
                  render: (r) => `${r.givenName} ${r.familyName}`,
                },
                {
                  key: 'what',
                  header: t('registrations.what'),
                  render: (r) => `${bi(r.activity.title)} (${formatDate(r.activity.startsOn)})`,
                },
                {
                  key: 'status',
                  header: t('registrations.status'),
                  render: (r) => (
                    <>
                      {t(`registrations.statuses.${r.status}`)}
                      {r.status === 'waitlisted' &&
                        r.waitlistPosition !== null &&
                        ` (${t('registrations.position', { position: r.waitlistPosition })})`}
                      {r.status === 'offered' && r.offerExpiresAt && (
                        <>
                          <br />
                          {t('registrations.offerUntil', { time: formatDateTime(r.offerExpiresAt) })}
                        </>
                      )}
                      {r.status === 'pending_payment' && r.holdExpiresAt && (
                        <>
                          <br />
                          {t('registrations.holdUntil', { time: formatDateTime(r.holdExpiresAt) })}
                        </>
                      )}
                    </>
                  ),
                },
                {
                  key: 'amount',
                  header: t('registrations.amount'),
                  nowrap: true,
                  render: (r) => money(r.amountCents),
                },
                { key: 'actions', header: t('registrations.actions'), render: actions },
              ]}
            />
          )
        }
      </Loadable>
      {cancelling && (
        <ConfirmDialog
          open
          danger
          title={t('registrations.cancelTitle')}
          confirmLabel={t('registrations.cancel')}
          onConfirm={() => act.mutate({ r: cancelling, action: 'cancel' })}
          onCancel={() => setCancelling(null)}
          busy={act.isPending}
        >
          <p>
            {t('registrations.cancelText', {
              name: cancelling.givenName,
              title: bi(cancelling.activity.title),
            })}
          </p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
