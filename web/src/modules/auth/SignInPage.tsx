import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { type Session, useAcceptSession, useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { StepHeading } from '../../ui/StepHeading.tsx';
import { useForm } from '../../ui/useForm.ts';
import { safeNext } from './next.ts';

type Method = 'password' | 'code';

function TotpStep({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const form = useForm('totp', { code: '' }, { 'auth.totp_invalid': 'code' });
  const submit = form.handleSubmit(async ({ code }) => {
    onDone(await call(api.POST('/api/auth/totp/verify', { body: { code: code.replace(/\s/g, '') } })));
  });
  return (
    <section aria-labelledby="totp-step">
      <StepHeading id="totp-step">{t('auth.totpTitle')}</StepHeading>
      <p>{t('auth.totpText')}</p>
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
          {t('auth.verify')}
        </Button>
      </form>
    </section>
  );
}

function PasswordForm({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const form = useForm('sign-in', { email: '', password: '' });
  const submit = form.handleSubmit(async (values) => {
    onDone(await call(api.POST('/api/auth/sign-in', { body: values })));
  });
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <TextField
        {...form.field('email', t('auth.email'))}
        type="email"
        autoComplete="username"
        spellCheck={false}
      />
      <TextField
        {...form.field('password', t('auth.password'))}
        type="password"
        autoComplete="current-password"
      />
      <div className="btn-row">
        <Button type="submit" busy={form.pending}>
          {t('auth.signIn')}
        </Button>
        <Link to="/password-reset">{t('auth.forgotPassword')}</Link>
      </div>
    </form>
  );
}

function CodeForm({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useForm('code-request', { email: '' });
  const verify = useForm('code-sign-in', { code: '' }, { 'auth.code_invalid': 'code' });

  const ask = request.handleSubmit(async ({ email }) => {
    await call(api.POST('/api/auth/code/request', { body: { email } }));
    setSentTo(email);
  });
  const signIn = verify.handleSubmit(async ({ code }) => {
    if (!sentTo) return;
    onDone(await call(api.POST('/api/auth/code/sign-in', { body: { email: sentTo, code: code.trim() } })));
  });

  if (!sentTo) {
    return (
      <form className="form" onSubmit={ask} noValidate>
        <ErrorSummary error={request.error} fields={request.summaryFields()} />
        <TextField
          {...request.field('email', t('auth.email'))}
          type="email"
          autoComplete="email"
          spellCheck={false}
          hint={t('auth.codeHint')}
        />
        <Button type="submit" busy={request.pending}>
          {t('auth.sendCode')}
        </Button>
      </form>
    );
  }
  return (
    <section aria-labelledby="code-step">
      <StepHeading id="code-step">{t('auth.codeSentTitle')}</StepHeading>
      <Alert tone="success">{t('auth.codeSent', { email: sentTo })}</Alert>
      <form className="form" onSubmit={signIn} noValidate>
        <ErrorSummary error={verify.error} fields={verify.summaryFields()} />
        <TextField
          {...verify.field('code', t('auth.emailCode'))}
          inputSize="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
        />
        <div className="btn-row">
          <Button type="submit" busy={verify.pending}>
            {t('auth.signIn')}
          </Button>
          <Button variant="link" onClick={() => setSentTo(null)}>
            {t('auth.otherAddress')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Sign-in by password or by a code sent by e-mail, then the authenticator code when the account has one. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session, signedIn } = useSession();
  const accept = useAcceptSession();
  const [method, setMethod] = useState<Method>('password');
  const [finishing, setFinishing] = useState(false);
  const next = safeNext(params.get('next'), '/account');

  const onDone = (result: Session) => {
    if (!result.mfaPending) setFinishing(true);
    accept(result);
    if (!result.mfaPending) navigate(next, { replace: true });
  };

  if (signedIn && !finishing) {
    return (
      <Page title={t('auth.signInTitle')}>
        <p>{t('auth.alreadySignedIn', { name: session.account?.givenName ?? '' })}</p>
        <p>
          <Link to="/account">{t('shell.account')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('auth.signInTitle')}>
      {session.mfaPending ? (
        <TotpStep onDone={onDone} />
      ) : (
        <>
          <fieldset>
            <legend>{t('auth.methodLegend')}</legend>
            <div className="choice-list">
              {(['password', 'code'] as const).map((m) => (
                <label key={m} className="choice">
                  <input
                    type="radio"
                    name="sign-in-method"
                    value={m}
                    checked={method === m}
                    onChange={() => setMethod(m)}
                  />
                  {m === 'password' ? t('auth.methodPassword') : t('auth.methodCode')}
                </label>
              ))}
            </div>
          </fieldset>
          {method === 'password' ? <PasswordForm onDone={onDone} /> : <CodeForm onDone={onDone} />}
          <h2>{t('auth.noAccountTitle')}</h2>
          <p>
            <Link to="/sign-up">{t('auth.createAccount')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
