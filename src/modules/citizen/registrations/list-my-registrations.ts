import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { activities } from '../activities/schema.ts';
import { loadHousehold } from './household.ts';
import { type RegistrationView, registrationView } from './registration-view.ts';
import { registrations } from './schema.ts';

/** A registration of the household with its activity's names and town. */
export type MyRegistration = RegistrationView & {
  activity: { code: string; title: { fr: string; en: string }; startsOn: string; facility: string };
  town: { slug: string; name: { fr: string; en: string } };
};

/**
 * The registrations of the signed-in person's household, in every town (newest first). Reading across
 * towns is deliberate: the rows are chosen by the household, which is the person's own.
 */
export async function listMyRegistrations(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId?: string;
}): Promise<MyRegistration[]> {
  const household = await loadHousehold(options.db, options.auth);
  const rows = await options.db
    .select({ registration: registrations, activity: activities, org: organisations })
    .from(registrations)
    .innerJoin(
      activities,
      and(eq(activities.orgId, registrations.orgId), eq(activities.id, registrations.activityId)),
    )
    .innerJoin(organisations, eq(organisations.id, registrations.orgId))
    .where(
      and(
        eq(registrations.householdId, household.self.householdId),
        options.orgId ? eq(registrations.orgId, options.orgId) : undefined,
        inArray(
          registrations.personId,
          household.members.map((m) => m.id),
        ),
      ),
    )
    .orderBy(desc(registrations.createdAt))
    .limit(500);
  return rows.map(({ registration, activity, org }) => ({
    ...registrationView(registration),
    activity: {
      code: activity.code,
      title: { fr: activity.titleFr, en: activity.titleEn },
      startsOn: activity.startsOn,
      facility: activity.facility,
    },
    town: { slug: org.slug, name: { fr: org.nameFr, en: org.nameEn } },
  }));
}
