import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../ui/Dialog.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import {
  canSplit,
  formatMoney,
  idempotencyKey,
  isPayable,
  type Order,
  parseMoney,
  splitInstalments,
} from '../../account/orders/money.ts';
import { OrderSummary } from '../../account/orders/OrderSummary.tsx';
import { useStaff } from '../context.ts';

type Done = (order: Order, message: string) => void;

function fieldProblem(field: string, message: string): ApiError {
  return new ApiError(400, 'validation', message, { fields: [{ field, rule: 'format', message }] });
}

/** What can still be refunded: paid, less refunds done or under way. */
function refundable(order: Order): number {
  const refunds = order.refunds
    .filter((r) => r.status !== 'failed')
    .reduce((sum, r) => sum + r.amountCents, 0);
  return Math.max(0, order.paidCents - refunds);
}

/** Recording a payment received at the counter (cash, cheque, debit), after a confirmation. */
function MarkPaid({ order, onDone }: { order: Order; onDone: Done }) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const [confirming, setConfirming] = useState(false);
  const key = useRef(idempotencyKey());
  const form = useForm('mark-paid', { method: 'cash', note: '', plan: '1' });
  const split = canSplit(order);
  const nextDue = order.instalments.find((i) => i.status === 'due');
  const amount =
    split && form.values.plan === '2'
      ? splitInstalments(order.totalCents)[0]
      : (nextDue?.amountCents ?? order.balanceCents);
  const submit = form.handleSubmit(async ({ method, note, plan }) => {
    const updated = await call(
      api.POST('/api/orgs/{orgId}/orders/{id}/mark-paid', {
        params: { path: { orgId: org.id, id: order.id } },
        headers: { 'Idempotency-Key': key.current },
        body: {
          method: method === 'cheque' ? 'cheque' : method === 'debit' ? 'debit' : 'cash',
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(split ? { instalments: plan === '2' ? 2 : 1 } : {}),
        },
      }),
    );
    key.current = idempotencyKey();
    onDone(updated, t('staffOrders.markedPaid', { amount: formatMoney(amount), reference: order.reference }));
  });
  return (
    <section className="staff-form-section" aria-labelledby="mark-paid-title">
      <h2 id="mark-paid-title">{t('staffOrders.markPaidTitle')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setConfirming(true);
        }}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <SelectField {...form.field('method', t('orders.method'))}>
          <option value="cash">{t('orders.methods.cash')}</option>
          <option value="cheque">{t('orders.methods.cheque')}</option>
          <option value="debit">{t('orders.methods.debit')}</option>
        </SelectField>
        {split && (
          <SelectField {...form.field('plan', t('staffOrders.plan'))}>
            <option value="1">{t('pay.planFull', { amount: formatMoney(order.balanceCents) })}</option>
            <option value="2">
              {t('staffOrders.planFirst', { amount: formatMoney(splitInstalments(order.totalCents)[0]) })}
            </option>
          </SelectField>
        )}
        <TextField {...form.field('note', t('staffOrders.note'))} optional hint={t('staffOrders.noteHint')} />
        <Button type="submit" busy={form.pending}>
          {t('staffOrders.markPaid', { amount: formatMoney(amount) })}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('staffOrders.markPaidConfirmTitle')}
        confirmLabel={t('staffOrders.markPaidConfirm')}
        busy={form.pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void submit();
        }}
      >
        <p>
          {t('staffOrders.markPaidConfirmText', {
            amount: formatMoney(amount),
            method: t(
              `orders.methods.${form.values.method === 'cheque' ? 'cheque' : form.values.method === 'debit' ? 'debit' : 'cash'}`,
            ),
            reference: order.reference,
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** A full or partial refund with its reason, after a confirmation. */
function Refund({ order, onDone }: { order: Order; onDone: Done }) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const max = refundable(order);
  const [confirming, setConfirming] = useState<number | null>(null);
  const key = useRef(idempotencyKey());
  const form = useForm(
    'refund',
    { amount: (max / 100).toFixed(2).replace('.', t('staffOrders.decimalSeparator')), reason: '' },
    { 'payment.amount_invalid': 'amount' },
  );
  const check = () => {
    const cents = parseMoney(form.values.amount);
    if (cents === null || cents <= 0) {
      form.setError(fieldProblem('amount', t('staffOrders.amountInvalid')));
      return;
    }
    if (cents > max) {
      form.setError(fieldProblem('amount', t('staffOrders.amountTooHigh', { max: formatMoney(max) })));
      return;
    }
    if (form.values.reason.trim().length < 2) {
      form.setError(fieldProblem('reason', t('staffOrders.reasonRequired')));
      return;
    }
    form.setError(null);
    setConfirming(cents);
  };
  const submit = (cents: number) =>
    form.handleSubmit(async ({ reason }) => {
      const updated = await call(
        api.POST('/api/orgs/{orgId}/orders/{id}/refunds', {
          params: { path: { orgId: org.id, id: order.id } },
          headers: { 'Idempotency-Key': key.current },
          body: { amountCents: cents, reason: reason.trim() },
        }),
      );
      key.current = idempotencyKey();
      onDone(updated, t('staffOrders.refunded', { amount: formatMoney(cents), reference: order.reference }));
    })();
  return (
    <section className="staff-form-section" aria-labelledby="refund-title">
      <h2 id="refund-title">{t('staffOrders.refundTitle')}</h2>
      <p>{t('staffOrders.refundable', { amount: formatMoney(max) })}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          check();
        }}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField
          {...form.field('amount', t('staffOrders.amount'))}
          inputMode="decimal"
          inputSize="short"
          hint={t('staffOrders.amountHint')}
        />
        <TextAreaField
          {...form.field('reason', t('staffOrders.reason'))}
          hint={t('staffOrders.reasonHint')}
        />
        <Button type="submit" variant="danger" busy={form.pending}>
          {t('staffOrders.refund')}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        title={t('staffOrders.refundConfirmTitle')}
        confirmLabel={t('staffOrders.refund')}
        danger
        busy={form.pending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const cents = confirming;
          setConfirming(null);
          if (cents !== null) void submit(cents);
        }}
      >
        <p>
          {confirming !== null &&
            t('staffOrders.refundConfirmText', {
              amount: formatMoney(confirming),
              reference: order.reference,
            })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** Cancelling an order nothing was paid on, with a reason, after a confirmation. */
function Cancel({ order, onDone }: { order: Order; onDone: Done }) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const [confirming, setConfirming] = useState(false);
  const form = useForm('cancel', { reason: '' });
  const submit = form.handleSubmit(async ({ reason }) => {
    const updated = await call(
      api.POST('/api/orgs/{orgId}/orders/{id}/cancel', {
        params: { path: { orgId: org.id, id: order.id } },
        body: { reason: reason.trim() },
      }),
    );
    onDone(updated, t('staffOrders.cancelled', { reference: order.reference }));
  });
  return (
    <section className="staff-form-section" aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('staffOrders.cancelTitle')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (form.values.reason.trim().length < 2) {
            form.setError(fieldProblem('reason', t('staffOrders.reasonRequired')));
            return;
          }
          form.setError(null);
          setConfirming(true);
        }}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextAreaField {...form.field('reason', t('staffOrders.reason'))} />
        <Button type="submit" variant="secondary" busy={form.pending}>
          {t('staffOrders.cancel')}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('staffOrders.cancelConfirmTitle', { reference: order.reference })}
        confirmLabel={t('staffOrders.cancel')}
        danger
        busy={form.pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void submit();
        }}
      >
        <p>{t('staffOrders.cancelConfirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** One order for staff: its detail, the receipt, and counter payment, refund or cancellation. */
export function StaffOrderPage() {
  const { t, i18n } = useTranslation();
  const { org, base } = useStaff();
  const { orderId = '' } = useParams();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const key = ['staff-order', org.id, orderId];
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/orders/{id}', { params: { path: { orgId: org.id, id: orderId } } })),
  });
  const done: Done = (order, text) => {
    client.setQueryData(key, order);
    void client.invalidateQueries({ queryKey: ['staff-orders', org.id] });
    setMessage(text);
  };
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Page
      title={query.data ? t('orders.orderTitle', { reference: query.data.reference }) : t('orders.order')}
    >
      <p>
        <Link to={`${base}/orders`}>{t('staffOrders.back')}</Link>
      </p>
      <div aria-live="polite">{message && <Alert tone="success">{message}</Alert>}</div>
      <Loadable query={query}>
        {(order) => (
          <>
            <OrderSummary order={order} />
            {order.paidCents > 0 && (
              <p>
                <a href={`/api/orgs/${org.id}/orders/${order.id}/receipt.pdf?lang=${lang}`} download>
                  {t('orders.receipt', { reference: order.reference })}
                </a>
              </p>
            )}
            {isPayable(order) && <MarkPaid key={`pay-${order.updatedAt}`} order={order} onDone={done} />}
            {refundable(order) > 0 && (
              <Refund key={`refund-${order.updatedAt}`} order={order} onDone={done} />
            )}
            {order.paidCents === 0 && (order.status === 'pending' || order.status === 'failed') && (
              <Cancel order={order} onDone={done} />
            )}
          </>
        )}
      </Loadable>
    </Page>
  );
}
