// Helpers shared by the recreation tests (not product code): towns, seasons, activities, households.
import { eq } from 'drizzle-orm';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import type { TestContext } from '../../../tests/support/harness.ts';
import type { Role } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/client.ts';
import { scopeOf } from '../../platform/db/tenancy.ts';
import { persons } from '../../platform/people/schema.ts';
import { activities, type FamilyDiscount, type SeasonRow, seasons } from './activities/schema.ts';
import { addYears } from './cards/issue-cards.ts';
import { residencies } from './residency/schema.ts';

let geo = 60000;

/** A municipality with a unique 5-digit geographic code. */
export async function createTown(db: Database, name = 'Ville') {
  geo += 1 + Math.floor(Math.random() * 50);
  return createOrg(db, {
    geoCode: String(geo),
    nameFr: `${name} ${geo}`,
    nameEn: `${name} ${geo}`,
    refPrefix: 'TST',
  });
}

/** A season whose residents' window is open now and non-residents' later (unless told otherwise). */
export async function createSeason(
  db: Database,
  orgId: string,
  options: {
    nonResidentOpen?: boolean;
    discounts?: FamilyDiscount[];
    holdMinutes?: number;
    offerHours?: number;
  } = {},
): Promise<SeasonRow> {
  const now = Date.now();
  const [row] = await db
    .insert(seasons)
    .values(
      scopeOf(orgId).rows({
        nameFr: 'Hiver 2027',
        nameEn: 'Winter 2027',
        startsOn: '2027-01-11',
        endsOn: '2027-03-28',
        residentOpensAt: new Date(now - 3600_000),
        nonResidentOpensAt: new Date(options.nonResidentOpen ? now - 1800_000 : now + 7 * 86_400_000),
        closesAt: new Date(now + 30 * 86_400_000),
        familyDiscounts: options.discounts ?? [{ nth: 2, percent: 10 }],
        holdMinutes: options.holdMinutes ?? 30,
        offerHours: options.offerHours ?? 48,
      }),
    )
    .returning();
  if (!row) throw new Error('season insert failed');
  return row;
}

/** An activity of a season (published, children 5–12 by default). */
export async function createActivity(
  db: Database,
  season: SeasonRow,
  overrides: Partial<typeof activities.$inferInsert> = {},
) {
  const [row] = await db
    .insert(activities)
    .values(
      scopeOf(season.orgId).rows({
        seasonId: season.id,
        code: `ACT-${Math.random().toString(36).slice(2, 8)}`,
        category: 'sport' as const,
        titleFr: 'Natation Junior',
        titleEn: 'Junior swimming',
        descriptionFr: 'Cours de natation.',
        descriptionEn: 'Swimming lessons.',
        facility: 'Centre aquatique',
        schedule: [{ weekday: 2, start: '18:00', end: '18:45' }],
        startsOn: '2027-01-12',
        endsOn: '2027-03-23',
        minAge: 5,
        maxAge: 12,
        ageReferenceDate: '2027-01-11',
        capacity: 10,
        priceResidentCents: 10000,
        pricePartnerCents: 12000,
        priceNonResidentCents: 15000,
        ...overrides,
      }),
    )
    .returning();
  if (!row) throw new Error('activity insert failed');
  return row;
}

/** A parent with children (birth dates given), signed in, optionally resident of a town. */
export async function createFamily(
  ctx: TestContext,
  options: {
    children?: string[];
    residentOf?: string;
    locale?: 'fr' | 'en';
    roles?: Array<{ orgId: string; role: Role }>;
  } = {},
): Promise<{ account: TestAccount; client: TestClient; children: string[] }> {
  const account = await createAccount(ctx.db, { locale: options.locale, roles: options.roles });
  const children: string[] = [];
  for (const [i, birthDate] of (options.children ?? []).entries()) {
    const [child] = await ctx.db
      .insert(persons)
      .values({
        householdId: account.householdId,
        role: 'dependant',
        givenName: `Enfant${i + 1}`,
        familyName: 'Test',
        birthDate,
      })
      .returning();
    if (child) children.push(child.id);
  }
  if (options.residentOf) await makeResident(ctx.db, options.residentOf, account.householdId);
  const client = ctx.client({ locale: options.locale });
  await signInAs(ctx.db, client, account);
  return { account, client, children };
}

/** Makes a household resident of a town (as if staff had checked it). */
export async function makeResident(db: Database, orgId: string, householdId: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  await db.insert(residencies).values(
    scopeOf(orgId).rows({
      householdId,
      proof: 'staff' as const,
      status: 'active' as const,
      startsOn: today,
      expiresOn: addYears(today, 2),
      decidedAt: new Date(),
    }),
  );
}

/** The activity row as it is now. */
export async function activityNow(db: Database, orgId: string, activityId: string) {
  const [row] = await db
    .select()
    .from(activities)
    .where(scopeOf(orgId).where(activities, eq(activities.id, activityId)));
  if (!row) throw new Error('activity vanished');
  return row;
}

/** Staff of a town, signed in. */
export async function staffOf(
  ctx: TestContext,
  orgId: string,
  role: Role = 'recreation',
  locale: 'fr' | 'en' = 'fr',
) {
  const account = await createAccount(ctx.db, { roles: [{ orgId, role }], locale });
  const client = ctx.client({ locale });
  await signInAs(ctx.db, client, account);
  return { account, client };
}
