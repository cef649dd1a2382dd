import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { type Session, useAcceptSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { StepHeading } from '../../ui/StepHeading.tsx';
import { useForm } from '../../ui/useForm.ts';

function isSession(value: unknown): value is Session {
  return typeof value === 'object' && value !== null && 'account' in value && 'memberships' in value;
}

/** Creating an account, then confirming the e-mail address with the code sent to it. */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [verified, setVerified] = useState(false);
  const form = useForm(
    'sign-up',
    {
      givenName: '',
      familyName: '',
      email: '',
      password: '',
      locale: currentLanguage() as string,
    },
    { 'auth.password_too_short': 'password', 'auth.password_too_common': 'password' },
  );
  const verify = useForm('verify', { code: '' }, { 'auth.code_invalid': 'code' });

  const submit = form.handleSubmit(async (values) => {
    await call(
      api.POST('/api/auth/sign-up', {
        body: { ...values, locale: values.locale === 'en' ? 'en' : 'fr' },
      }),
    );
    setSentTo(values.email);
  });
  const confirm = verify.handleSubmit(async ({ code }) => {
    if (!sentTo) return;
    const result: unknown = await call(
      api.POST('/api/auth/verify-email', { body: { email: sentTo, code: code.trim() } }),
    );
    if (isSession(result) && result.account) {
      accept(result);
      navigate('/account', { replace: true });
      return;
    }
    setVerified(true);
  });

  return (
    <Page title={t('signUp.title')}>
      {verified ? (
        <>
          <Alert tone="success" title={t('signUp.verifiedTitle')}>
            <p>{t('signUp.verifiedText')}</p>
          </Alert>
          <p>
            <Link to="/sign-in">{t('auth.signIn')}</Link>
          </p>
        </>
      ) : sentTo ? (
        <section aria-labelledby="verify-step">
          <StepHeading id="verify-step">{t('signUp.verifyTitle')}</StepHeading>
          <Alert tone="success">{t('signUp.codeSent', { email: sentTo })}</Alert>
          <form className="form" onSubmit={confirm} noValidate>
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
                {t('signUp.confirm')}
              </Button>
              <Button variant="link" onClick={() => setSentTo(null)}>
                {t('signUp.back')}
              </Button>
            </div>
          </form>
        </section>
      ) : (
        <>
          <p className="lead">{t('signUp.intro')}</p>
          <form className="form" onSubmit={submit} noValidate>
            <ErrorSummary error={form.error} fields={form.summaryFields()} />
            <TextField {...form.field('givenName', t('profile.givenName'))} autoComplete="given-name" />
            <TextField {...form.field('familyName', t('profile.familyName'))} autoComplete="family-name" />
            <TextField
              {...form.field('email', t('auth.email'))}
              type="email"
              autoComplete="email"
              spellCheck={false}
              hint={t('signUp.emailHint')}
            />
            <TextField
              {...form.field('password', t('auth.password'))}
              type="password"
              autoComplete="new-password"
              hint={t('signUp.passwordHint')}
            />
            <SelectField {...form.field('locale', t('profile.locale'))}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </SelectField>
            <p className="muted">{t('signUp.privacy')}</p>
            <div className="btn-row">
              <Button type="submit" busy={form.pending}>
                {t('signUp.submit')}
              </Button>
              <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}
