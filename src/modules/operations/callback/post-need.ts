import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { type CallbackRules, localParts } from './call-order.ts';
import { appendLog } from './log.ts';
import { requireCallbackStaff } from './policies.ts';
import { advanceRound, type CallbackCtx, deliverOffers } from './round.ts';
import { rulesFor } from './rules.ts';
import { callbackNeeds } from './schema.ts';

/** A need as staff post it. */
export interface NeedInput {
  jobClass: string;
  startsAt: string;
  endsAt: string;
  place: string;
  qualifications?: string[];
  urgent?: boolean;
  note?: string;
}

/**
 * Staff post a need: it gets its reference and a copy of the rules in force for its job class, and its
 * round starts at once (the first offers go out). Audited.
 */
export async function postNeed(
  ctx: CallbackCtx,
  input: { auth: AuthContext | null; ip?: string; orgId: string; need: NeedInput; now?: Date },
) {
  const who = requireCallbackStaff(input.auth, input.orgId);
  const now = input.now ?? new Date();
  const { orgId } = input;
  const startsAt = new Date(input.need.startsAt);
  const endsAt = new Date(input.need.endsAt);
  if (!(endsAt > startsAt)) throw new AppError('callback.invalid_interval', 422);
  if (startsAt <= now) throw new AppError('callback.need_in_past', 422);
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new AppError('callback.not_found', 404);
  const jobClass = input.need.jobClass.trim();
  const rules = await rulesFor(ctx.db, orgId, jobClass);
  const { need, offers } = await ctx.db.transaction(async (tx) => {
    const reference = await nextReference(tx, {
      orgId,
      prefix: `${org.refPrefix}-RAP`,
      kind: 'callback_need',
      year: Number(localParts(now).date.slice(0, 4)),
    });
    const { need, offers } = await openNeedInTx(tx, {
      orgId,
      reference,
      input: { ...input.need, jobClass },
      rules,
      createdBy: who.account.id,
      now,
    });
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'callback.need_posted',
      targetType: 'callback_need',
      targetId: need.id,
      ip: input.ip ?? null,
      details: { reference, jobClass },
    });
    return { need, offers };
  });
  await deliverOffers(ctx, orgId, need, offers);
  return need;
}

/** Inserts a need with its rules, logs its posting and starts its round (inside the caller's transaction). */
export async function openNeedInTx(
  tx: Executor,
  input: {
    orgId: string;
    reference: string;
    input: NeedInput;
    rules: CallbackRules;
    createdBy: string | null;
    now: Date;
  },
) {
  const { orgId, rules, now } = input;
  const [need] = await tx
    .insert(callbackNeeds)
    .values({
      orgId,
      reference: input.reference,
      jobClass: input.input.jobClass,
      startsAt: new Date(input.input.startsAt),
      endsAt: new Date(input.input.endsAt),
      place: input.input.place.trim(),
      qualifications: [...new Set((input.input.qualifications ?? []).map((q) => q.trim()).filter(Boolean))],
      urgent: input.input.urgent ?? false,
      note: input.input.note?.trim() ?? '',
      rules,
      createdBy: input.createdBy,
    })
    .returning();
  if (!need) throw new Error('need insert returned nothing');
  await appendLog(tx, orgId, need.id, now, [
    {
      kind: 'posted',
      actorAccountId: input.createdBy,
      details: {
        jobClass: need.jobClass,
        startsAt: need.startsAt.toISOString(),
        endsAt: need.endsAt.toISOString(),
        place: need.place,
        qualifications: need.qualifications,
        urgent: need.urgent,
        rules,
      },
    },
  ]);
  const offers = await advanceRound(tx, { orgId, need, now, actorAccountId: input.createdBy });
  return { need, offers };
}
