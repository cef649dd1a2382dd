import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { StepHeading } from '../../ui/StepHeading.tsx';
import { useForm } from '../../ui/useForm.ts';

/** Resetting a forgotten password with a code sent by e-mail. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const ask = useForm('reset-request', { email: '' });
  const reset = useForm(
    'reset',
    { code: '', password: '' },
    {
      ...{ 'auth.password_too_short': 'password', 'auth.password_too_common': 'password' },
      'auth.code_invalid': 'code',
    },
  );

  const submitEmail = ask.handleSubmit(async ({ email }) => {
    await call(api.POST('/api/auth/password/reset-request', { body: { email } }));
    setSentTo(email);
  });
  const submitReset = reset.handleSubmit(async ({ code, password }) => {
    if (!sentTo) return;
    await call(
      api.POST('/api/auth/password/reset', { body: { email: sentTo, code: code.trim(), password } }),
    );
    setDone(true);
  });

  return (
    <Page title={t('reset.title')}>
      {done ? (
        <>
          <Alert tone="success" title={t('reset.doneTitle')}>
            <p>{t('reset.doneText')}</p>
          </Alert>
          <p>
            <Link to="/sign-in">{t('auth.signIn')}</Link>
          </p>
        </>
      ) : sentTo ? (
        <section aria-labelledby="reset-step">
          <StepHeading id="reset-step">{t('reset.newPasswordTitle')}</StepHeading>
          <Alert tone="success">{t('reset.codeSent', { email: sentTo })}</Alert>
          <form className="form" onSubmit={submitReset} noValidate>
            <ErrorSummary error={reset.error} fields={reset.summaryFields()} />
            <TextField
              {...reset.field('code', t('auth.emailCode'))}
              inputSize="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
            />
            <TextField
              {...reset.field('password', t('reset.newPassword'))}
              type="password"
              autoComplete="new-password"
              hint={t('signUp.passwordHint')}
            />
            <div className="btn-row">
              <Button type="submit" busy={reset.pending}>
                {t('reset.submit')}
              </Button>
              <Button variant="link" onClick={() => setSentTo(null)}>
                {t('auth.otherAddress')}
              </Button>
            </div>
          </form>
        </section>
      ) : (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <form className="form" onSubmit={submitEmail} noValidate>
            <ErrorSummary error={ask.error} fields={ask.summaryFields()} />
            <TextField
              {...ask.field('email', t('auth.email'))}
              type="email"
              autoComplete="email"
              spellCheck={false}
            />
            <Button type="submit" busy={ask.pending}>
              {t('auth.sendCode')}
            </Button>
          </form>
        </>
      )}
    </Page>
  );
}
