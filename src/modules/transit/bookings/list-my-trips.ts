import { and, desc, eq, gte } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { transitTrips } from './schema.ts';
import { type TripView, tripViews } from './trip-view.ts';

/** The signed-in rider's trips in an organisation: upcoming first, then the last 30 days. */
export async function listMyTrips(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
}): Promise<{ items: TripView[] }> {
  const who = requireAccount(options.auth);
  const since = new Date(Date.now() - 30 * 86_400_000);
  const rows = await options.db
    .select()
    .from(transitTrips)
    .where(
      scopeOf(options.orgId).where(
        transitTrips,
        and(eq(transitTrips.riderAccountId, who.account.id), gte(transitTrips.promisedPickupStart, since)),
      ),
    )
    .orderBy(desc(transitTrips.promisedPickupStart))
    .limit(200);
  return { items: await tripViews(options.db, options.orgId, rows) };
}
