import { isNotNull } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import type { Executor } from '../db/client.ts';
import { paymentSettings } from './schema.ts';

/**
 * What Stripe.js needs from the page's Content-Security-Policy, and nothing more: the script itself, its
 * card-field and 3-D Secure frames (js.stripe.com, hooks.stripe.com) and its calls to the API.
 * https://docs.stripe.com/security/guide#content-security-policy
 */
export const STRIPE_CSP_SOURCES = {
  scriptSrc: ['https://js.stripe.com'],
  frameSrc: ['https://js.stripe.com', 'https://hooks.stripe.com'],
  connectSrc: ['https://api.stripe.com'],
} as const;

export type StripeCspDirective = keyof typeof STRIPE_CSP_SOURCES;

// Another process (or a treasurer of another town) may configure Stripe: look again now and then, never on
// every request.
const RECHECK_MS = 60_000;

/** Whether Stripe is configured anywhere in the installation (its keys, or one organisation's own keys). */
export class StripeCspState {
  private fromOrganisations = false;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;
  private readonly db: Executor;
  private readonly config: StripeConfig;

  constructor(db: Executor, config: StripeConfig) {
    this.db = db;
    this.config = config;
  }

  /** True when pages must allow Stripe.js (read synchronously while the headers are written). */
  get enabled(): boolean {
    return !!this.config.secretKey || this.fromOrganisations;
  }

  /** The extra sources of one directive: Stripe's when enabled, none otherwise. */
  sources(directive: StripeCspDirective): string {
    return this.enabled ? STRIPE_CSP_SOURCES[directive].join(' ') : '';
  }

  /** Reads whether an organisation saved its own Stripe keys; a database error keeps the last answer. */
  async refresh(): Promise<void> {
    this.checkedAt = Date.now();
    try {
      const [row] = await this.db
        .select({ orgId: paymentSettings.orgId })
        .from(paymentSettings)
        .where(isNotNull(paymentSettings.stripeSecretKey))
        .limit(1);
      this.fromOrganisations = row !== undefined;
    } catch {
      // The page is still served with the last known policy; the next request looks again.
      this.checkedAt = Number.NEGATIVE_INFINITY;
    }
  }

  /** Refreshes when the last answer is older than a minute (one look at a time). */
  async refreshIfStale(): Promise<void> {
    if (this.config.secretKey || Date.now() - this.checkedAt < RECHECK_MS) return;
    this.checking ??= this.refresh().finally(() => {
      this.checking = undefined;
    });
    await this.checking;
  }
}
