import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { orgName } from '../../../app/org.tsx';
import { useAcceptSession } from '../../../app/session.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useTown } from './shared.tsx';

type Started = ApiData<'/api/citizen/orgs/{orgId}/residency/claim', 'post'>;

/**
 * Claiming the household the town already knows, without a password: the card number the town gave, or the
 * address and postal code, with a birth date; then a code sent to the e-mail or phone the town has on file.
 */
export function ClaimPage() {
  const { t, i18n } = useTranslation('citizen');
  const client = useQueryClient();
  const acceptSession = useAcceptSession();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [started, setStarted] = useState<Started | null>(null);
  const [sentTo, setSentTo] = useState('');
  const [done, setDone] = useState(false);
  const find = useForm('claim', { cardNumber: '', address: '', postalCode: '', birthDate: '' });
  const confirm = useForm('claim-code', { code: '' }, { 'residency.claim_code_invalid': 'code' });
  const send = useForm('claim-send', { channel: '' });
  if (loading || !town) return <Loading />;
  const orgId = town.id;

  const submitFind = find.handleSubmit(async (v) => {
    const body = v.cardNumber.trim()
      ? { cardNumber: v.cardNumber, birthDate: v.birthDate }
      : { address: v.address, postalCode: v.postalCode || undefined, birthDate: v.birthDate };
    setStarted(
      await call(
        api.POST('/api/citizen/orgs/{orgId}/residency/claim', { params: { path: { orgId } }, body }),
      ),
    );
  });
  const sendCode = (channel: 'email' | 'sms', masked: string) =>
    send.handleSubmit(async () => {
      if (!started) return;
      await call(
        api.POST('/api/citizen/orgs/{orgId}/residency/claim/code', {
          params: { path: { orgId } },
          body: { claimId: started.claimId, channel },
        }),
      );
      setSentTo(masked);
    })();
  const submitCode = confirm.handleSubmit(async (v) => {
    if (!started) return;
    const result = await call(
      api.POST('/api/citizen/orgs/{orgId}/residency/claim/confirm', {
        params: { path: { orgId } },
        body: { claimId: started.claimId, code: v.code },
      }),
    );
    if (result.session) acceptSession(result.session);
    await client.invalidateQueries();
    setDone(true);
  });

  return (
    <Page title={t('residency.claimTitle', { town: orgName(town, i18n.language) })}>
      {done ? (
        <Alert tone="success" title={t('residency.claimDone')}>
          <p>
            <Link to={`/${town.slug}/cards`}>{t('cards.link')}</Link> ·{' '}
            <Link to={`/${town.slug}/activities`}>{t('residency.toActivities')}</Link>
          </p>
        </Alert>
      ) : !started ? (
        <form className="form" onSubmit={submitFind} noValidate>
          <p>{t('residency.claimLead')}</p>
          <ErrorSummary error={find.error} fields={find.summaryFields()} />
          <TextField
            {...find.field('cardNumber', t('residency.cardNumber'))}
            optional
            inputMode="numeric"
            autoComplete="off"
          />
          <p className="muted">{t('residency.orAddress')}</p>
          <TextField
            {...find.field('address', t('residency.address'))}
            optional
            autoComplete="street-address"
          />
          <TextField
            {...find.field('postalCode', t('residency.postalCode'))}
            optional
            autoComplete="postal-code"
            inputSize="short"
          />
          <TextField {...find.field('birthDate', t('residency.birthDate'))} type="date" inputSize="short" />
          <Button type="submit" busy={find.pending}>
            {t('residency.find')}
          </Button>
        </form>
      ) : !sentTo ? (
        <>
          <p>{t('residency.chooseChannel')}</p>
          <ErrorSummary error={send.error} />
          <div className="btn-row">
            {started.channels.map((c) => (
              <Button key={c.channel} onClick={() => sendCode(c.channel, c.masked)} busy={send.pending}>
                {t(`residency.sendTo.${c.channel}`, { to: c.masked })}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <form className="form" onSubmit={submitCode} noValidate>
          <p>{t('residency.codeSent', { to: sentTo })}</p>
          <ErrorSummary error={confirm.error} fields={confirm.summaryFields()} />
          <TextField
            {...confirm.field('code', t('residency.code'))}
            inputMode="numeric"
            autoComplete="one-time-code"
            inputSize="code"
          />
          <Button type="submit" busy={confirm.pending}>
            {t('residency.confirmCode')}
          </Button>
        </form>
      )}
    </Page>
  );
}
