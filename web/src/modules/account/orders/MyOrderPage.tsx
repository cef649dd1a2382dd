import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { isPayable } from './money.ts';
import { OrderSummary } from './OrderSummary.tsx';
import { PayPanel } from './PayPanel.tsx';

/** One of the person's orders: its detail, paying what is owed, and the PDF receipt once something is paid. */
export function MyOrderPage() {
  const { t, i18n } = useTranslation();
  const { orderId = '' } = useParams();
  const query = useQuery({
    queryKey: ['me', 'order', orderId],
    queryFn: () => call(api.GET('/api/me/orders/{id}', { params: { path: { id: orderId } } })),
  });
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  // The pay panel goes once the order is paid: the confirmation takes focus in its place.
  const [paid, setPaid] = useState('');
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (paid) confirmation.current?.focus();
  }, [paid]);
  return (
    <Page
      title={query.data ? t('orders.orderTitle', { reference: query.data.reference }) : t('orders.order')}
    >
      <p>
        <Link to="/account/orders">{t('orders.back')}</Link>
      </p>
      <Loadable query={query}>
        {(order) => (
          <>
            {paid && (
              <div ref={confirmation} tabIndex={-1}>
                <Alert tone="success">{paid}</Alert>
              </div>
            )}
            {isPayable(order) && <PayPanel order={order} onPaid={setPaid} />}
            <OrderSummary order={order} />
            {order.paidCents > 0 && (
              <p>
                <a href={`/api/me/orders/${order.id}/receipt.pdf?orgId=${order.orgId}&lang=${lang}`} download>
                  {t('orders.receipt', { reference: order.reference })}
                </a>
              </p>
            )}
          </>
        )}
      </Loadable>
    </Page>
  );
}
