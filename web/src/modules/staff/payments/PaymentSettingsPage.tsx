import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, ApiError, api, call } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../ui/Dialog.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { formatRate } from '../../account/orders/money.ts';
import { sharedSections } from '../access.ts';
import { useStaff } from '../context.ts';
import { withFormFields } from '../form-errors.ts';

type Settings = ApiData<'/api/orgs/{orgId}/payments/settings', 'get'>;

// The API names the Stripe keys inside `stripe`; the form's fields are flat.
const STRIPE_FIELDS = {
  'stripe.secretKey': 'secretKey',
  'stripe.webhookSecret': 'webhookSecret',
  'stripe.publishableKey': 'publishableKey',
};

/** A rate in thousandths of a percent as typed in percent (`9,975` → 9975), or null. */
function parseRate(text: string): number | null {
  const cleaned = text.replace(/[\s%]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(cleaned)) return null;
  const value = Math.round(Number(cleaned) * 1000);
  return value <= 100_000 ? value : null;
}

function rateText(rate: number): string {
  return (rate / 1000).toLocaleString(intlLocale(), { maximumFractionDigits: 3, useGrouping: false });
}

function invalid(field: string, message: string): ApiError {
  return new ApiError(400, 'validation', message, { fields: [{ field, rule: 'format', message }] });
}

