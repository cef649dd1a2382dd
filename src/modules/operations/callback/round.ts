import { eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { Channel } from '../../../platform/notify/categories.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { evaluateRound, type NeedFacts, nextToOffer, responseWindowMinutes } from './call-order.ts';
import { loadCandidates } from './candidates.ts';
import { appendLog, type LogEntry } from './log.ts';
import { OFFER_CLOSED_TEMPLATE, OFFER_TEMPLATE, type OfferClosedParams } from './notifications.ts';
import { signOfferToken } from './offer-token.ts';
import { callbackEmployees, callbackLog, callbackNeeds, callbackOffers } from './schema.ts';

/** What the round's use cases need besides the request. */
export interface CallbackCtx {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
}

/** The queue whose delayed jobs close an offer when its window ends. */
export const OFFER_EXPIRY_QUEUE = 'callback.offer-expiry';

export type NeedRow = typeof callbackNeeds.$inferSelect;
export type OfferRow = typeof callbackOffers.$inferSelect;

/** Locks a need's row for the rest of the transaction: every writer of a round goes through here. */
export async function lockNeed(tx: Executor, orgId: string, needId: string): Promise<NeedRow> {
  const [need] = await tx
    .select()
    .from(callbackNeeds)
    .where(inOrg(callbackNeeds, orgId, eq(callbackNeeds.id, needId)))
    .for('update');
  if (!need) throw new AppError('callback.need_not_found', 404);
  return need;
}

/** The facts of a need the pure rules read. */
export function factsOf(need: NeedRow): NeedFacts {
  return {
    jobClass: need.jobClass,
    startsAt: need.startsAt,
    endsAt: need.endsAt,
    qualifications: need.qualifications,
    urgent: need.urgent,
  };
}

/**
 * Moves a round forward (inside a transaction holding the need's lock): evaluates the list under the need's
 * rules, logs who is considered and who is passed over and why, and makes the next offers; when nobody is
 * left and no offer is pending, the need is marked unfilled. Returns the offers to deliver after commit.
 */
export async function advanceRound(
  tx: Executor,
  input: { orgId: string; need: NeedRow; now: Date; actorAccountId?: string | null },
): Promise<OfferRow[]> {
  const { orgId, need, now } = input;
  if (need.status !== 'open') return [];
  const offers = await tx
    .select()
    .from(callbackOffers)
    .where(inOrg(callbackOffers, orgId, eq(callbackOffers.needId, need.id)));
  const pending = offers.filter((o) => o.status === 'pending').length;
  const rules = need.rules;
  const facts = factsOf(need);
  const candidates = await loadCandidates(tx, orgId, need, rules);
  const decisions = evaluateRound({
    rules,
    need: facts,
    candidates,
    offered: new Set(offers.map((o) => o.employeeId)),
  });
  const picks = nextToOffer(decisions, rules, pending);
  const entries: LogEntry[] = [];
  const [considered] = await tx
    .select({ id: callbackLog.id })
    .from(callbackLog)
    .where(inOrg(callbackLog, orgId, eq(callbackLog.needId, need.id), eq(callbackLog.kind, 'considered')))
    .limit(1);
  if (!considered)
    for (const d of decisions)
      entries.push({
        kind: 'considered',
        employeeId: d.employeeId,
        rank: d.rank,
        reason: d.reason,
        details: { eligible: d.eligible, seniority: d.seniority, periodHours: d.periodHours, ...d.detail },
      });
  // Everyone ranked before the last person offered now (or everyone, when nobody is) and passed over.
  const lastRank = picks.length > 0 ? (picks[picks.length - 1]?.rank ?? 0) : Number.POSITIVE_INFINITY;
  if (picks.length > 0 || pending === 0)
    for (const d of decisions)
      if (d.rank < lastRank && !d.eligible && d.reason !== 'already_offered')
        entries.push({
          kind: 'skipped',
          employeeId: d.employeeId,
          rank: d.rank,
          reason: d.reason,
          details: d.detail,
        });
  const minutes = responseWindowMinutes(rules, facts, now);
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  const hours = (need.endsAt.getTime() - need.startsAt.getTime()) / 3_600_000;
  let created: OfferRow[] = [];
  if (picks.length > 0) {
    created = await tx
      .insert(callbackOffers)
      .values(
        picks.map((p) => ({
          orgId,
          needId: need.id,
          employeeId: p.employeeId,
          rank: p.rank,
          offeredAt: now,
          expiresAt,
          hours,
        })),
      )
      .returning();
    for (const o of created)
      entries.push({
        kind: 'offered',
        employeeId: o.employeeId,
        rank: o.rank,
        actorAccountId: input.actorAccountId ?? null,
        details: { offerId: o.id, windowMinutes: minutes, expiresAt: expiresAt.toISOString() },
      });
  } else if (pending === 0) {
    await tx
      .update(callbackNeeds)
      .set({ status: 'unfilled', closedAt: now })
      .where(inOrg(callbackNeeds, orgId, eq(callbackNeeds.id, need.id)));
    entries.push({ kind: 'unfilled', details: { listSize: decisions.length } });
  }
  await appendLog(tx, orgId, need.id, now, entries);
  return created;
}

async function contacts(db: Executor, orgId: string, employeeIds: string[]) {
  if (employeeIds.length === 0) return new Map<string, typeof callbackEmployees.$inferSelect>();
  const rows = await db
    .select()
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, inArray(callbackEmployees.id, employeeIds)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Sends one message to a person of the list on their contact channels (and their account, if linked). */
async function tell(
  ctx: CallbackCtx,
  orgId: string,
  employee: typeof callbackEmployees.$inferSelect,
  template: string,
  params: Record<string, unknown>,
) {
  const channels = employee.channels as Channel[];
  const direct = channels.filter((c) => c === 'email' || c === 'sms');
  if (direct.length > 0 && (employee.email || employee.phone))
    await notify(ctx, {
      orgId,
      category: 'jobs',
      template,
      params,
      urgency: 'high',
      channels: direct,
      to: {
        email: direct.includes('email') ? (employee.email ?? undefined) : undefined,
        phone: direct.includes('sms') ? (employee.phone ?? undefined) : undefined,
        locale: employee.locale,
      },
    });
  const viaAccount = channels.filter((c) => c === 'push' || c === 'inapp');
  if (employee.accountId && viaAccount.length > 0)
    await notify(ctx, {
      orgId,
      accountId: employee.accountId,
      category: 'jobs',
      template,
      params,
      urgency: 'high',
      channels: viaAccount,
    });
}

/**
 * After commit: sends each new offer with its signed one-tap link and schedules the job that closes it
 * when its window ends.
 */
export async function deliverOffers(ctx: CallbackCtx, orgId: string, need: NeedRow, offers: OfferRow[]) {
  if (offers.length === 0) return;
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, orgId));
  const people = await contacts(
    ctx.db,
    orgId,
    offers.map((o) => o.employeeId),
  );
  for (const offer of offers) {
    await ctx.jobs.send(
      OFFER_EXPIRY_QUEUE,
      { orgId, offerId: offer.id },
      { startAfter: offer.expiresAt, singletonKey: offer.id },
    );
    const employee = people.get(offer.employeeId);
    if (!employee) continue;
    const token = await signOfferToken(ctx.db, orgId, offer.id);
    await tell(ctx, orgId, employee, OFFER_TEMPLATE, {
      orgName: { fr: org?.nameFr ?? '', en: org?.nameEn ?? '' },
      reference: need.reference,
      jobClass: need.jobClass,
      place: need.place,
      startsAt: need.startsAt.toISOString(),
      endsAt: need.endsAt.toISOString(),
      expiresAt: offer.expiresAt.toISOString(),
      url: `${ctx.publicUrl}/${org?.slug ?? orgId}/callback/offer/${token}`,
    });
  }
}

/** After commit: tells people their offer ended (confirmed for the one who accepted, filled or cancelled for the others). */
export async function tellClosed(
  ctx: CallbackCtx,
  orgId: string,
  need: NeedRow,
  who: Array<{ employeeId: string; outcome: OfferClosedParams['outcome'] }>,
) {
  const people = await contacts(
    ctx.db,
    orgId,
    who.map((w) => w.employeeId),
  );
  for (const w of who) {
    const employee = people.get(w.employeeId);
    if (!employee) continue;
    await tell(ctx, orgId, employee, OFFER_CLOSED_TEMPLATE, {
      reference: need.reference,
      jobClass: need.jobClass,
      startsAt: need.startsAt.toISOString(),
      outcome: w.outcome,
    });
  }
}
