import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { StripeConfig } from '../../../config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { cancelOrder } from '../../../platform/payments/cancel-order.ts';
import { endRegistrations } from './lifecycle.ts';
import { queueOfferNotices } from './notices.ts';
import { registrations } from './schema.ts';

const BATCH = 200;

/**
 * Releases the places of registrations held past their payment deadline. With an order, the order is
 * cancelled (the payment module refuses if money arrived in the meantime, and its change ends the
 * registrations through the order handler); without one, the registration ends here. Either way the
 * place goes to the next person waiting.
 */
export async function expireHolds(options: {
  db: Database;
  jobs: JobQueue;
  stripeConfig: StripeConfig;
}): Promise<number> {
  const { db, jobs } = options;
  const due = await db
    .select({ orgId: registrations.orgId, id: registrations.id, orderId: registrations.orderId })
    .from(registrations)
    .where(and(eq(registrations.status, 'pending_payment'), lt(registrations.holdExpiresAt, sql`now()`)))
    .limit(BATCH);
  let n = 0;
  for (const orderId of new Set(due.map((d) => d.orderId).filter((o): o is string => !!o))) {
    const orgId = due.find((d) => d.orderId === orderId)?.orgId as string;
    try {
      await cancelOrder({
        db,
        stripeConfig: options.stripeConfig,
        orgId,
        orderId,
        reason: 'registration hold expired',
      });
      n++;
    } catch {
      // Paid or being paid at this very moment: the payment decides.
    }
  }
  for (const d of due.filter((x) => !x.orderId)) {
    const { ended, offered } = await db.transaction((tx) =>
      endRegistrations(tx, {
        orgId: d.orgId,
        ids: [d.id],
        from: ['pending_payment'],
        to: 'expired',
        deadline: 'hold',
      }),
    );
    n += ended.length;
    await queueOfferNotices(jobs, offered);
  }
  return n;
}

/** Ends waitlist offers nobody accepted in time; each place goes on to the next person waiting. */
export async function expireOffers(options: { db: Database; jobs: JobQueue }): Promise<number> {
  const { db, jobs } = options;
  const due = await db
    .select({ orgId: registrations.orgId, id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.status, 'offered'),
        isNotNull(registrations.offerExpiresAt),
        lt(registrations.offerExpiresAt, sql`now()`),
      ),
    )
    .limit(BATCH);
  let n = 0;
  for (const d of due) {
    const { ended, offered } = await db.transaction((tx) =>
      endRegistrations(tx, {
        orgId: d.orgId,
        ids: [d.id],
        from: ['offered'],
        to: 'offer_expired',
        deadline: 'offer',
      }),
    );
    n += ended.length;
    await queueOfferNotices(jobs, offered);
  }
  return n;
}
