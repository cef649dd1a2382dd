import { eq } from 'drizzle-orm';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { OrderStateHandler } from '../../../platform/payments/hooks.ts';
import { payments } from '../../../platform/payments/schema.ts';
import { confirmHeld, endRegistrations } from './lifecycle.ts';
import { afterTransaction, queueConfirmation, queueOfferNotices } from './notices.ts';

/**
 * What recreation does when one of its orders changes, inside the payment's transaction: paid (or its
 * first instalment paid) confirms the held registrations; cancelled (unpaid, e.g. the hold expired)
 * ends them and frees their places; fully refunded cancels them and frees their places. A paid
 * registration is never ended here by anything but a full refund.
 */
export function recreationOrderHandler(jobs: JobQueue): OrderStateHandler {
  return async (change) => {
    const ids = change.lines.map((l) => l.reference);
    const { orgId } = change;
    if (
      (change.to === 'paid' || change.to === 'partially_paid') &&
      ['pending', 'failed'].includes(change.from)
    ) {
      const confirmed = await confirmHeld(change.db, orgId, ids);
      if (confirmed.length > 0) afterTransaction(() => queueConfirmation(jobs, orgId, change.orderId));
      return;
    }
    if (change.to === 'cancelled') {
      // The payment module checks for a payment in flight before taking the order's lock; one started
      // in between would land on a cancelled order after the place was given away. Refusing here rolls
      // the cancellation back: the payment, already under way, decides.
      const [inFlight] = await change.db
        .select({ id: payments.id })
        .from(payments)
        .where(
          scopeOf(orgId).where(
            payments,
            eq(payments.orderId, change.orderId),
            eq(payments.status, 'pending'),
          ),
        )
        .limit(1);
      if (inFlight) throw new AppError('payment.in_progress', 409);
      const { offered } = await endRegistrations(change.db, {
        orgId,
        ids,
        from: ['pending_payment'],
        to: 'expired',
      });
      afterTransaction(() => queueOfferNotices(jobs, offered));
      return;
    }
    if (change.to === 'refunded') {
      const { offered } = await endRegistrations(change.db, {
        orgId,
        ids,
        from: ['pending_payment', 'confirmed'],
        to: 'cancelled',
      });
      afterTransaction(() => queueOfferNotices(jobs, offered));
    }
  };
}
