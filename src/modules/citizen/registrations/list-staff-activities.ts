import { asc, count, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { activities } from '../activities/schema.ts';
import { requireRecreationReader } from './policies.ts';

/** An activity in the staff list, with its fill rate, waitlist and revenue. */
export interface StaffActivityRow {
  id: string;
  code: string;
  title: { fr: string; en: string };
  category: string;
  status: string;
  startsOn: string;
  capacity: number;
  taken: number;
  confirmed: number;
  held: number;
  offered: number;
  waitlisted: number;
  revenueCents: number;
}

const tally = (status: string) => sql<number>`count(*) FILTER (WHERE r.status = ${status})::int`;

/** A season's activities for staff (paginated), with the counts the dashboards draw. */
export async function listStaffActivities(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  seasonId?: string;
  page: PageQuery;
}): Promise<{ items: StaffActivityRow[]; page: number; perPage: number; total: number }> {
  requireRecreationReader(options.auth, options.orgId);
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const where = scope.where(
    activities,
    options.seasonId ? eq(activities.seasonId, options.seasonId) : undefined,
  );
  const window = pageWindow(options.page);
  const stats = db.$with('stats').as(
    db
      .select({
        activityId: sql<string>`r.activity_id`.as('activity_id'),
        confirmed: tally('confirmed').as('confirmed'),
        held: tally('pending_payment').as('held'),
        offered: tally('offered').as('offered'),
        waitlisted: tally('waitlisted').as('waitlisted'),
        revenue: sql<number>`coalesce(sum(r.amount_cents) FILTER (WHERE r.status = 'confirmed'), 0)::int`.as(
          'revenue',
        ),
      })
      .from(sql`citizen_registrations r`)
      .where(sql`r.org_id = ${orgId}`)
      .groupBy(sql`r.activity_id`),
  );
  const [rows, [total]] = await Promise.all([
    db
      .with(stats)
      .select({
        activity: activities,
        confirmed: stats.confirmed,
        held: stats.held,
        offered: stats.offered,
        waitlisted: stats.waitlisted,
        revenue: stats.revenue,
      })
      .from(activities)
      .leftJoin(stats, eq(stats.activityId, activities.id))
      .where(where)
      .orderBy(asc(activities.startsOn), asc(activities.code))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(activities).where(where),
  ]);
  return {
    items: rows.map(({ activity: a, ...s }) => ({
      id: a.id,
      code: a.code,
      title: { fr: a.titleFr, en: a.titleEn },
      category: a.category,
      status: a.status,
      startsOn: a.startsOn,
      capacity: a.capacity,
      taken: a.taken,
      confirmed: Number(s.confirmed ?? 0),
      held: Number(s.held ?? 0),
      offered: Number(s.offered ?? 0),
      waitlisted: Number(s.waitlisted ?? 0),
      revenueCents: Number(s.revenue ?? 0),
    })),
    page: window.page,
    perPage: window.perPage,
    total: total?.n ?? 0,
  };
}
