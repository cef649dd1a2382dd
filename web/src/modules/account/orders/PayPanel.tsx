import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { canSplit, formatMoney, idempotencyKey, type Order, splitInstalments } from './money.ts';
import { failureText } from './OrderSummary.tsx';

function groupDigits(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Paying an order online with the sandbox (test mode, test cards only), in full or in two instalments. */
export function PayPanel({ order, onPaid }: { order: Order; onPaid: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [declined, setDeclined] = useState('');
  const [plan, setPlan] = useState<'1' | '2'>('1');
  // One key per attempt: a double click or a retried request is answered once.
  const attempt = useRef(idempotencyKey());
  const options = useQuery({
    queryKey: ['payments', 'options', order.orgId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/payments/options', { params: { path: { orgId: order.orgId } } })),
  });
  const form = useForm(
    'pay',
    { card: '' },
    { 'payment.sandbox_test_cards_only': 'card', 'payment.card_required': 'card' },
  );
  const split = canSplit(order);
  const [first, second] = splitInstalments(order.totalCents);
  const nextDue = order.instalments.find((i) => i.status === 'due');
  const amountNow = split && plan === '2' ? first : (nextDue?.amountCents ?? order.balanceCents);

  const pay = form.handleSubmit(async ({ card }) => {
    setDeclined('');
    const result = await call(
      api.POST('/api/me/orders/{id}/pay', {
        params: { path: { id: order.id }, query: { orgId: order.orgId } },
        headers: { 'Idempotency-Key': attempt.current },
        body: {
          provider: 'sandbox',
          card: { number: card.replace(/[\s-]/g, '') },
          ...(split ? { instalments: plan === '2' ? 2 : 1 } : {}),
        },
      }),
    );
    attempt.current = idempotencyKey();
    client.setQueryData(['me', 'order', order.id], result.order);
    await client.invalidateQueries({ queryKey: ['me', 'orders'] });
    if (result.outcome === 'succeeded') {
      form.setValues({ card: '' });
      onPaid(t('pay.succeeded', { amount: formatMoney(result.payment.amountCents) }));
    } else {
      setDeclined(t('pay.failed', { reason: failureText(t, result.payment.failureCode ?? '') }));
    }
  });

  return (
    <section className="pay-panel" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('pay.title')}</h2>
      {declined && <Alert tone="error">{declined}</Alert>}
      <Loadable query={options}>
        {({ providers, testCards }) => {
          const sandbox = providers.find((p) => p.provider === 'sandbox');
          if (!sandbox)
            return (
              <Alert tone="info" title={t('pay.noOnlineTitle')}>
                <p>
                  {providers.some((p) => p.provider === 'stripe')
                    ? t('pay.stripeNotHere')
                    : t('pay.noOnline')}
                </p>
              </Alert>
            );
          return (
            <>
              <Alert tone="warning" title={t('pay.testModeTitle')}>
                <p>{t('pay.testModeText')}</p>
              </Alert>
              <Table
                caption={t('pay.testCardsCaption')}
                rows={testCards}
                rowKey={(c) => c.number}
                columns={[
                  {
                    key: 'number',
                    header: t('pay.cardNumber'),
                    rowHeader: true,
                    render: (c) => <code className="test-cards">{groupDigits(c.number)}</code>,
                  },
                  {
                    key: 'outcome',
                    header: t('pay.cardOutcome'),
                    render: (c) =>
                      c.outcome === 'succeeded' ? t('pay.cardSucceeds') : failureText(t, c.outcome),
                  },
                  {
                    key: 'use',
                    header: t('common.actions'),
                    render: (c) => (
                      <Button
                        variant="link"
                        className="link-target"
                        onClick={() => {
                          form.set('card', groupDigits(c.number));
                          document.getElementById('pay-card')?.focus();
                        }}
                        aria-label={t('pay.useCardNamed', { number: groupDigits(c.number) })}
                      >
                        {t('pay.useCard')}
                      </Button>
                    ),
                  },
                ]}
              />
              <form className="form" onSubmit={pay} noValidate>
                <ErrorSummary error={form.error} fields={form.summaryFields()} />
                {split && (
                  <fieldset>
                    <legend>{t('pay.planLegend')}</legend>
                    <div className="choice-list">
                      <label className="choice">
                        <input
                          type="radio"
                          name="plan"
                          value="1"
                          checked={plan === '1'}
                          onChange={() => setPlan('1')}
                        />
                        {t('pay.planFull', { amount: formatMoney(order.balanceCents) })}
                      </label>
                      <label className="choice">
                        <input
                          type="radio"
                          name="plan"
                          value="2"
                          checked={plan === '2'}
                          onChange={() => setPlan('2')}
                        />
                        {t('pay.planTwo', {
                          first: formatMoney(first),
                          second: formatMoney(second),
                          date: formatDateTime(order.secondInstalmentDueAt),
                        })}
                      </label>
                    </div>
                  </fieldset>
                )}
                {!split && nextDue && (
                  <p>
                    {t('pay.nextInstalment', {
                      number: nextDue.number,
                      amount: formatMoney(nextDue.amountCents),
                    })}
                  </p>
                )}
                <TextField
                  {...form.field('card', t('pay.cardNumber'))}
                  hint={t('pay.cardHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={23}
                />
                <Button type="submit" busy={form.pending}>
                  {t('pay.submit', { amount: formatMoney(amountNow) })}
                </Button>
              </form>
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
