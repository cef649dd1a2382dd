import { and, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { findOffer } from './answer-offer.ts';
import { appendLog } from './log.ts';
import {
  advanceRound,
  type CallbackCtx,
  deliverOffers,
  lockNeed,
  type NeedRow,
  type OfferRow,
} from './round.ts';
import { callbackOffers } from './schema.ts';

/**
 * Closes an offer whose window has ended (the delayed job's handler) and offers the next person. Does
 * nothing when the offer was answered meanwhile or its window has not ended at `now` (a job that wakes
 * early): the conditional UPDATE decides, never a read.
 */
export async function expireOffer(
  ctx: CallbackCtx,
  input: { orgId: string; offerId: string; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  const { orgId } = input;
  const offer = await findOffer(ctx.db, orgId, input.offerId).catch(() => null);
  if (!offer) return false;
  const result = await ctx.db.transaction((tx) => expireInTx(tx, { orgId, offer, now }));
  if (!result) return false;
  await deliverOffers(ctx, orgId, result.need as NeedRow, result.next as OfferRow[]);
  return true;
}

/** The expiry inside a transaction: null when the offer is no longer pending or its window has not ended. */
export async function expireInTx(tx: Executor, input: { orgId: string; offer: OfferRow; now: Date }) {
  const { orgId, offer, now } = input;
  const need = await lockNeed(tx, orgId, offer.needId);
  const expired = await tx
    .update(callbackOffers)
    .set({ status: 'expired', answeredAt: offer.expiresAt, answeredVia: 'timer' })
    .where(
      inOrg(
        callbackOffers,
        orgId,
        eq(callbackOffers.id, offer.id),
        eq(callbackOffers.status, 'pending'),
        lte(callbackOffers.expiresAt, now),
      ),
    )
    .returning();
  if (expired.length === 0) return null;
  await appendLog(tx, orgId, need.id, now, [
    {
      kind: 'expired',
      employeeId: offer.employeeId,
      rank: offer.rank,
      details: { offerId: offer.id, expiresAt: offer.expiresAt.toISOString() },
    },
  ]);
  const next = await advanceRound(tx, { orgId, need, now });
  return { need, next };
}

/**
 * The safety net behind the delayed jobs (a lost job, a worker down at the time): closes every offer of
 * every organisation whose window ended. Returns how many were closed.
 */
export async function expireDueOffers(ctx: CallbackCtx, now: Date = new Date()): Promise<number> {
  // A system sweep across organisations; each offer is then handled inside its own organisation.
  const due = await ctx.db
    .select({ orgId: callbackOffers.orgId, id: callbackOffers.id })
    .from(callbackOffers)
    .where(and(eq(callbackOffers.status, 'pending'), lte(callbackOffers.expiresAt, now)))
    .orderBy(callbackOffers.expiresAt)
    .limit(500);
  let closed = 0;
  for (const o of due) if (await expireOffer(ctx, { orgId: o.orgId, offerId: o.id, now })) closed++;
  return closed;
}
