import { sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { deviceLabel, type PushSubscriptionView, toSubscriptionView } from './push-subscriptions.ts';
import { pushSubscriptions } from './schema.ts';

/** What the browser's PushManager.subscribe() gives (its JSON form). */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  label?: string;
}

/**
 * Registers the signed-in person's device for push. One row per device: subscribing again from the
 * same browser updates it, and a browser that changed hands now belongs to whoever subscribed last.
 */
export async function savePushSubscription(options: {
  db: Executor;
  auth: AuthContext | null;
  userAgent: string | undefined;
  input: PushSubscriptionInput;
}): Promise<PushSubscriptionView> {
  const who = requireAccount(options.auth);
  const { input } = options;
  let endpoint: URL;
  try {
    endpoint = new URL(input.endpoint);
  } catch {
    throw new AppError('notify.push_endpoint_invalid', 400);
  }
  // Push services are always reached over TLS; anything else is not a browser subscription.
  if (endpoint.protocol !== 'https:') throw new AppError('notify.push_endpoint_invalid', 400);
  const p256dh = Buffer.from(input.keys.p256dh, 'base64url');
  const auth = Buffer.from(input.keys.auth, 'base64url');
  if (p256dh.length !== 65 || p256dh[0] !== 4 || auth.length !== 16)
    throw new AppError('notify.push_keys_invalid', 400);
  const label = input.label?.trim() || deviceLabel(options.userAgent);
  const values = {
    accountId: who.account.id,
    endpoint: endpoint.href,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    label,
  };
  const [row] = await options.db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { ...values, createdAt: sql`now()`, lastSuccessAt: null },
    })
    .returning();
  if (!row) throw new Error('push subscription upsert returned no row');
  return toSubscriptionView(row);
}
