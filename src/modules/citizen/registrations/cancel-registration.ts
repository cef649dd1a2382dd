import { eq } from 'drizzle-orm';
import type { StripeConfig } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { cancelOrder } from '../../../platform/payments/cancel-order.ts';
import { orderView } from '../../../platform/payments/order-view.ts';
import { refundForModule, refundOrder } from '../../../platform/payments/refund-order.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { activities } from '../activities/schema.ts';
import { findOwnRegistration } from './find-own-registration.ts';
import { endRegistrations } from './lifecycle.ts';
import { queueOfferNotices } from './notices.ts';
import { requireRecreationStaff } from './policies.ts';
import { refundFor } from './refund-rules.ts';
import { type RegistrationView, registrationView } from './registration-view.ts';
import { type RegistrationRow, registrations } from './schema.ts';

/** What a cancellation did: the registrations ended and the refund due or made. */
export interface Cancellation {
  registrations: RegistrationView[];
  refundCents: number;
  refunded: boolean;
}

/**
 * Cancels a registration under the activity's rules. Waiting or offered: it simply ends. Held and not
 * paid: its order is cancelled (with the order's other lines, as one payment covers them). Paid: the
 * place is freed for the next person waiting and the refund the rules allow (full until some days before
 * the start, then a percentage, less the fee) is recorded and sent back at once through the payments
 * module when the person cancels; staff cancelling choose whether to send it back.
 */
export async function cancelRegistration(options: {
  db: Database;
  jobs: JobQueue;
  stripeConfig: StripeConfig;
  auth: AuthContext | null;
  ip: string;
  locale: 'fr' | 'en';
  orgId: string;
  registrationId: string;
  staff?: { refund: boolean };
}): Promise<Cancellation> {
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  let registration: RegistrationRow;
  let staffId: string | null = null;
  if (options.staff) {
    staffId = requireRecreationStaff(options.auth, orgId).account.id;
    const [row] = await db
      .select()
      .from(registrations)
      .where(scope.where(registrations, eq(registrations.id, options.registrationId)));
    if (!row) throw new AppError('registration.not_found', 404);
    registration = row;
  } else {
    registration = (await findOwnRegistration(db, options.auth, orgId, options.registrationId)).registration;
  }
  const actor = staffId ?? options.auth?.account.id ?? null;
  const audit = async (details: Record<string, unknown>) => {
    if (!staffId) return;
    await recordAudit(db, {
      orgId,
      actorAccountId: staffId,
      ip: options.ip,
      action: 'citizen.registration_cancelled',
      targetType: 'citizen_registration',
      targetId: registration.id,
      subjectAccountId: registration.accountId,
      details,
    });
  };

  if (registration.status === 'pending_payment' && registration.orderId) {
    await cancelOrder({
      db,
      stripeConfig: options.stripeConfig,
      orgId,
      orderId: registration.orderId,
      reason: 'registration cancelled',
      eventSource: staffId
        ? { source: 'staff', actorAccountId: staffId }
        : { source: 'client', actorAccountId: actor },
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'payment.cannot_cancel')
        throw new AppError('registration.cannot_cancel', 409, { params: { status: 'paid' } });
      throw error;
    });
    const ended = await db
      .select()
      .from(registrations)
      .where(scope.where(registrations, eq(registrations.orderId, registration.orderId)));
    await audit({ orderId: registration.orderId });
    return { registrations: ended.map(registrationView), refundCents: 0, refunded: false };
  }
  if (!['pending_payment', 'waitlisted', 'offered', 'confirmed'].includes(registration.status))
    throw new AppError('registration.cannot_cancel', 409, { params: { status: registration.status } });

  let refundCents = 0;
  if (registration.status === 'confirmed' && registration.orderId) {
    const order = await orderView(db, orgId, registration.orderId);
    const [activity] = await db
      .select()
      .from(activities)
      .where(scope.where(activities, eq(activities.id, registration.activityId)));
    if (order && activity && order.totalCents > 0) {
      // With instalments, only the share of what was paid so far comes back.
      const paidShare = Math.floor(
        (registration.amountCents * Math.min(order.paidCents, order.totalCents)) / order.totalCents,
      );
      refundCents = Math.min(
        refundFor(activity, paidShare, todayInQuebec()),
        order.paidCents - order.refundedCents,
      );
    }
  }
  const { ended, offered } = await db.transaction((tx) =>
    endRegistrations(tx, {
      orgId,
      ids: [registration.id],
      from: [registration.status],
      to: 'cancelled',
      extra: { cancelledByAccountId: actor, refundCents },
    }),
  );
  if (!ended[0])
    throw new AppError('registration.cannot_cancel', 409, { params: { status: registration.status } });
  await queueOfferNotices(options.jobs, offered);
  let refunded = false;
  if (refundCents > 0 && registration.orderId) {
    if (options.staff) {
      if (options.staff.refund) {
        await refundOrder({
          db,
          auth: options.auth,
          ip: options.ip,
          locale: options.locale,
          stripeConfig: options.stripeConfig,
          orgId,
          orderId: registration.orderId,
          input: { amountCents: refundCents, reason: `Annulation / Cancellation ${registration.id}` },
        });
        refunded = true;
      }
    } else {
      // The person cancelled within the activity's rules: the refund they allow goes back at once, to
      // the card that paid. Refused by the payments module (another cancellation of the same order took
      // the money first), it stays due on the registration for staff to see; the cancellation stands.
      const sent = await refundForModule({
        db,
        stripeConfig: options.stripeConfig,
        locale: options.locale,
        orgId,
        orderId: registration.orderId,
        amountCents: refundCents,
        reason: `Annulation / Cancellation ${registration.id}`,
        eventSource: { source: 'client', actorAccountId: actor },
      }).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      refunded = sent !== null;
    }
  }
  await audit({ refundCents, refunded, from: registration.status });
  return { registrations: ended.map(registrationView), refundCents, refunded };
}
