import { and, desc, gte, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { regionContactRequests, regionContactSlots } from '../contacts/schema.ts';
import { requireSiteStaff } from './policies.ts';
import { sitePageViews } from './schema.ts';

const quebecDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(d);

/**
 * Visits of the public pages and contact requests per day over the last `days` days, for the staff charts.
 * Visits are anonymous counters (no cookie, no address, no third-party tracker).
 */
export async function siteStats(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  days: number;
  now?: Date;
}) {
  requireSiteStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - (options.days - 1) * 86_400_000);
  const fromDay = quebecDay(from);
  const views = await db
    .select({ day: sitePageViews.day, n: sql<number>`sum(${sitePageViews.views})::int` })
    .from(sitePageViews)
    .where(inOrg(sitePageViews, orgId, gte(sitePageViews.day, fromDay)))
    .groupBy(sitePageViews.day);
  const top = await db
    .select({ path: sitePageViews.path, n: sql<number>`sum(${sitePageViews.views})::int` })
    .from(sitePageViews)
    .where(inOrg(sitePageViews, orgId, gte(sitePageViews.day, fromDay)))
    .groupBy(sitePageViews.path)
    .orderBy(desc(sql`sum(${sitePageViews.views})`))
    .limit(10);
  const dayOf = (col: unknown) => sql<string>`to_char(${col} at time zone 'America/Toronto', 'YYYY-MM-DD')`;
  const requests = await db
    .select({ day: dayOf(regionContactRequests.createdAt), n: sql<number>`count(*)::int` })
    .from(regionContactRequests)
    .where(inOrg(regionContactRequests, orgId, gte(regionContactRequests.createdAt, from)))
    .groupBy(dayOf(regionContactRequests.createdAt));
  const bookings = await db
    .select({ day: dayOf(regionContactSlots.bookedAt), n: sql<number>`count(*)::int` })
    .from(regionContactSlots)
    .where(inOrg(regionContactSlots, orgId, and(gte(regionContactSlots.bookedAt, from))))
    .groupBy(dayOf(regionContactSlots.bookedAt));
  const series = [];
  for (let i = 0; i < options.days; i++) {
    const day = quebecDay(new Date(from.getTime() + i * 86_400_000));
    series.push({
      day,
      visits: views.find((v) => v.day === day)?.n ?? 0,
      contactRequests: requests.find((r) => r.day === day)?.n ?? 0,
      appointments: bookings.find((b) => b.day === day)?.n ?? 0,
    });
  }
  return { days: series, topPages: top.map((t) => ({ path: t.path, visits: t.n })) };
}
