import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { type EventSource, lockOrder, recordPaymentEvent } from './ledger.ts';
import { splitInstalments } from './money.ts';
import { providerOfPayment, type ResolvedPaymentSettings } from './payment-settings.ts';
import { sandboxCard } from './providers/sandbox.ts';
import type { ChargeResult, PaymentProvider } from './providers/types.ts';
import { orderInstalments, payments } from './schema.ts';
import { type Settlement, settlePayment } from './settle-payment.ts';
import { PAYABLE } from './state-machine.ts';

/** Whether a database error is a unique-key violation (Drizzle wraps the driver's error as `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '23505') return true;
  return false;
}

// How long a payment may stay between its creation and the provider's answer before it counts as abandoned.
const IN_FLIGHT_MS = 2 * 60_000;

/** The outcome of starting a payment: the payment, the provider's answer and the settlement if any. */
export interface StartedPayment {
  paymentId: string;
  amountCents: number;
  instalment: number;
  result: ChargeResult;
  settlement: Settlement | null;
}

/**
 * Resolves a payment left pending by an earlier attempt before a new one starts (or the order is
 * cancelled): asks the provider where it stands and settles it; one still open at the provider is
 * reused when it is for the same provider (the browser gets the same client secret back), or cancelled
 * there first so that it can never succeed afterwards.
 */
export async function resolvePending(
  db: Database,
  settings: ResolvedPaymentSettings,
  orgId: string,
  orderId: string,
  reuse: { provider: string } | null,
  source: EventSource,
): Promise<{ paymentId: string; amountCents: number; instalment: number; clientSecret: string } | null> {
  const scope = scopeOf(orgId);
  const [pending] = await db
    .select()
    .from(payments)
    .where(scope.where(payments, eq(payments.orderId, orderId), eq(payments.status, 'pending')));
  if (!pending) return null;
  const provider = providerOfPayment(settings, pending);
  if (pending.providerRef && provider.retrieve) {
    const state = await provider.retrieve(pending.providerRef);
    // Still open at the provider (a declined card may be retried on the same intent): hand it back.
    if (
      (state.status === 'pending' || state.status === 'failed') &&
      pending.provider === reuse?.provider &&
      state.clientSecret
    )
      return {
        paymentId: pending.id,
        amountCents: pending.amountCents,
        instalment: pending.instalment,
        clientSecret: state.clientSecret,
      };
    const open = state.status === 'pending' || state.status === 'failed';
    if (open && provider.cancel) await provider.cancel(pending.providerRef);
    const after = open ? await provider.retrieve(pending.providerRef) : state;
    if (after.status === 'pending') throw new AppError('payment.in_progress', 409);
    await db.transaction((tx) =>
      settlePayment(tx, {
        ...source,
        orgId,
        paymentId: pending.id,
        outcome:
          after.status === 'failed'
            ? { status: 'failed', failureCode: after.failureCode ?? 'declined', cardLast4: after.cardLast4 }
            : after.status === 'succeeded'
              ? { status: 'succeeded', cardLast4: after.cardLast4 }
              : { status: 'cancelled' },
      }),
    );
    return null;
  }
  // Without a provider reference the payment is either being charged right now by another request, or
  // was abandoned half-way (the process stopped): only an old one is closed.
  if (Date.now() - pending.createdAt.getTime() < IN_FLIGHT_MS) throw new AppError('payment.in_progress', 409);
  await db.transaction((tx) =>
    settlePayment(tx, { ...source, orgId, paymentId: pending.id, outcome: { status: 'cancelled' } }),
  );
  return null;
}

/**
 * Closes at the provider the intents of earlier declined attempts before a new one starts: a declined
 * Stripe intent can still be paid later from an old browser tab, which would charge the order twice.
 * One that succeeded in the meantime is settled instead.
 */
export async function closeDeclinedIntents(
  db: Database,
  settings: ResolvedPaymentSettings,
  orgId: string,
  orderId: string,
  source: EventSource,
): Promise<void> {
  const scope = scopeOf(orgId);
  const declined = await db
    .select()
    .from(payments)
    .where(
      scope.where(
        payments,
        eq(payments.orderId, orderId),
        eq(payments.status, 'failed'),
        isNotNull(payments.providerRef),
      ),
    );
  for (const payment of declined) {
    const provider = providerOfPayment(settings, payment);
    if (!payment.providerRef || !provider.cancel || !provider.retrieve) continue;
    await provider.cancel(payment.providerRef);
    const state = await provider.retrieve(payment.providerRef);
    if (state.status === 'pending' || state.status === 'failed')
      throw new AppError('payment.in_progress', 409);
    await db.transaction((tx) =>
      settlePayment(tx, {
        ...source,
        orgId,
        paymentId: payment.id,
        outcome:
          state.status === 'succeeded'
            ? { status: 'succeeded', cardLast4: state.cardLast4 }
            : { status: 'cancelled' },
      }),
    );
  }
}

