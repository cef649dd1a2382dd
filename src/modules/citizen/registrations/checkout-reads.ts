import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { activities, seasons } from '../activities/schema.ts';
import { ACTIVE, registrations } from './schema.ts';

// The reads of every checkout, prepared once per database handle: on opening day they run thousands of
// times a minute, and building their SQL again each time costs more CPU than running them. Lists travel
// as one array parameter so that the statement's text never changes. Each is scoped to the organisation
// by its `orgId` parameter, like every tenant query.

function activitiesQuery(db: Database) {
  return db
    .select({ activity: activities, season: seasons })
    .from(activities)
    .innerJoin(seasons, and(eq(seasons.orgId, sql.placeholder('orgId')), eq(seasons.id, activities.seasonId)))
    .where(
      and(
        eq(activities.orgId, sql.placeholder('orgId')),
        sql`${activities.id} = ANY(${sql.placeholder('ids')}::uuid[])`,
      ),
    )
    .prepare('checkout_activities');
}

function liveQuery(db: Database) {
  return db
    .select({
      activityId: registrations.activityId,
      personId: registrations.personId,
      status: registrations.status,
      seasonId: activities.seasonId,
    })
    .from(registrations)
    .innerJoin(
      activities,
      and(eq(activities.orgId, sql.placeholder('orgId')), eq(activities.id, registrations.activityId)),
    )
    .where(
      and(
        eq(registrations.orgId, sql.placeholder('orgId')),
        eq(registrations.householdId, sql.placeholder('householdId')),
        inArray(registrations.status, [...ACTIVE]),
        sql`${activities.seasonId} = ANY(${sql.placeholder('seasonIds')}::uuid[])`,
      ),
    )
    .prepare('checkout_live_registrations');
}

type Prepared = { activities: ReturnType<typeof activitiesQuery>; live: ReturnType<typeof liveQuery> };
const prepared = new WeakMap<Database, Prepared>();

function queriesOf(db: Database): Prepared {
  let found = prepared.get(db);
  if (!found) {
    found = { activities: activitiesQuery(db), live: liveQuery(db) };
    prepared.set(db, found);
  }
  return found;
}

// A uuid[] parameter in PostgreSQL's array literal form (both drivers take it as text).
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** The activities of a cart with their seasons, in one organisation. */
export function cartActivities(db: Database, orgId: string, activityIds: string[]) {
  return queriesOf(db).activities.execute({ orgId, ids: uuidArray(activityIds) });
}

/** A household's live registrations (waiting, held, offered, confirmed) in some seasons of one organisation. */
export function liveRegistrations(db: Database, orgId: string, householdId: string, seasonIds: string[]) {
  return queriesOf(db).live.execute({ orgId, householdId, seasonIds: uuidArray(seasonIds) });
}
