import './orders.css';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { Table } from '../../../ui/Table.tsx';
import { formatMoney, formatRate, type Order } from './money.ts';

/** The order's state as a badge; paid orders read as done. */
export function OrderStatusBadge({ status }: { status: Order['status'] }) {
  const { t } = useTranslation();
  const tone =
    status === 'paid' ? ' badge--ok' : status === 'failed' || status === 'cancelled' ? ' badge--bad' : '';
  return <span className={`badge${tone}`}>{t(`orders.statuses.${status}`)}</span>;
}

/** "Test mode": shown wherever a sandbox or Stripe test payment appears, so nobody takes it for real money. */
export function TestModeBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--test">{t('orders.testMode')}</span>;
}

/** What an order holds: its lines with taxes, totals, payments, refunds and instalments. */
export function OrderSummary({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <>
      <dl className="summary-list">
        <dt>{t('orders.reference')}</dt>
        <dd>
          <strong>{order.reference}</strong> {order.testMode && <TestModeBadge />}
        </dd>
        <dt>{t('orders.status')}</dt>
        <dd>
          <OrderStatusBadge status={order.status} />
        </dd>
        <dt>{t('orders.createdAt')}</dt>
        <dd>{formatDateTime(order.createdAt)}</dd>
        {order.customerName && (
          <>
            <dt>{t('orders.customer')}</dt>
            <dd>{order.customerName}</dd>
          </>
        )}
      </dl>
      <Table
        caption={t('orders.linesCaption')}
        rows={order.lines}
        rowKey={(line) => line.id}
        columns={[
          {
            key: 'description',
            header: t('orders.description'),
            rowHeader: true,
            render: (line) => line.description[lang],
          },
          { key: 'quantity', header: t('orders.quantity'), render: (line) => line.quantity },
          {
            key: 'unit',
            header: t('orders.unitPrice'),
            nowrap: true,
            render: (line) => formatMoney(line.unitPriceCents),
          },
          {
            key: 'taxes',
            header: t('orders.taxes'),
            nowrap: true,
            render: (line) =>
              line.gstCents + line.qstCents > 0
                ? formatMoney(line.gstCents + line.qstCents)
                : t('orders.taxExempt'),
          },
          {
            key: 'total',
            header: t('orders.total'),
            nowrap: true,
            render: (line) => formatMoney(line.totalCents),
          },
        ]}
      />
      <dl className="summary-list order-totals">
        <dt>{t('orders.subtotal')}</dt>
        <dd>{formatMoney(order.subtotalCents)}</dd>
        <dt>{t('orders.gst', { rate: formatRate(order.gstRate) })}</dt>
        <dd>{formatMoney(order.gstCents)}</dd>
        <dt>{t('orders.qst', { rate: formatRate(order.qstRate) })}</dt>
        <dd>{formatMoney(order.qstCents)}</dd>
        <dt>{t('orders.total')}</dt>
        <dd>
          <strong>{formatMoney(order.totalCents)}</strong>
        </dd>
        <dt>{t('orders.paid')}</dt>
        <dd>{formatMoney(order.paidCents)}</dd>
        {order.refundedCents > 0 && (
          <>
            <dt>{t('orders.refunded')}</dt>
            <dd>{formatMoney(order.refundedCents)}</dd>
          </>
        )}
        <dt>{t('orders.balance')}</dt>
        <dd>
          <strong>{formatMoney(order.balanceCents)}</strong>
        </dd>
      </dl>
      {order.instalments.length > 0 && (
        <Table
          caption={t('orders.instalmentsCaption')}
          rows={order.instalments}
          rowKey={(i) => String(i.number)}
          columns={[
            {
              key: 'number',
              header: t('orders.instalment'),
              rowHeader: true,
              render: (i) => t('orders.instalmentNumber', { number: i.number }),
            },
            {
              key: 'amount',
              header: t('orders.amount'),
              nowrap: true,
              render: (i) => formatMoney(i.amountCents),
            },
            { key: 'due', header: t('orders.dueAt'), nowrap: true, render: (i) => formatDateTime(i.dueAt) },
            {
              key: 'status',
              header: t('orders.status'),
              render: (i) => t(`orders.instalmentStatuses.${i.status}`),
            },
          ]}
        />
      )}
      {order.payments.length > 0 && (
        <Table
          caption={t('orders.paymentsCaption')}
          rows={order.payments}
          rowKey={(p) => p.id}
          columns={[
            {
              key: 'date',
              header: t('orders.date'),
              rowHeader: true,
              nowrap: true,
              render: (p) => formatDateTime(p.settledAt ?? p.createdAt),
            },
            {
              key: 'how',
              header: t('orders.method'),
              render: (p) => (
                <>
                  {t(`orders.providers.${p.provider}`)} · {t(`orders.methods.${p.method}`)}
                  {p.cardLast4 && ` •••• ${p.cardLast4}`} {p.testMode && <TestModeBadge />}
                </>
              ),
            },
            {
              key: 'amount',
              header: t('orders.amount'),
              nowrap: true,
              render: (p) => formatMoney(p.amountCents),
            },
            {
              key: 'status',
              header: t('orders.status'),
              render: (p) =>
                p.failureCode
                  ? `${t(`orders.paymentStatuses.${p.status}`)} — ${failureText(t, p.failureCode)}`
                  : t(`orders.paymentStatuses.${p.status}`),
            },
          ]}
        />
      )}
      {order.refunds.length > 0 && (
        <Table
          caption={t('orders.refundsCaption')}
          rows={order.refunds}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'date',
              header: t('orders.date'),
              rowHeader: true,
              nowrap: true,
              render: (r) => formatDateTime(r.settledAt ?? r.createdAt),
            },
            {
              key: 'amount',
              header: t('orders.amount'),
              nowrap: true,
              render: (r) => formatMoney(r.amountCents),
            },
            { key: 'reason', header: t('orders.reason'), render: (r) => r.reason },
            {
              key: 'status',
              header: t('orders.status'),
              render: (r) => t(`orders.paymentStatuses.${r.status}`),
            },
          ]}
        />
      )}
    </>
  );
}

const FAILURES = ['card_declined', 'insufficient_funds', 'expired_card'] as const;

/** Why a card payment failed, in the person's words. */
export function failureText(t: TFunction, code: string): string {
  return (FAILURES as readonly string[]).includes(code)
    ? t(`orders.failures.${code as (typeof FAILURES)[number]}`)
    : t('orders.failures.other', { code });
}
