import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { answerOffer, findOffer } from './answer-offer.ts';
import { appendLog } from './log.ts';
import { requireCallbackStaff } from './policies.ts';
import { type CallbackCtx, lockNeed } from './round.ts';

/**
 * A supervisor phones the person holding an offer and logs the call: its outcome (accepted, refused,
 * no answer, message left) goes to the grievance log; an acceptance or refusal answers the offer exactly
 * as the person's own tap would (first acceptance wins). Audited.
 */
export async function logPhoneCall(
  ctx: CallbackCtx,
  input: {
    auth: AuthContext | null;
    ip?: string;
    orgId: string;
    offerId: string;
    outcome: 'accepted' | 'refused' | 'no_answer' | 'message_left';
    note?: string;
    now?: Date;
  },
) {
  const who = requireCallbackStaff(input.auth, input.orgId);
  const now = input.now ?? new Date();
  const { orgId } = input;
  const offer = await findOffer(ctx.db, orgId, input.offerId);
  const note = input.note?.trim().slice(0, 1000) || undefined;
  await ctx.db.transaction(async (tx) => {
    const need = await lockNeed(tx, orgId, offer.needId);
    if (need.status !== 'open' || offer.status !== 'pending')
      throw new AppError('callback.offer_closed', 409);
    await appendLog(tx, orgId, need.id, now, [
      {
        kind: 'phone_call',
        employeeId: offer.employeeId,
        rank: offer.rank,
        reason: input.outcome,
        actorAccountId: who.account.id,
        details: { offerId: offer.id, ...(note ? { note } : {}) },
      },
    ]);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'callback.phone_call',
      targetType: 'callback_offer',
      targetId: offer.id,
      ip: input.ip ?? null,
      details: { outcome: input.outcome },
    });
  });
  if (input.outcome === 'accepted' || input.outcome === 'refused')
    return answerOffer(ctx, {
      orgId,
      offerId: offer.id,
      answer: input.outcome === 'accepted' ? 'accept' : 'refuse',
      via: 'phone',
      actorAccountId: who.account.id,
      now,
      note,
    });
  return findOffer(ctx.db, orgId, offer.id);
}
