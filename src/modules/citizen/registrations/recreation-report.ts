import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { AGE_GROUPS, ageGroup } from '../activities/age.ts';
import { activities } from '../activities/schema.ts';
import { requireRecreationReader } from './policies.ts';
import { registrations } from './schema.ts';

/** A season's figures: fill rate, waitlist and revenue per activity; registrations and revenue by age group and by town. */
export interface RecreationReport {
  byActivity: Array<{
    id: string;
    code: string;
    title: { fr: string; en: string };
    capacity: number;
    taken: number;
    fillPercent: number;
    waitlisted: number;
    revenueCents: number;
  }>;
  byAgeGroup: Array<{ group: string; registrations: number; revenueCents: number }>;
  byTown: Array<{
    townId: string | null;
    name: { fr: string; en: string } | null;
    registrations: number;
    revenueCents: number;
  }>;
  totals: { capacity: number; taken: number; waitlisted: number; revenueCents: number };
}

/** The recreation figures of a season (or of every season), for staff and elected officials. */
export async function recreationReport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  seasonId?: string;
}): Promise<RecreationReport> {
  requireRecreationReader(options.auth, options.orgId);
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const inSeason = options.seasonId ? eq(activities.seasonId, options.seasonId) : undefined;
  const acts = await db
    .select({
      a: activities,
      waitlisted: sql<number>`count(${registrations.id}) FILTER (WHERE ${registrations.status} = 'waitlisted')::int`,
      revenue: sql<number>`coalesce(sum(${registrations.amountCents}) FILTER (WHERE ${registrations.status} = 'confirmed'), 0)::int`,
    })
    .from(activities)
    .leftJoin(registrations, scope.where(registrations, eq(registrations.activityId, activities.id)))
    .where(scope.where(activities, inSeason))
    .groupBy(activities.orgId, activities.id)
    .orderBy(asc(activities.code));
  const confirmed = await db
    .select({
      age: registrations.ageAtReference,
      townId: registrations.residentOrgId,
      n: sql<number>`count(*)::int`,
      revenue: sql<number>`coalesce(sum(${registrations.amountCents}), 0)::int`,
    })
    .from(registrations)
    .innerJoin(activities, scope.where(activities, eq(activities.id, registrations.activityId)))
    .where(scope.where(registrations, and(eq(registrations.status, 'confirmed'), inSeason)))
    .groupBy(registrations.ageAtReference, registrations.residentOrgId);
  const ages = new Map<string, { registrations: number; revenueCents: number }>(
    AGE_GROUPS.map((g) => [g, { registrations: 0, revenueCents: 0 }]),
  );
  const towns = new Map<string | null, { registrations: number; revenueCents: number }>();
  for (const row of confirmed) {
    const g = ages.get(ageGroup(row.age)) ?? { registrations: 0, revenueCents: 0 };
    g.registrations += Number(row.n);
    g.revenueCents += Number(row.revenue);
    const t = towns.get(row.townId) ?? { registrations: 0, revenueCents: 0 };
    t.registrations += Number(row.n);
    t.revenueCents += Number(row.revenue);
    towns.set(row.townId, t);
  }
  const townIds = [...towns.keys()].filter((t): t is string => !!t);
  const names = townIds.length
    ? await db
        .select({ id: organisations.id, fr: organisations.nameFr, en: organisations.nameEn })
        .from(organisations)
        .where(inArray(organisations.id, townIds))
    : [];
  const byActivity = acts.map(({ a, waitlisted, revenue }) => ({
    id: a.id,
    code: a.code,
    title: { fr: a.titleFr, en: a.titleEn },
    capacity: a.capacity,
    taken: a.taken,
    fillPercent: a.capacity > 0 ? Math.round((a.taken * 1000) / a.capacity) / 10 : 0,
    waitlisted: Number(waitlisted),
    revenueCents: Number(revenue),
  }));
  return {
    byActivity,
    byAgeGroup: [...ages.entries()]
      .filter(([g, v]) => g !== 'unknown' || v.registrations > 0)
      .map(([group, v]) => ({ group, ...v })),
    byTown: [...towns.entries()].map(([townId, v]) => {
      const n = names.find((x) => x.id === townId);
      return { townId, name: n ? { fr: n.fr, en: n.en } : null, ...v };
    }),
    totals: {
      capacity: byActivity.reduce((s, a) => s + a.capacity, 0),
      taken: byActivity.reduce((s, a) => s + a.taken, 0),
      waitlisted: byActivity.reduce((s, a) => s + a.waitlisted, 0),
      revenueCents: byActivity.reduce((s, a) => s + a.revenueCents, 0),
    },
  };
}
