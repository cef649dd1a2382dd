import { and, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { type PushSubscriptionView, toSubscriptionView } from './push-subscriptions.ts';
import { pushSubscriptions } from './schema.ts';

/** The signed-in person's subscribed devices, newest first. */
export async function listPushSubscriptions(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<PushSubscriptionView[]> {
  const who = requireAccount(options.auth);
  const rows = await options.db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.accountId, who.account.id))
    .orderBy(desc(pushSubscriptions.createdAt));
  return rows.map(toSubscriptionView);
}

/** One of the person's devices (another person's is not found). */
export async function getPushSubscription(options: {
  db: Executor;
  auth: AuthContext | null;
  id: string;
}): Promise<PushSubscriptionView> {
  const who = requireAccount(options.auth);
  const [row] = await options.db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, options.id), eq(pushSubscriptions.accountId, who.account.id)));
  if (!row) throw new AppError('notify.push_subscription_not_found', 404);
  return toSubscriptionView(row);
}
