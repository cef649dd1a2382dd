import type { StripeConfig } from '../../config.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { loadPaymentSettings } from './payment-settings.ts';
import { requireTreasury } from './policies.ts';
import { isStripeTestKey } from './providers/stripe.ts';
import { paymentSettings } from './schema.ts';

/** Payment settings as treasury sees them: tax numbers and rates, providers; secrets never leave. */
export interface PaymentSettingsView {
  gstNumber: string | null;
  qstNumber: string | null;
  gstRate: number;
  qstRate: number;
  /** The saved choice (null: automatic) and its effect. */
  sandboxSetting: boolean | null;
  sandboxEnabled: boolean;
  stripeConfigured: boolean;
  stripeTestMode: boolean;
  stripeKeysFromOrganisation: boolean;
  stripeWebhookConfigured: boolean;
  stripePublishableKey: string | null;
}

/** Builds the settings view of an organisation (no policy: callers check it). */
export async function paymentSettingsView(
  db: Executor,
  orgId: string,
  stripeConfig: StripeConfig,
): Promise<PaymentSettingsView> {
  const settings = await loadPaymentSettings(db, orgId, stripeConfig);
  const [row] = await db
    .select({ sandboxEnabled: paymentSettings.sandboxEnabled })
    .from(paymentSettings)
    .where(scopeOf(orgId).where(paymentSettings));
  return {
    gstNumber: settings.gstNumber,
    qstNumber: settings.qstNumber,
    gstRate: settings.rates.gst,
    qstRate: settings.rates.qst,
    sandboxSetting: row?.sandboxEnabled ?? null,
    sandboxEnabled: settings.sandboxEnabled,
    stripeConfigured: settings.stripe !== null,
    stripeTestMode: settings.stripe ? isStripeTestKey(settings.stripe.secretKey) : false,
    stripeKeysFromOrganisation: settings.stripeKeysFromOrganisation,
    stripeWebhookConfigured: !!settings.stripe?.webhookSecret,
    stripePublishableKey: settings.stripe?.publishableKey ?? null,
  };
}

/** The organisation's payment settings, for treasury. */
export async function getPaymentSettings(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  stripeConfig: StripeConfig;
}): Promise<PaymentSettingsView> {
  requireTreasury(options.auth, options.orgId);
  return paymentSettingsView(options.db, options.orgId, options.stripeConfig);
}
