import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { appendLog } from './log.ts';
import { requireCallbackStaff } from './policies.ts';
import { type CallbackCtx, lockNeed, tellClosed } from './round.ts';
import { callbackNeeds, callbackOffers } from './schema.ts';

/** Staff cancel an open need: pending offers are withdrawn and their people told. Audited and logged. */
export async function cancelNeed(
  ctx: CallbackCtx,
  input: { auth: AuthContext | null; ip?: string; orgId: string; needId: string; reason: string; now?: Date },
) {
  const who = requireCallbackStaff(input.auth, input.orgId);
  const now = input.now ?? new Date();
  const { orgId } = input;
  const { need, withdrawn } = await ctx.db.transaction(async (tx) => {
    const need = await lockNeed(tx, orgId, input.needId);
    if (need.status !== 'open') throw new AppError('callback.need_closed', 409);
    await tx
      .update(callbackNeeds)
      .set({ status: 'cancelled', closedAt: now })
      .where(inOrg(callbackNeeds, orgId, eq(callbackNeeds.id, need.id)));
    const withdrawn = await tx
      .update(callbackOffers)
      .set({ status: 'withdrawn', answeredAt: now, answeredVia: 'system' })
      .where(
        and(
          inOrg(callbackOffers, orgId, eq(callbackOffers.needId, need.id)),
          eq(callbackOffers.status, 'pending'),
        ),
      )
      .returning();
    await appendLog(tx, orgId, need.id, now, [
      ...withdrawn.map((w) => ({
        kind: 'withdrawn' as const,
        employeeId: w.employeeId,
        rank: w.rank,
        reason: 'cancelled',
        details: { offerId: w.id },
      })),
      { kind: 'cancelled', actorAccountId: who.account.id, reason: input.reason.trim() || null },
    ]);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'callback.need_cancelled',
      targetType: 'callback_need',
      targetId: need.id,
      ip: input.ip ?? null,
      details: { reference: need.reference, reason: input.reason },
    });
    return { need, withdrawn };
  });
  await tellClosed(
    ctx,
    orgId,
    need,
    withdrawn.map((w) => ({ employeeId: w.employeeId, outcome: 'cancelled' as const })),
  );
  return { ok: true };
}
