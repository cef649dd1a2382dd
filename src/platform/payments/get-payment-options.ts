import { eq } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { organisations } from '../orgs/schema.ts';
import { loadPaymentSettings, onlineProviders } from './payment-settings.ts';
import { SANDBOX_CARDS } from './providers/sandbox.ts';

/** How a person can pay this organisation online; test-mode providers are flagged (public). */
export async function getPaymentOptions(options: {
  db: Executor;
  orgId: string;
  stripeConfig: StripeConfig;
}): Promise<{
  providers: Array<{ provider: 'sandbox' | 'stripe'; testMode: boolean; publishableKey: string | null }>;
  testCards: Array<{ number: string; outcome: string }>;
}> {
  const [org] = await options.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError('org.not_found', 404);
  const settings = await loadPaymentSettings(options.db, options.orgId, options.stripeConfig);
  const providers = onlineProviders(settings);
  const testCards = settings.sandboxEnabled
    ? Object.entries(SANDBOX_CARDS).map(([number, rule]) => ({
        number,
        outcome: rule.outcome === 'succeeded' ? 'succeeded' : rule.code,
      }))
    : [];
  return { providers, testCards };
}
