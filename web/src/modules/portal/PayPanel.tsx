import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { TextField } from '../../ui/Field.tsx';
import { newKey, useMoney } from './shared.tsx';

/**
 * Pays a permit's fee online through the platform's payments (the sandbox in demonstration: test cards only).
 */
export function PayPanel({
  orderId,
  orgId,
  amountCents,
  onPaid,
}: {
  orderId: string;
  orgId: string;
  amountCents: number;
  onPaid: () => void;
}) {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const money = useMoney();
  const id = useId();
  const [card, setCard] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newKey());
  const pay = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await call(
        api.POST('/api/me/orders/{id}/pay', {
          params: { path: { id: orderId }, query: { orgId } },
          body: { provider: 'sandbox', card: { number: card } },
          headers: { 'Idempotency-Key': key.current },
        }),
      );
      key.current = newKey();
      if (result.outcome === 'succeeded') onPaid();
      else setProblem(t('pay.declined', { code: result.payment.failureCode ?? '' }));
    } catch (caught) {
      key.current = newKey();
      setProblem(errorMessage(caught, common));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('pay.title', { amount: money(amountCents) })}</h2>
      <Alert tone="info">{t('pay.sandbox')}</Alert>
      {problem && <Alert tone="error">{problem}</Alert>}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void pay();
        }}
      >
        <TextField
          id={`${id}-card`}
          label={t('pay.card')}
          hint={t('pay.cardHint')}
          inputMode="numeric"
          autoComplete="cc-number"
          value={card}
          onChange={(event) => setCard(event.target.value)}
        />
        <Button type="submit" busy={busy}>
          {t('pay.submit', { amount: money(amountCents) })}
        </Button>
      </form>
    </section>
  );
}
