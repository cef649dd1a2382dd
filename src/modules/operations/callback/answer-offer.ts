import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { appendLog, type LogEntry } from './log.ts';
import {
  advanceRound,
  type CallbackCtx,
  deliverOffers,
  lockNeed,
  type OfferRow,
  tellClosed,
} from './round.ts';
import { callbackEmployees, callbackNeeds, callbackOffers } from './schema.ts';

/** How an answer came in. */
export type AnswerVia = 'link' | 'app' | 'phone';

/** Loads an offer of the organisation, or a 404. */
export async function findOffer(db: Executor, orgId: string, offerId: string): Promise<OfferRow> {
  const [offer] = await db
    .select()
    .from(callbackOffers)
    .where(inOrg(callbackOffers, orgId, eq(callbackOffers.id, offerId)));
  if (!offer) throw new AppError('callback.offer_not_found', 404);
  return offer;
}

/** What an answer is. */
export interface AnswerInput {
  orgId: string;
  offerId: string;
  answer: 'accept' | 'refuse';
  via: AnswerVia;
  actorAccountId: string | null;
  now?: Date;
  note?: string;
  /** Checked on the offer before anything changes (the employee's own offer, for instance). */
  check?: (offer: OfferRow) => void;
}

/**
 * Records an answer to an offer. Acceptance is first-wins: under the need's row lock, the offer must still
 * be pending inside its window and the need still open, and both are changed by conditional UPDATEs; the
 * person must not hold an overlapping shift (or one within the minimum rest). The need's other pending
 * offers are withdrawn (their people are told after commit). A refusal moves the round to the next person.
 * Returns what to deliver after commit.
 */
export async function answerInTx(tx: Executor, input: AnswerInput) {
  const now = input.now ?? new Date();
  const { orgId } = input;
  const offer = await findOffer(tx, orgId, input.offerId);
  input.check?.(offer);
  const need = await lockNeed(tx, orgId, offer.needId);
  const answered = await tx
    .update(callbackOffers)
    .set({
      status: input.answer === 'accept' ? 'accepted' : 'refused',
      answeredAt: now,
      answeredVia: input.via,
    })
    .where(
      inOrg(
        callbackOffers,
        orgId,
        eq(callbackOffers.id, offer.id),
        eq(callbackOffers.status, 'pending'),
        gt(callbackOffers.expiresAt, now),
      ),
    )
    .returning();
  if (answered.length === 0) throw new AppError('callback.offer_closed', 409);
  const entries: LogEntry[] = [];
  const base = {
    employeeId: offer.employeeId,
    rank: offer.rank,
    actorAccountId: input.actorAccountId,
    details: { offerId: offer.id, via: input.via, ...(input.note ? { note: input.note } : {}) },
  };
  if (input.answer === 'refuse') {
    entries.push({ kind: 'refused', ...base });
    await appendLog(tx, orgId, need.id, now, entries);
    const next = await advanceRound(tx, { orgId, need, now, actorAccountId: input.actorAccountId });
    return { need, next, closed: [] as Array<{ employeeId: string; outcome: 'confirmed' | 'filled' }> };
  }
  // One person, one shift at a time: their row lock serialises their acceptances across needs.
  await tx
    .select({ id: callbackEmployees.id })
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, eq(callbackEmployees.id, offer.employeeId)))
    .for('update');
  const restMs = need.rules.minRestHours * 3_600_000;
  const [clash] = await tx
    .select({ id: callbackNeeds.id })
    .from(callbackNeeds)
    .where(
      inOrg(
        callbackNeeds,
        orgId,
        eq(callbackNeeds.status, 'filled'),
        eq(callbackNeeds.filledBy, offer.employeeId),
        ne(callbackNeeds.id, need.id),
        lt(callbackNeeds.startsAt, new Date(need.endsAt.getTime() + restMs)),
        gt(callbackNeeds.endsAt, new Date(need.startsAt.getTime() - restMs)),
      ),
    )
    .limit(1);
  if (clash) throw new AppError('callback.conflicting_shift', 409);
  const filled = await tx
    .update(callbackNeeds)
    .set({ status: 'filled', filledBy: offer.employeeId, filledAt: now, closedAt: now })
    .where(inOrg(callbackNeeds, orgId, eq(callbackNeeds.id, need.id), eq(callbackNeeds.status, 'open')))
    .returning();
  if (filled.length === 0) throw new AppError('callback.need_closed', 409);
  const withdrawn = await tx
    .update(callbackOffers)
    .set({ status: 'withdrawn', answeredAt: now, answeredVia: 'system' })
    .where(
      and(
        inOrg(callbackOffers, orgId, eq(callbackOffers.needId, need.id)),
        eq(callbackOffers.status, 'pending'),
      ),
    )
    .returning({ employeeId: callbackOffers.employeeId, rank: callbackOffers.rank, id: callbackOffers.id });
  entries.push({ kind: 'accepted', ...base });
  for (const w of withdrawn)
    entries.push({
      kind: 'withdrawn',
      employeeId: w.employeeId,
      rank: w.rank,
      reason: 'filled',
      details: { offerId: w.id },
    });
  entries.push({
    kind: 'filled',
    employeeId: offer.employeeId,
    rank: offer.rank,
    details: { offerId: offer.id },
  });
  await appendLog(tx, orgId, need.id, now, entries);
  return {
    need,
    next: [] as OfferRow[],
    closed: [
      { employeeId: offer.employeeId, outcome: 'confirmed' as const },
      ...withdrawn.map((w) => ({ employeeId: w.employeeId, outcome: 'filled' as const })),
    ],
  };
}

/**
 * Records an answer and, after commit, sends the next offers and tells the people whose offer closed.
 */
export async function answerOffer(ctx: CallbackCtx, input: AnswerInput) {
  const { orgId } = input;
  const result = await ctx.db.transaction((tx) => answerInTx(tx, input));
  await deliverOffers(ctx, orgId, result.need, result.next);
  await tellClosed(ctx, orgId, result.need, result.closed);
  return findOffer(ctx.db, orgId, input.offerId);
}
