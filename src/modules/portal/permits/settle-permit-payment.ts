import type { OrderStateChange } from '../../../platform/payments/hooks.ts';
import { applyTransition, lockApplication } from './transition.ts';

/**
 * Called inside the payment's transaction when an order of permit fees changes state: once paid, each file
 * it pays for is received (a declaration acknowledged) and the legal clock starts. Anything else (refunds,
 * cancellations) is left to staff, who see the order's state on the file.
 */
export async function settlePermitPayment(change: OrderStateChange): Promise<void> {
  if (change.to !== 'paid') return;
  for (const line of change.lines) {
    const row = await lockApplication(change.db, change.orgId, line.reference);
    if (row.status !== 'awaiting_payment') continue;
    await applyTransition(change.db, row, {
      action: 'pay',
      actor: 'system',
      actorAccountId: null,
      message: change.testMode ? 'sandbox' : null,
      changes: { submittedAt: new Date() },
    });
  }
}