/** Tax numbers, rates and the sandbox (treasury or administrators). */
function TaxForm({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (s: Settings, message: string) => void;
}) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const form = useForm('pay-settings', {
    gstNumber: settings.gstNumber ?? '',
    qstNumber: settings.qstNumber ?? '',
    gstRate: rateText(settings.gstRate),
    qstRate: rateText(settings.qstRate),
    sandbox: settings.sandboxSetting === null ? 'auto' : settings.sandboxSetting ? 'on' : 'off',
  });
  const submit = form.handleSubmit(async (values) => {
    const gstRate = parseRate(values.gstRate);
    const qstRate = parseRate(values.qstRate);
    if (gstRate === null) throw invalid('gstRate', t('paymentSettings.rateInvalid'));
    if (qstRate === null) throw invalid('qstRate', t('paymentSettings.rateInvalid'));
    const saved = await call(
      api.PUT('/api/orgs/{orgId}/payments/settings', {
        params: { path: { orgId: org.id } },
        body: {
          gstNumber: values.gstNumber.trim() || null,
          qstNumber: values.qstNumber.trim() || null,
          gstRate,
          qstRate,
          sandboxEnabled: values.sandbox === 'auto' ? null : values.sandbox === 'on',
        },
      }),
    );
    onSaved(saved, t('paymentSettings.saved'));
  });
  return (
    <form className="form staff-form-section" onSubmit={submit} noValidate aria-labelledby="taxes-title">
      <h2 id="taxes-title">{t('paymentSettings.taxesTitle')}</h2>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <div className="two-columns">
        <TextField
          {...form.field('gstNumber', t('paymentSettings.gstNumber'))}
          hint={t('paymentSettings.gstNumberHint')}
          optional
        />
        <TextField
          {...form.field('qstNumber', t('paymentSettings.qstNumber'))}
          hint={t('paymentSettings.qstNumberHint')}
          optional
        />
        <TextField
          {...form.field('gstRate', t('paymentSettings.gstRate'))}
          hint={t('paymentSettings.rateHint', { rate: formatRate(5000) })}
          inputMode="decimal"
          inputSize="short"
        />
        <TextField
          {...form.field('qstRate', t('paymentSettings.qstRate'))}
          hint={t('paymentSettings.rateHint', { rate: formatRate(9975) })}
          inputMode="decimal"
          inputSize="short"
        />
      </div>
      <SelectField
        {...form.field('sandbox', t('paymentSettings.sandbox'))}
        hint={
          settings.sandboxEnabled ? t('paymentSettings.sandboxOnNow') : t('paymentSettings.sandboxOffNow')
        }
      >
        <option value="auto">{t('paymentSettings.sandboxAuto')}</option>
        <option value="on">{t('paymentSettings.sandboxOn')}</option>
        <option value="off">{t('paymentSettings.sandboxOff')}</option>
      </SelectField>
      <Button type="submit" busy={form.pending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** The organisation's own Stripe keys: written, never read back; administrators only. */
function StripeForm({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (s: Settings, message: string) => void;
}) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const [confirmReset, setConfirmReset] = useState(false);
  const form = useForm('stripe', { secretKey: '', webhookSecret: '', publishableKey: '' });
  const save = (stripe: { secretKey: string; webhookSecret: string; publishableKey: string } | null) =>
    form.handleSubmit(async () => {
      const saved = await withFormFields(STRIPE_FIELDS, () =>
        call(
          api.PUT('/api/orgs/{orgId}/payments/settings', {
            params: { path: { orgId: org.id } },
            body: { stripe },
          }),
        ),
      );
      form.setValues({ secretKey: '', webhookSecret: '', publishableKey: '' });
      onSaved(saved, stripe ? t('paymentSettings.stripeSaved') : t('paymentSettings.stripeReset'));
    });
  return (
    <section className="staff-form-section" aria-labelledby="stripe-title">
      <h2 id="stripe-title">{t('paymentSettings.stripeTitle')}</h2>
      <dl className="summary-list">
        <dt>{t('paymentSettings.stripeStatus')}</dt>
        <dd>
          {settings.stripeConfigured
            ? settings.stripeTestMode
              ? t('paymentSettings.stripeTest')
              : t('paymentSettings.stripeLive')
            : t('paymentSettings.stripeNone')}
        </dd>
        <dt>{t('paymentSettings.stripeSource')}</dt>
        <dd>
          {settings.stripeKeysFromOrganisation
            ? t('paymentSettings.stripeFromOrg')
            : t('paymentSettings.stripeFromInstallation')}
        </dd>
        <dt>{t('paymentSettings.stripeWebhook')}</dt>
        <dd>{settings.stripeWebhookConfigured ? t('paymentSettings.yes') : t('paymentSettings.no')}</dd>
        {settings.stripePublishableKey && (
          <>
            <dt>{t('paymentSettings.publishableKey')}</dt>
            <dd>
              <code>{settings.stripePublishableKey}</code>
            </dd>
          </>
        )}
      </dl>
      <p>{t('paymentSettings.stripeWriteOnly')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save({
            secretKey: form.values.secretKey.trim(),
            webhookSecret: form.values.webhookSecret.trim(),
            publishableKey: form.values.publishableKey.trim(),
          })();
        }}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField
          {...form.field('secretKey', t('paymentSettings.secretKey'))}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={t('paymentSettings.secretKeyHint')}
        />
        <TextField
          {...form.field('webhookSecret', t('paymentSettings.webhookSecret'))}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={t('paymentSettings.webhookSecretHint')}
        />
        <TextField
          {...form.field('publishableKey', t('paymentSettings.publishableKey'))}
          autoComplete="off"
          spellCheck={false}
          hint={t('paymentSettings.publishableKeyHint')}
        />
        <div className="btn-row">
          <Button type="submit" busy={form.pending}>
            {t('paymentSettings.stripeSave')}
          </Button>
          {settings.stripeKeysFromOrganisation && (
            <Button variant="secondary" onClick={() => setConfirmReset(true)}>
              {t('paymentSettings.stripeUseInstallation')}
            </Button>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={confirmReset}
        title={t('paymentSettings.stripeResetTitle')}
        confirmLabel={t('paymentSettings.stripeUseInstallation')}
        danger
        busy={form.pending}
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          void save(null)();
        }}
      >
        <p>{t('paymentSettings.stripeResetText')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Payment settings of the organisation: taxes and sandbox for treasury, Stripe keys for administrators. */
export function PaymentSettingsPage() {
  const { t } = useTranslation();
  const { org, roles } = useStaff();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const key = ['payment-settings', org.id];
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/payments/settings', { params: { path: { orgId: org.id } } })),
  });
  const onSaved = (settings: Settings, text: string) => {
    client.setQueryData(key, settings);
    void client.invalidateQueries({ queryKey: ['payments', 'options', org.id] });
    setMessage(text);
  };
  return (
    <Page title={t('staff.paymentSettings')}>
      <p>{t('paymentSettings.intro')}</p>
      <div aria-live="polite">{message && <Alert tone="success">{message}</Alert>}</div>
      <Loadable query={query}>
        {(settings) => (
          <>
            <TaxForm key={`${settings.gstRate}-${settings.qstRate}`} settings={settings} onSaved={onSaved} />
            {sharedSections(roles).stripeKeys && <StripeForm settings={settings} onSaved={onSaved} />}
          </>
        )}
      </Loadable>
    </Page>
  );
}