/** Decides what the next payment collects: the whole balance, or the next instalment (planning two if asked). */
async function planPayment(
  tx: Executor,
  order: NonNullable<Awaited<ReturnType<typeof lockOrder>>>,
  instalments: 1 | 2 | undefined,
): Promise<{ amountCents: number; instalment: number }> {
  const scope = scopeOf(order.orgId);
  const plan = await tx
    .select()
    .from(orderInstalments)
    .where(scope.where(orderInstalments, eq(orderInstalments.orderId, order.id)))
    .orderBy(asc(orderInstalments.number));
  const balance = order.totalCents - order.paidCents;
  if (order.paidCents > 0) {
    const next = plan.find((i) => i.status === 'due');
    return next
      ? { amountCents: next.amountCents, instalment: next.number }
      : { amountCents: balance, instalment: 1 };
  }
  if (instalments === 2) {
    if (!order.allowInstalments || !order.secondInstalmentDueAt)
      throw new AppError('payment.instalments_not_allowed', 422);
    const [first, second] = splitInstalments(order.totalCents);
    if (plan.length === 0) {
      await tx.insert(orderInstalments).values([
        scope.rows({ orderId: order.id, number: 1, amountCents: first, dueAt: new Date() }),
        scope.rows({
          orderId: order.id,
          number: 2,
          amountCents: second,
          dueAt: order.secondInstalmentDueAt,
        }),
      ]);
    }
    return { amountCents: first, instalment: 1 };
  }
  // Paying in full after choosing instalments (nothing paid yet) drops the plan.
  if (plan.length > 0)
    await tx
      .delete(orderInstalments)
      .where(scope.where(orderInstalments, eq(orderInstalments.orderId, order.id)));
  return { amountCents: balance, instalment: 1 };
}

/**
 * Starts collecting money for an order through a provider: at most one payment in flight per order (a
 * unique key), the amount decided under the order's lock, the provider called outside any transaction,
 * and its answer settled at once when it is final (sandbox, offline) or left for the webhook or the
 * browser's confirmation (Stripe).
 */
export async function startPayment(options: {
  db: Database;
  settings: ResolvedPaymentSettings;
  orgId: string;
  orderId: string;
  provider: PaymentProvider;
  instalments?: 1 | 2;
  cardNumber?: string;
  note?: string | null;
  eventSource: EventSource;
}): Promise<StartedPayment> {
  const { db, orgId, orderId, provider, eventSource } = options;
  const scope = scopeOf(orgId);
  const reused = await resolvePending(
    db,
    options.settings,
    orgId,
    orderId,
    { provider: provider.name },
    eventSource,
  );
  if (!reused) await closeDeclinedIntents(db, options.settings, orgId, orderId, eventSource);
  if (reused)
    return {
      paymentId: reused.paymentId,
      amountCents: reused.amountCents,
      instalment: reused.instalment,
      result: { status: 'requires_action', providerRef: '', clientSecret: reused.clientSecret },
      settlement: null,
    };
  const started = await db
    .transaction(async (tx) => {
      const order = await lockOrder(tx, orgId, orderId);
      if (!order) throw new AppError('payment.order_not_found', 404);
      if (!PAYABLE.includes(order.status))
        throw new AppError('payment.not_payable', 409, { params: { status: order.status } });
      const plan = await planPayment(tx, order, options.instalments);
      if (plan.amountCents <= 0)
        throw new AppError('payment.not_payable', 409, { params: { status: order.status } });
      const [payment] = await tx
        .insert(payments)
        .values(
          scope.rows({
            orderId,
            provider: provider.name,
            method: provider.method,
            amountCents: plan.amountCents,
            instalment: plan.instalment,
            testMode: provider.testMode,
            note: options.note ?? null,
            recordedByAccountId: eventSource.source === 'staff' ? (eventSource.actorAccountId ?? null) : null,
          }),
        )
        .returning();
      if (!payment) throw new Error('payment insert returned no row');
      await recordPaymentEvent(tx, {
        ...eventSource,
        orgId,
        orderId,
        paymentId: payment.id,
        type: 'payment.started',
        toStatus: 'pending',
        amountCents: payment.amountCents,
        details: {
          provider: provider.name,
          method: provider.method,
          instalment: plan.instalment,
          testMode: provider.testMode,
        },
      });
      return { payment, reference: order.reference };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('payment.in_progress', 409);
      throw error;
    });
  const { payment } = started;
  let result: ChargeResult;
  try {
    result = await provider.charge({
      orgId,
      orderId,
      paymentId: payment.id,
      reference: started.reference,
      amountCents: payment.amountCents,
      instalment: payment.instalment,
      description: started.reference,
      cardNumber: options.cardNumber,
    });
  } catch (error) {
    // Nothing was collected (refused input or the provider unreachable before answering): close it.
    await db.transaction((tx) =>
      settlePayment(tx, { ...eventSource, orgId, paymentId: payment.id, outcome: { status: 'cancelled' } }),
    );
    throw error;
  }
  const settlement = await db.transaction(async (tx) => {
    // The order's lock comes first here as everywhere: touching the payment before it would deadlock
    // with a concurrent attempt that holds the order and waits on this payment's unique key.
    await lockOrder(tx, orgId, orderId);
    if (result.providerRef)
      await tx
        .update(payments)
        .set({ providerRef: result.providerRef, updatedAt: sql`now()` })
        .where(scope.where(payments, eq(payments.id, payment.id), sql`${payments.providerRef} IS NULL`));
    if (result.status === 'requires_action') return null;
    const settled = await settlePayment(tx, {
      ...eventSource,
      orgId,
      paymentId: payment.id,
      outcome:
        result.status === 'succeeded'
          ? { status: 'succeeded', cardLast4: result.cardLast4 }
          : { status: 'failed', failureCode: result.failureCode, cardLast4: result.cardLast4 },
    });
    // The sandbox charges a second instalment itself at its due date, with the same public test card.
    const card = provider.name === 'sandbox' ? sandboxCard(options.cardNumber) : null;
    if (result.status === 'succeeded' && card && payment.instalment === 1)
      await tx
        .update(orderInstalments)
        .set({ sandboxCard: card })
        .where(
          scope.where(
            orderInstalments,
            and(eq(orderInstalments.orderId, orderId), eq(orderInstalments.number, 2)),
            eq(orderInstalments.status, 'due'),
          ),
        );
    return settled;
  });
  return {
    paymentId: payment.id,
    amountCents: payment.amountCents,
    instalment: payment.instalment,
    result,
    settlement,
  };
}
