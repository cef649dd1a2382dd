import { and, asc, count, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import type { PageQuery } from '../../../platform/http/pagination.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { recreationPartners } from '../residency/resident-status.ts';
import { type ActivityView, activityView } from './activity-view.ts';
import { activities, type Category, seasons } from './schema.ts';

/** Filters of the public catalogue. */
export interface CatalogueFilter {
  q?: string;
  category?: Category;
  seasonId?: string;
  /** An age the activity must accept (at its reference date). */
  age?: number;
  /** ISO weekday 1–7 on which the activity meets. */
  weekday?: number;
  /** Meetings starting at or after / before these times (`HH:MM`). */
  from?: string;
  to?: string;
  /** One town among the partners. */
  townId?: string;
  placesLeft?: boolean;
}

/**
 * The public catalogue seen from a town: its activities and those of its recreation partners (their
 * residents are residents here too), published, of seasons not over, with search and filters. Reading
 * across the partner towns is the point of the catalogue; nothing personal is read.
 */
export async function listCatalogue(options: {
  db: Executor;
  orgId: string;
  filter: CatalogueFilter;
  page: PageQuery;
}): Promise<{ items: ActivityView[]; page: number; perPage: number; total: number }> {
  const { db, filter } = options;
  const towns = await recreationPartners(db, options.orgId);
  const chosen = filter.townId ? towns.filter((t) => t === filter.townId) : towns;
  const conditions: SQL[] = [
    inArray(activities.orgId, chosen.length ? chosen : [options.orgId]),
    eq(activities.status, 'published'),
    gte(seasons.endsOn, todayInQuebec()),
  ];
  if (filter.seasonId) conditions.push(eq(activities.seasonId, filter.seasonId));
  if (filter.category) conditions.push(eq(activities.category, filter.category));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`unaccent(lower(${activities.titleFr} || ' ' || ${activities.titleEn} || ' ' || ${activities.descriptionFr} || ' ' || ${activities.descriptionEn} || ' ' || ${activities.facility} || ' ' || ${activities.code})) LIKE unaccent(lower(${like}))`,
    );
  }
  if (filter.age !== undefined)
    conditions.push(
      sql`(${activities.minAge} IS NULL OR ${activities.minAge} <= ${filter.age}) AND (${activities.maxAge} IS NULL OR ${activities.maxAge} >= ${filter.age})`,
    );
  if (filter.weekday !== undefined || filter.from || filter.to) {
    const slot: SQL[] = [sql`true`];
    if (filter.weekday !== undefined) slot.push(sql`(s->>'weekday')::int = ${filter.weekday}`);
    if (filter.from) slot.push(sql`s->>'start' >= ${filter.from}`);
    if (filter.to) slot.push(sql`s->>'start' < ${filter.to}`);
    conditions.push(
      sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${activities.schedule}) AS s WHERE ${sql.join(slot, sql` AND `)})`,
    );
  }
  if (filter.placesLeft) conditions.push(sql`${activities.taken} < ${activities.capacity}`);
  const where = and(...conditions);
  const window = pageWindow(options.page);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        activity: activities,
        season: seasons,
        town: { slug: organisations.slug, nameFr: organisations.nameFr, nameEn: organisations.nameEn },
        waitlist: sql<number>`(SELECT count(*)::int FROM citizen_registrations r WHERE r.org_id = ${activities.orgId} AND r.activity_id = ${activities.id} AND r.status = 'waitlisted')`,
      })
      .from(activities)
      .innerJoin(seasons, and(eq(seasons.orgId, activities.orgId), eq(seasons.id, activities.seasonId)))
      .innerJoin(organisations, eq(organisations.id, activities.orgId))
      .where(where)
      .orderBy(asc(activities.startsOn), asc(activities.titleFr), asc(activities.id))
      .limit(window.limit)
      .offset(window.offset),
    db
      .select({ n: count() })
      .from(activities)
      .innerJoin(seasons, and(eq(seasons.orgId, activities.orgId), eq(seasons.id, activities.seasonId)))
      .where(where),
  ]);
  return {
    items: rows.map((r) => activityView(r.activity, r.season, r.town, Number(r.waitlist))),
    page: window.page,
    perPage: window.perPage,
    total: total?.n ?? 0,
  };
}
