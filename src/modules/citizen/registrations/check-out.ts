import { inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { OrderView } from '../../../platform/payments/order-view.ts';
import { isUniqueViolation } from '../../../platform/payments/start-payment.ts';
import type { PersonRow } from '../../../platform/people/self-person.ts';
import type { activities, seasons } from '../activities/schema.ts';
import { residentStanding } from '../residency/resident-status.ts';
import { requireAdmission } from '../waiting-room/waiting-room.ts';
import { cartActivities, liveRegistrations } from './checkout-reads.ts';
import { describeProblems } from './describe-problems.ts';
import { checkRules, type Problem } from './eligibility.ts';
import { type Household, loadHousehold, memberToActFor } from './household.ts';
import { orderFor } from './order-for.ts';
import { admitInTurn } from './place-batcher.ts';
import { type NewRegistration, takePlacesAndRegister, waitlistAndRegister } from './places.ts';
import { familyDiscounts, listPrice } from './pricing.ts';
import { type RegistrationView, registrationView } from './registration-view.ts';
import { type PriceCategory, type RegistrationRow, registrations } from './schema.ts';

/** One line of a cart: an activity for a member of the household. */
export interface CartItem {
  activityId: string;
  personId: string;
}

/** What a checkout did: places held (to pay) or taken, waitlist positions, and the order to pay. */
export interface CheckoutResult {
  registrations: RegistrationView[];
  order: Pick<OrderView, 'id' | 'reference' | 'status' | 'totalCents' | 'allowInstalments'> | null;
}

export const MAX_CART_ITEMS = 20;

type ActivityWithSeason = { activity: typeof activities.$inferSelect; season: typeof seasons.$inferSelect };

/**
 * Registers the members of a household to the activities of a cart, in one transaction: every rule is
 * checked first (all problems reported at once, nothing lost), then each activity's places are taken by
 * one conditional UPDATE (all the household's places in an activity at once, activities in a fixed
 * order so carts never deadlock). A full activity puts its people on the waitlist when the person
 * accepted it, else the whole cart is refused. The answer is sent only after the commit; the order to pay
 * is created right after it.
 */
export async function checkOut(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  orgId: string;
  locale: 'fr' | 'en';
  queueToken?: string | null;
  queueTokenFor?: (seasonId: string) => string | null | undefined;
  input: { items: CartItem[]; acceptWaitlist?: boolean };
  now?: Date;
  /** Staff at the counter or on the phone register for a household they found (audited by the caller). */
  counter?: { household: Household; staffAccountId: string; source: 'counter' | 'phone' };
}): Promise<CheckoutResult> {
  const { db, orgId, locale } = options;
  const now = options.now ?? new Date();
  const household = options.counter?.household ?? (await loadHousehold(db, options.auth));
  const items = options.input.items;
  if (items.length === 0 || items.length > MAX_CART_ITEMS)
    throw new AppError('validation.failed', 400, { details: { fields: [] } });
  const keys = new Set(items.map((i) => `${i.activityId}:${i.personId}`));
  if (keys.size !== items.length) throw new AppError('registration.cart_duplicate', 400);

  const actingFor = new Map<string, PersonRow>();
  for (const item of items) actingFor.set(item.personId, memberToActFor(household, item.personId));
  const scope = scopeOf(orgId);
  const activityIds = [...new Set(items.map((i) => i.activityId))];
  const found: ActivityWithSeason[] = await cartActivities(db, orgId, activityIds);
  const byId = new Map(found.map((f) => [f.activity.id, f]));
  if (activityIds.some((id) => !byId.has(id))) throw new AppError('activity.not_found', 404);

  if (!options.counter)
    for (const season of new Map(found.map((f) => [f.season.id, f.season])).values())
      await requireAdmission({
        db,
        season,
        accountId: household.accountId,
        token: options.queueTokenFor?.(season.id) ?? options.queueToken,
        now,
      });

  const standing = await residentStanding(db, { orgId, householdId: household.self.householdId });
  const category: PriceCategory = standing.category;
  const problems: Array<{ index: number; problem: Problem }> = [];
  const ages = new Map<string, number | null>();
  items.forEach((item, index) => {
    const { activity, season } = byId.get(item.activityId) as ActivityWithSeason;
    const person = actingFor.get(item.personId) as PersonRow;
    // Staff may register outside the windows (a late registration at the counter), never outside the ages.
    const checked = checkRules({ activity, season, person, category, now, locale });
    ages.set(`${item.activityId}:${item.personId}`, checked.age);
    for (const problem of checked.problems)
      if (!options.counter || !problem.code.startsWith('registration.window'))
        problems.push({ index, problem });
  });
  // One read for both "already registered" and the family discount: the household's live registrations.
  const seasonIds = [...new Set(found.map((f) => f.season.id))];
  const live = await liveRegistrations(db, orgId, household.self.householdId, seasonIds);
  const existing = live;
  items.forEach((item, index) => {
    if (!existing.some((e) => e.activityId === item.activityId && e.personId === item.personId)) return;
    const { activity } = byId.get(item.activityId) as ActivityWithSeason;
    const name = (actingFor.get(item.personId) as PersonRow).givenName;
    const title = locale === 'fr' ? activity.titleFr : activity.titleEn;
    problems.push({
      index,
      problem: { code: 'registration.already_registered', params: { name, title }, status: 409 },
    });
  });
  if (problems.length > 0) throw describeProblems(problems, items, locale);

  // Children of the household already in the season count for the family discount of this cart.
  const counted = live.filter((r) => r.status === 'pending_payment' || r.status === 'confirmed');
  const prices = new Map<string, { list: number; percent: number; amount: number }>();
  for (const seasonId of seasonIds) {
    const season = found.find((f) => f.season.id === seasonId)?.season;
    const lines = items
      .filter((i) => byId.get(i.activityId)?.season.id === seasonId)
      .map((i) => ({
        key: `${i.activityId}:${i.personId}`,
        personId: i.personId,
        isChild: actingFor.get(i.personId)?.role === 'dependant',
        listPriceCents: listPrice((byId.get(i.activityId) as ActivityWithSeason).activity, category),
      }));
    const already = new Set(counted.filter((c) => c.seasonId === seasonId).map((c) => c.personId));
    const discounts = familyDiscounts(season?.familyDiscounts ?? [], lines, already);
    for (const line of lines) {
      const d = discounts.get(line.key) ?? { percent: 0, amountCents: line.listPriceCents };
      prices.set(line.key, { list: line.listPriceCents, percent: d.percent, amount: d.amountCents });
    }
  }

  // Each activity's people are admitted by one statement that takes their places (or their waitlist
  // positions) and inserts their registrations together. A cart of one activity joins the activity's
  // group commit (place-batcher.ts); a cart of several runs them in one transaction, activities in id
  // order, so that a full one undoes the others and two carts never deadlock.
  const peopleOf = (activityId: string): NewRegistration[] =>
    items
      .filter((i) => i.activityId === activityId)
      .map((item) => {
        const person = actingFor.get(item.personId) as PersonRow;
        const key = `${item.activityId}:${item.personId}`;
        const price = prices.get(key) ?? { list: 0, percent: 0, amount: 0 };
        return {
          id: newId(),
          activityId,
          personId: person.id,
          householdId: person.householdId,
          accountId: household.accountId,
          givenName: person.givenName,
          familyName: person.familyName,
          birthDate: person.birthDate,
          priceCategory: category,
          residentOrgId: standing.residentOrgId,
          ageAtReference: ages.get(key) ?? null,
          listPriceCents: price.list,
          discountPercent: price.percent,
          amountCents: price.amount,
          source: options.counter?.source ?? 'online',
          createdByAccountId: options.counter?.staffAccountId ?? household.accountId,
        };
      });
  const admit = async (tx: Executor, activityId: string): Promise<RegistrationRow[] | null> => {
    const { season } = byId.get(activityId) as ActivityWithSeason;
    const people = peopleOf(activityId);
    // A place freed between the two statements sends us back to take it (rare; bounded).
    for (let attempt = 0; attempt < 5; attempt++) {
      const placed = await takePlacesAndRegister(tx, {
        orgId,
        activityId,
        people,
        holdMinutes: season.holdMinutes,
      });
      if (placed.length > 0) return placed;
      if (!options.input.acceptWaitlist) return null;
      const waiting = await waitlistAndRegister(tx, { orgId, activityId, people });
      if (waiting.length > 0) return waiting;
    }
    return null;
  };
  const fullProblems = (activityId: string) => {
    const { activity } = byId.get(activityId) as ActivityWithSeason;
    const title = locale === 'fr' ? activity.titleFr : activity.titleEn;
    return items
      .filter((i) => i.activityId === activityId)
      .map((i) => ({
        index: items.indexOf(i),
        problem: { code: 'registration.full', params: { title }, status: 409 } as Problem,
      }));
  };
  const admitAll = async (tx: Executor): Promise<RegistrationRow[]> => {
    const all: RegistrationRow[] = [];
    const full: Array<{ index: number; problem: Problem }> = [];
    for (const activityId of [...activityIds].sort()) {
      const admitted = await admit(tx, activityId);
      if (admitted) all.push(...admitted);
      else full.push(...fullProblems(activityId));
    }
    if (full.length > 0) throw describeProblems(full, items, locale);
    return all;
  };
  // A cart of one activity (nearly every cart on opening day) joins that activity's group commit.
  const admitAlone = async (activityId: string): Promise<RegistrationRow[]> => {
    const { season } = byId.get(activityId) as ActivityWithSeason;
    const admitted = await admitInTurn(
      db,
      { orgId, activityId, holdMinutes: season.holdMinutes },
      { people: peopleOf(activityId), acceptWaitlist: options.input.acceptWaitlist === true },
    );
    if (!admitted) throw describeProblems(fullProblems(activityId), items, locale);
    return admitted;
  };
  const [only] = activityIds;
  const rows = await (activityIds.length === 1 && only ? admitAlone(only) : db.transaction(admitAll)).catch(
    (error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('registration.registered_meanwhile', 409);
      throw error;
    },
  );

  const held = rows.filter((r) => r.status === 'pending_payment');
  let order: OrderView | null = null;
  if (held.length > 0) {
    try {
      order = await orderFor({
        db,
        orgId,
        accountId: household.accountId,
        registrationIds: held.map((r) => r.id),
        fresh: held.map((registration) => ({
          registration,
          activity: (byId.get(registration.activityId) as ActivityWithSeason).activity,
        })),
        createdByAccountId: options.counter?.staffAccountId ?? null,
        source: options.counter ? 'staff' : 'module',
        customerName: `${household.self.givenName} ${household.self.familyName}`,
      });
    } catch {
      // The places are committed and acknowledged all the same: they stay held, and "my registrations"
      // makes the order again (pay-held) before the hold runs out.
      order = null;
    }
  }
  // A free cart is paid at once, which confirmed its registrations: read them as they now are.
  const final =
    order?.status === 'paid'
      ? await db
          .select()
          .from(registrations)
          .where(
            scope.where(
              registrations,
              inArray(
                registrations.id,
                rows.map((r) => r.id),
              ),
            ),
          )
      : rows;
  const now_ = new Map(final.map((r) => [r.id, r]));
  return {
    registrations: rows.map((r) => {
      const view = registrationView(now_.get(r.id) ?? r);
      return order && r.status === 'pending_payment' ? { ...view, orderId: order.id } : view;
    }),
    order: order
      ? {
          id: order.id,
          reference: order.reference,
          status: order.status,
          totalCents: order.totalCents,
          allowInstalments: order.allowInstalments,
        }
      : null,
  };
}
