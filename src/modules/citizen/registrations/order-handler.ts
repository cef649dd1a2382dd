import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { OrderStateHandler } from '../../../platform/payments/hooks.ts';
import { confirmHeld, endRegistrations } from './lifecycle.ts';
import { afterTransaction, queueConfirmation, queueOfferNotices } from './notices.ts';

/**
 * What recreation does when one of its orders changes, inside the payment's transaction: paid (or its
 * first instalment paid) confirms the held registrations; cancelled (unpaid, e.g. the hold expired)
 * ends them and frees their places; fully refunded cancels those whose line had a price and frees their
 * places (a free line is never ended by a refund). A paid registration is never ended here by anything but
 * a full refund.
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
      // The platform refuses to cancel an order with a payment in flight (under the order's lock), so
      // no payment can land on this order once its places are given away.
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
      // Only the lines whose money went back: a free line was repaid nothing, and an order becomes
      // "refunded" as soon as what it collected is repaid, e.g. by the cancellation of its only paid line
      // (that registration was ended by its cancellation already).
      const repaid = change.lines.filter((l) => l.totalCents > 0).map((l) => l.reference);
      const { offered } = await endRegistrations(change.db, {
        orgId,
        ids: repaid,
        from: ['pending_payment', 'confirmed'],
        to: 'cancelled',
      });
      afterTransaction(() => queueOfferNotices(jobs, offered));
    }
  };
}
