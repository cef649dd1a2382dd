import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { alertSubscriptions } from './schema.ts';

/** A person's subscription to a town's alerts (null when none). */
export interface AlertSubscriptionView {
  label: string;
  point: [number, number] | null;
}

/** The signed-in person's subscription to a town's alerts. */
export async function getMyAlertSubscription(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<{ subscription: AlertSubscriptionView | null }> {
  const who = requireAccount(options.auth);
  const [row] = await options.db
    .select()
    .from(alertSubscriptions)
    .where(inOrg(alertSubscriptions, options.orgId, eq(alertSubscriptions.accountId, who.account.id)));
  return {
    subscription: row
      ? {
          label: row.label,
          point: row.latitude !== null && row.longitude !== null ? [row.latitude, row.longitude] : null,
        }
      : null,
  };
}

/**
 * Subscribes the signed-in person to a town's alerts (whole territory, or around a point), or removes
 * the subscription. Channels follow the person's own choices for the emergency category.
 */
export async function setMyAlertSubscription(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  input: { subscribed: boolean; label?: string; point?: [number, number] | null };
}): Promise<{ subscription: AlertSubscriptionView | null }> {
  const who = requireAccount(options.auth);
  const where = inOrg(alertSubscriptions, options.orgId, eq(alertSubscriptions.accountId, who.account.id));
  if (!options.input.subscribed) {
    await options.db.delete(alertSubscriptions).where(where);
    return { subscription: null };
  }
  const point = options.input.point ?? null;
  const values = {
    label: options.input.label ?? '',
    latitude: point ? point[0] : null,
    longitude: point ? point[1] : null,
  };
  await options.db
    .insert(alertSubscriptions)
    .values(scopeOf(options.orgId).rows({ accountId: who.account.id, ...values }))
    .onConflictDoUpdate({ target: [alertSubscriptions.orgId, alertSubscriptions.accountId], set: values });
  return { subscription: { label: values.label, point } };
}
