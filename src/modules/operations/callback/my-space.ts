import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { answerOffer, findOffer } from './answer-offer.ts';
import { deadlineDaysOf } from './availability.ts';
import { availabilityEffectiveFrom, callOrder, localParts, weekOf } from './call-order.ts';
import { availabilityHistory } from './candidates.ts';
import { verifyOfferToken } from './offer-token.ts';
import { requireSelfEmployee } from './policies.ts';
import type { CallbackCtx, OfferRow } from './round.ts';
import { rulesFor } from './rules.ts';
import { callbackEmployees, callbackNeeds, callbackOffers } from './schema.ts';

const HOUR = 3_600_000;

async function offerViews(db: Executor, orgId: string, offers: OfferRow[]) {
  const ids = [...new Set(offers.map((o) => o.needId))];
  const needs = ids.length
    ? await db
        .select()
        .from(callbackNeeds)
        .where(inOrg(callbackNeeds, orgId, inArray(callbackNeeds.id, ids)))
    : [];
  return offers.map((o) => {
    const n = needs.find((x) => x.id === o.needId);
    return {
      id: o.id,
      status: o.status,
      offeredAt: o.offeredAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
      answeredAt: o.answeredAt?.toISOString() ?? null,
      answeredVia: o.answeredVia,
      need: {
        reference: n?.reference ?? '',
        jobClass: n?.jobClass ?? '',
        place: n?.place ?? '',
        startsAt: n?.startsAt.toISOString() ?? '',
        endsAt: n?.endsAt.toISOString() ?? '',
        status: n?.status ?? 'open',
      },
    };
  });
}

/**
 * The person's own space: their record, their rank on the list of each job class (transparency), hours
 * worked (this week, in the period, upcoming), their availabilities (in effect and coming) with the
 * deadline, and their offers. Only their own: the account must be linked to the record.
 */
export async function getMySpace(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  now?: Date;
}) {
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const { employee } = await requireSelfEmployee(db, options.auth, orgId);
  const everyone = await db
    .select()
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, eq(callbackEmployees.active, true)));
  const ranks = [];
  for (const jobClass of employee.jobClasses) {
    const rules = await rulesFor(db, orgId, jobClass);
    // Rank by seniority alone (the order before the rules of a given shift skip anyone).
    const order = callOrder(
      { ...rules, equalDistribution: false },
      { jobClass, startsAt: now, endsAt: now, qualifications: [], urgent: false },
      everyone.map((e) => ({ ...e, slots: [], absences: [], assignments: [], refusals: [] })),
    );
    ranks.push({
      jobClass,
      rank: order.findIndex((e) => e.id === employee.id) + 1,
      of: order.length,
      basis: rules.seniorityBasis,
    });
  }
  const periodFrom = new Date(now.getTime() - 28 * 24 * HOUR);
  const shifts = await db
    .select()
    .from(callbackNeeds)
    .where(
      inOrg(
        callbackNeeds,
        orgId,
        eq(callbackNeeds.status, 'filled'),
        eq(callbackNeeds.filledBy, employee.id),
        gte(callbackNeeds.startsAt, periodFrom),
      ),
    )
    .orderBy(asc(callbackNeeds.startsAt));
  const hoursOf = (n: { startsAt: Date; endsAt: Date }) => (n.endsAt.getTime() - n.startsAt.getTime()) / HOUR;
  const week = weekOf(now);
  const offers = await db
    .select()
    .from(callbackOffers)
    .where(and(inOrg(callbackOffers, orgId), eq(callbackOffers.employeeId, employee.id)))
    .orderBy(desc(callbackOffers.offeredAt))
    .limit(50);
  const history = await availabilityHistory(db, orgId, employee.id);
  const today = localParts(now).date;
  const inEffect = history.find((h) => h.effectiveFrom <= today) ?? null;
  const coming = history.filter((h) => h.effectiveFrom > today).at(0) ?? null;
  const deadlineDays = await deadlineDaysOf(db, orgId, employee);
  return {
    employee: {
      givenName: employee.givenName,
      familyName: employee.familyName,
      employeeNumber: employee.employeeNumber,
      jobClasses: employee.jobClasses,
      qualifications: employee.qualifications,
      seniorityHours: employee.seniorityHours,
      seniorityDate: employee.seniorityDate,
    },
    ranks,
    hours: {
      thisWeek: shifts
        .filter((s) => s.startsAt <= now && weekOf(s.startsAt) === week)
        .reduce((t, s) => t + hoursOf(s), 0),
      last28Days: shifts.filter((s) => s.startsAt <= now).reduce((t, s) => t + hoursOf(s), 0),
      upcoming: shifts
        .filter((s) => s.startsAt > now)
        .map((s) => ({
          reference: s.reference,
          jobClass: s.jobClass,
          place: s.place,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
        })),
    },
    availability: {
      inEffect: inEffect ? { effectiveFrom: inEffect.effectiveFrom, slots: inEffect.slots } : null,
      coming: coming ? { effectiveFrom: coming.effectiveFrom, slots: coming.slots } : null,
      deadlineDays,
      nextChangeFrom: availabilityEffectiveFrom(now, deadlineDays),
    },
    offers: await offerViews(db, orgId, offers),
  };
}

/** The person answers one of their own offers from their space (another person's offer is a 404). */
export async function answerMyOffer(
  ctx: CallbackCtx,
  options: {
    auth: AuthContext | null;
    orgId: string;
    offerId: string;
    answer: 'accept' | 'refuse';
    now?: Date;
  },
) {
  const { employee, who } = await requireSelfEmployee(ctx.db, options.auth, options.orgId);
  const offer = await answerOffer(ctx, {
    orgId: options.orgId,
    offerId: options.offerId,
    answer: options.answer,
    via: 'app',
    actorAccountId: who.account.id,
    now: options.now,
    check: (o) => {
      if (o.employeeId !== employee.id) throw new AppError('callback.offer_not_found', 404);
    },
  });
  return (await offerViews(ctx.db, options.orgId, [offer]))[0];
}

/** The offer a one-tap link names (no sign-in: the signed token is the proof), with its need. */
export async function getOfferByToken(options: { db: Database; orgId: string; token: string }) {
  const offerId = await verifyOfferToken(options.db, options.orgId, options.token);
  const offer = await findOffer(options.db, options.orgId, offerId);
  const [employee] = await options.db
    .select({ givenName: callbackEmployees.givenName })
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, options.orgId, eq(callbackEmployees.id, offer.employeeId)));
  const [view] = await offerViews(options.db, options.orgId, [offer]);
  return { ...(view as NonNullable<typeof view>), givenName: employee?.givenName ?? '' };
}

/** Answers through a one-tap link (the page posts it: links are never answered by a mere GET). */
export async function answerByToken(
  ctx: CallbackCtx,
  options: { orgId: string; token: string; answer: 'accept' | 'refuse'; now?: Date },
) {
  const offerId = await verifyOfferToken(ctx.db, options.orgId, options.token);
  await answerOffer(ctx, {
    orgId: options.orgId,
    offerId,
    answer: options.answer,
    via: 'link',
    actorAccountId: null,
    now: options.now,
  });
  return getOfferByToken({ db: ctx.db, orgId: options.orgId, token: options.token });
}
