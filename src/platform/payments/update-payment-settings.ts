import { sql } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireRole } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { type PaymentSettingsView, paymentSettingsView } from './get-payment-settings.ts';
import { QUEBEC_TAX_RATES } from './money.ts';
import { requireTreasury } from './policies.ts';
import { paymentSettings } from './schema.ts';

/** What treasury may change; Stripe keys are for administrators only. */
export interface PaymentSettingsInput {
  gstNumber?: string | null;
  qstNumber?: string | null;
  gstRate?: number;
  qstRate?: number;
  sandboxEnabled?: boolean | null;
  /** The organisation's own Stripe account; null goes back to the installation's keys. */
  stripe?: { secretKey: string; webhookSecret: string; publishableKey: string } | null;
}

/** Saves an organisation's tax numbers, rates and providers (audited, secrets never logged). */
export async function updatePaymentSettings(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  stripeConfig: StripeConfig;
  input: PaymentSettingsInput;
}): Promise<PaymentSettingsView> {
  const { db, orgId, input } = options;
  const who =
    input.stripe !== undefined
      ? requireRole(options.auth, orgId, ['admin'])
      : requireTreasury(options.auth, orgId);
  const scope = scopeOf(orgId);
  const values = {
    ...(input.gstNumber !== undefined ? { gstNumber: input.gstNumber?.trim() || null } : {}),
    ...(input.qstNumber !== undefined ? { qstNumber: input.qstNumber?.trim() || null } : {}),
    ...(input.gstRate !== undefined ? { gstRate: input.gstRate } : {}),
    ...(input.qstRate !== undefined ? { qstRate: input.qstRate } : {}),
    ...(input.sandboxEnabled !== undefined ? { sandboxEnabled: input.sandboxEnabled } : {}),
    ...(input.stripe !== undefined
      ? {
          stripeSecretKey: input.stripe?.secretKey ?? null,
          stripeWebhookSecret: input.stripe?.webhookSecret ?? null,
          stripePublishableKey: input.stripe?.publishableKey ?? null,
        }
      : {}),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(paymentSettings)
      .values(scope.rows({ gstRate: QUEBEC_TAX_RATES.gst, qstRate: QUEBEC_TAX_RATES.qst, ...values }))
      .onConflictDoUpdate({ target: paymentSettings.orgId, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'payments.settings_updated',
      targetType: 'payment_settings',
      targetId: orgId,
      details: {
        changed: Object.keys(input),
        ...(input.stripe !== undefined
          ? { stripe: input.stripe ? 'organisation keys set' : 'organisation keys removed' }
          : {}),
      },
    });
  });
  return paymentSettingsView(db, orgId, options.stripeConfig);
}
