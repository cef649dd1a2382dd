import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import { activities, seasons } from '../activities/schema.ts';
import { residentStanding } from '../residency/resident-status.ts';
import { checkRules } from './eligibility.ts';
import { loadHousehold, memberToActFor } from './household.ts';
import { listPrice } from './pricing.ts';
import { ACTIVE, type PriceCategory, registrations } from './schema.ts';

/**
 * Whether a member of the household can register to an activity now, and at which list price: what the
 * cart shows as soon as a line is added (the checkout checks it all again, atomically).
 */
export async function checkEligibility(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  locale: 'fr' | 'en';
  input: { activityId: string; personId: string };
  now?: Date;
}): Promise<{
  category: PriceCategory;
  listPriceCents: number;
  placesLeft: number;
  problems: Array<{ code: string; message: string }>;
}> {
  const { db, orgId, locale } = options;
  const household = await loadHousehold(db, options.auth);
  const person = memberToActFor(household, options.input.personId);
  const scope = scopeOf(orgId);
  const [found] = await db
    .select({ activity: activities, season: seasons })
    .from(activities)
    .innerJoin(seasons, scope.where(seasons, eq(seasons.id, activities.seasonId)))
    .where(scope.where(activities, eq(activities.id, options.input.activityId)));
  if (!found) throw new AppError('activity.not_found', 404);
  const standing = await residentStanding(db, { orgId, householdId: household.self.householdId });
  const { problems } = checkRules({
    ...found,
    person,
    category: standing.category,
    now: options.now ?? new Date(),
    locale,
  });
  const [already] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      scope.where(
        registrations,
        and(eq(registrations.activityId, found.activity.id), eq(registrations.personId, person.id)),
        inArray(registrations.status, [...ACTIVE]),
      ),
    );
  const title = locale === 'fr' ? found.activity.titleFr : found.activity.titleEn;
  if (already)
    problems.push({
      code: 'registration.already_registered',
      params: { name: person.givenName, title },
      status: 409,
    });
  return {
    category: standing.category,
    listPriceCents: listPrice(found.activity, standing.category),
    placesLeft: Math.max(0, found.activity.capacity - found.activity.taken),
    problems: problems.map((p) => ({ code: p.code, message: renderMessage(p.code, locale, p.params) })),
  };
}
