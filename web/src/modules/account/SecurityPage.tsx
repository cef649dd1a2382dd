import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import { type Session, useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { StepHeading } from '../../ui/StepHeading.tsx';
import { useForm } from '../../ui/useForm.ts';

type Setup = ApiData<'/api/auth/totp/setup', 'post'>;

function Enrolment({ setup, onEnabled }: { setup: Setup; onEnabled: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm('totp-enable', { code: '' }, { 'auth.totp_invalid': 'code' });
  const submit = form.handleSubmit(async ({ code }) => {
    const session = await call(
      api.POST('/api/auth/totp/enable', { body: { code: code.replace(/\s/g, '') } }),
    );
    client.setQueryData<Session>(['session'], session);
    onEnabled();
  });
  return (
    <section aria-labelledby="totp-setup">
      <StepHeading id="totp-setup">{t('security.setupTitle')}</StepHeading>
      <ol>
        <li>{t('security.step1')}</li>
        <li>
          {t('security.step2')}
          <img className="qr" src={setup.qrDataUrl} alt={t('security.qrAlt')} width={192} height={192} />
          <p>
            {t('security.secretLabel')} <code className="secret">{setup.secret}</code>
          </p>
        </li>
        <li>{t('security.step3')}</li>
      </ol>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField
          {...form.field('code', t('auth.totpCode'))}
          inputSize="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
        />
        <Button type="submit" busy={form.pending}>
          {t('security.enable')}
        </Button>
      </form>
    </section>
  );
}

/** Turning TOTP off, with a current code; administrators must keep it (the server refuses). */
function Disable({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm('totp-disable', { code: '' }, { 'auth.totp_invalid': 'code' });
  const submit = form.handleSubmit(async ({ code }) => {
    await call(api.POST('/api/auth/totp/disable', { body: { code: code.replace(/\s/g, '') } }));
    await client.invalidateQueries({ queryKey: ['session'] });
    onDisabled();
  });
  return (
    <section aria-labelledby="totp-disable">
      <h2 id="totp-disable">{t('security.disableTitle')}</h2>
      <p>{t('security.disableText')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField
          {...form.field('code', t('auth.totpCode'))}
          inputSize="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
        />
        <Button type="submit" variant="secondary" busy={form.pending}>
          {t('security.disable')}
        </Button>
      </form>
    </section>
  );
}

/** Two-factor authentication with an authenticator app (TOTP): required for administrators. */
export function SecurityPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [message, setMessage] = useState('');
  const enabled = session.account?.totpEnabled === true;
  const isAdmin =
    session.memberships.some((m) => m.role === 'admin') || session.account?.isInstallationAdmin === true;
  const setup = useMutation({ mutationFn: () => call(api.POST('/api/auth/totp/setup')) });

  return (
    <Page title={t('account.security')}>
      <p>{t('security.intro')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {enabled ? (
        <>
          <Alert tone="success" title={t('security.enabledTitle')}>
            <p>{t('security.enabledText')}</p>
          </Alert>
          {!isAdmin && (
            <Disable
              onDisabled={() => {
                setup.reset();
                setMessage(t('security.disabled'));
              }}
            />
          )}
        </>
      ) : (
        <>
          {isAdmin && (
            <Alert tone="warning" title={t('security.requiredTitle')}>
              <p>{t('security.requiredText')}</p>
            </Alert>
          )}
          {setup.error && <Alert tone="error">{errorMessage(setup.error, t)}</Alert>}
          {setup.data ? (
            <Enrolment setup={setup.data} onEnabled={() => setMessage('')} />
          ) : (
            <Button busy={setup.isPending} onClick={() => setup.mutate()}>
              {t('security.start')}
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
