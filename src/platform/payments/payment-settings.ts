import type { StripeConfig } from '../../config.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { QUEBEC_TAX_RATES, type TaxRates } from './money.ts';
import { offlineProvider } from './providers/offline.ts';
import { sandboxProvider } from './providers/sandbox.ts';
import { isStripeTestKey, type StripeKeys, stripeProvider } from './providers/stripe.ts';
import type { PaymentProvider } from './providers/types.ts';
import { type PaymentMethod, paymentSettings } from './schema.ts';

/** An organisation's payment settings with the installation's defaults filled in. */
export interface ResolvedPaymentSettings {
  orgId: string;
  gstNumber: string | null;
  qstNumber: string | null;
  rates: TaxRates;
  sandboxEnabled: boolean;
  /** The Stripe account to use: the organisation's own keys, else the installation's; null when none. */
  stripe: StripeKeys | null;
  stripeKeysFromOrganisation: boolean;
}

/** Reads an organisation's payment settings (defaults when it never saved any). */
export async function loadPaymentSettings(
  db: Executor,
  orgId: string,
  stripeConfig: StripeConfig,
): Promise<ResolvedPaymentSettings> {
  const scope = scopeOf(orgId);
  const [row] = await db.select().from(paymentSettings).where(scope.where(paymentSettings));
  const ownKey = row?.stripeSecretKey ?? null;
  const secretKey = ownKey ?? stripeConfig.secretKey;
  const stripe: StripeKeys | null = secretKey
    ? {
        secretKey,
        webhookSecret: ownKey ? (row?.stripeWebhookSecret ?? undefined) : stripeConfig.webhookSecret,
        publishableKey: ownKey ? (row?.stripePublishableKey ?? undefined) : stripeConfig.publishableKey,
        apiUrl: stripeConfig.apiUrl,
      }
    : null;
  return {
    orgId,
    gstNumber: row?.gstNumber ?? null,
    qstNumber: row?.qstNumber ?? null,
    rates: row ? { gst: row.gstRate, qst: row.qstRate } : QUEBEC_TAX_RATES,
    // Automatic: the sandbox is the default while no real provider is configured, never beside one.
    sandboxEnabled: row?.sandboxEnabled ?? stripe === null,
    stripe,
    stripeKeysFromOrganisation: ownKey !== null,
  };
}

/** The tax rates of an organisation (what createOrder needs; no provider keys involved). */
export async function loadTaxRates(db: Executor, orgId: string): Promise<TaxRates> {
  const scope = scopeOf(orgId);
  const [row] = await db
    .select({ gst: paymentSettings.gstRate, qst: paymentSettings.qstRate })
    .from(paymentSettings)
    .where(scope.where(paymentSettings));
  return row ?? QUEBEC_TAX_RATES;
}

/** The online providers a person may choose in this organisation, with their test-mode flag. */
export function onlineProviders(
  settings: ResolvedPaymentSettings,
): Array<{ provider: 'sandbox' | 'stripe'; testMode: boolean; publishableKey: string | null }> {
  const list: Array<{ provider: 'sandbox' | 'stripe'; testMode: boolean; publishableKey: string | null }> =
    [];
  if (settings.stripe)
    list.push({
      provider: 'stripe',
      testMode: isStripeTestKey(settings.stripe.secretKey),
      publishableKey: settings.stripe.publishableKey ?? null,
    });
  if (settings.sandboxEnabled) list.push({ provider: 'sandbox', testMode: true, publishableKey: null });
  return list;
}

/** The provider to use, or `payment.provider_unavailable` when the organisation does not offer it. */
export function providerFor(
  settings: ResolvedPaymentSettings,
  name: 'sandbox' | 'stripe' | 'offline',
  method: PaymentMethod = 'card',
): PaymentProvider {
  if (name === 'sandbox' && settings.sandboxEnabled) return sandboxProvider();
  if (name === 'stripe' && settings.stripe) return stripeProvider(settings.stripe);
  if (name === 'offline' && method !== 'card') return offlineProvider(method);
  throw new AppError('payment.provider_unavailable', 422, { params: {}, details: { provider: name } });
}

/**
 * The provider that took an existing payment (to refund, confirm or cancel it): a sandbox payment stays
 * refundable in the sandbox even after the organisation turned the sandbox off.
 */
export function providerOfPayment(
  settings: ResolvedPaymentSettings,
  payment: { provider: 'sandbox' | 'stripe' | 'offline'; method: PaymentMethod },
): PaymentProvider {
  if (payment.provider === 'sandbox') return sandboxProvider();
  if (payment.provider === 'offline' && payment.method !== 'card') return offlineProvider(payment.method);
  return providerFor(settings, payment.provider, payment.method);
}
