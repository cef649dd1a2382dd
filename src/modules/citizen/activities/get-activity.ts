import { and, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { requireRecreationReader } from '../registrations/policies.ts';
import { type ActivityView, activityView } from './activity-view.ts';
import { activities, seasons } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One activity of a town (public once published; staff see drafts through `includeDrafts`). */
export async function getActivity(options: {
  db: Executor;
  orgId: string;
  activityId: string;
  includeDrafts?: boolean;
}): Promise<ActivityView> {
  const { db, orgId } = options;
  if (!UUID.test(options.activityId)) throw new AppError('activity.not_found', 404);
  const scope = scopeOf(orgId);
  const [row] = await db
    .select({
      activity: activities,
      season: seasons,
      town: { slug: organisations.slug, nameFr: organisations.nameFr, nameEn: organisations.nameEn },
      waitlist: sql<number>`(SELECT count(*)::int FROM citizen_registrations r WHERE r.org_id = ${activities.orgId} AND r.activity_id = ${activities.id} AND r.status = 'waitlisted')`,
    })
    .from(activities)
    .innerJoin(seasons, scope.where(seasons, eq(seasons.id, activities.seasonId)))
    .innerJoin(organisations, eq(organisations.id, activities.orgId))
    .where(
      scope.where(
        activities,
        and(
          eq(activities.id, options.activityId),
          options.includeDrafts ? undefined : eq(activities.status, 'published'),
        ),
      ),
    );
  if (!row) throw new AppError('activity.not_found', 404);
  return activityView(row.activity, row.season, row.town, Number(row.waitlist));
}

/** An activity as staff see it (drafts included): recreation staff, treasury and elected officials. */
export async function getStaffActivity(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  activityId: string;
}): Promise<ActivityView> {
  requireRecreationReader(options.auth, options.orgId);
  return getActivity({ ...options, includeDrafts: true });
}
