import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { pushSubscriptions } from './schema.ts';

/** Stops push to one of the person's devices (another person's is not found). */
export async function deletePushSubscription(options: {
  db: Executor;
  auth: AuthContext | null;
  id: string;
}): Promise<{ ok: true }> {
  const who = requireAccount(options.auth);
  const rows = await options.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, options.id), eq(pushSubscriptions.accountId, who.account.id)))
    .returning({ id: pushSubscriptions.id });
  if (rows.length === 0) throw new AppError('notify.push_subscription_not_found', 404);
  return { ok: true };
}
