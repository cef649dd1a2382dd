import { count, eq, inArray } from 'drizzle-orm';
import { generateSecret } from 'otplib';
import { hashPassword } from '../auth/passwords.ts';
import { accounts, memberships } from '../auth/schema.ts';
import type { Database } from '../db/client.ts';
import { organisations, partnershipMembers, partnerships } from '../orgs/schema.ts';
import { households, persons } from '../people/schema.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PARTNERSHIPS, DEMO_PASSWORD } from './demo-data.ts';

/** A demonstration sign-in, printed at start. */
export interface DemoSignIn {
  labelFr: string;
  labelEn: string;
  email: string;
  password: string;
  totpSecret?: string;
}

/** A module's demonstration content, seeded after the platform's (modules register theirs). */
export type DemoSeeder = (
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
) => Promise<void>;
const moduleSeeders: DemoSeeder[] = [];
/** Registers a module's demo content seeder. */
export function registerDemoSeeder(seeder: DemoSeeder): void {
  moduleSeeders.push(seeder);
}

/** Whether the database has no organisation yet (a fresh installation). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demonstration organisations, partnerships, accounts and households, then each module's content (unless `modules: false`). */
export async function seedDemo(db: Database, options: { modules?: boolean } = {}): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS.filter((x) => x.kind === 'mrc').concat(
    DEMO_ORGANISATIONS.filter((x) => x.kind !== 'mrc'),
  )) {
    const [existing] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, o.slug));
    if (existing) {
      orgIds.set(o.slug, existing.id);
      continue;
    }
    const [row] = await db
      .insert(organisations)
      .values({
        slug: o.slug,
        kind: o.kind,
        geoCode: o.geoCode,
        nameFr: o.nameFr,
        nameEn: o.nameEn,
        refPrefix: o.refPrefix,
        branding: o.branding,
        mrcId: o.mrc ? (orgIds.get(o.mrc) ?? null) : null,
        contactEmail: `info@${o.slug}.demo.civique.ca`,
      })
      .returning({ id: organisations.id });
    if (row) orgIds.set(o.slug, row.id);
  }
  const [anyPartnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1);
  if (!anyPartnership) {
    for (const p of DEMO_PARTNERSHIPS) {
      const [row] = await db
        .insert(partnerships)
        .values({ nameFr: p.nameFr, nameEn: p.nameEn, scope: p.scope })
        .returning({ id: partnerships.id });
      if (!row) continue;
      await db
        .insert(partnershipMembers)
        .values(p.orgs.map((slug) => ({ partnershipId: row.id, orgId: orgIds.get(slug) ?? '' })));
    }
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accountIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const [existing] = await db.select().from(accounts).where(eq(accounts.email, a.email));
    let id = existing?.id;
    if (!existing) {
      const totpSecret = a.totp ? generateSecret() : undefined;
      const [row] = await db
        .insert(accounts)
        .values({
          email: a.email,
          emailVerifiedAt: new Date(),
          passwordHash,
          givenName: a.givenName,
          familyName: a.familyName,
          locale: a.locale,
          isInstallationAdmin: a.installationAdmin ?? false,
          totpSecret: totpSecret ?? null,
          totpEnabledAt: totpSecret ? new Date() : null,
        })
        .returning({ id: accounts.id });
      id = row?.id;
      if (!id) continue;
      const [household] = await db.insert(households).values({}).returning({ id: households.id });
      if (household) {
        await db.insert(persons).values({
          householdId: household.id,
          accountId: id,
          role: 'guardian',
          givenName: a.givenName,
          familyName: a.familyName,
        });
        for (const d of a.dependants ?? []) {
          await db.insert(persons).values({
            householdId: household.id,
            role: 'dependant',
            givenName: d.givenName,
            familyName: a.familyName,
            birthDate: d.birthDate,
          });
        }
      }
      for (const r of a.roles) {
        const orgId = orgIds.get(r.org);
        if (orgId) await db.insert(memberships).values({ orgId, accountId: id, role: r.role });
      }
    }
    if (id) accountIds.set(a.key, id);
  }
  if (options.modules === false) return;
  for (const seeder of moduleSeeders) await seeder(db, orgIds, accountIds);
}

/** The demonstration sign-ins present in the database (with each administrator's TOTP secret). */
export async function listDemoSignIns(db: Database): Promise<DemoSignIn[]> {
  const rows = await db
    .select({ email: accounts.email, totpSecret: accounts.totpSecret })
    .from(accounts)
    .where(
      inArray(
        accounts.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    );
  return DEMO_ACCOUNTS.flatMap((a) => {
    const row = rows.find((r) => r.email === a.email);
    if (!row) return [];
    return [
      {
        labelFr: a.labelFr,
        labelEn: a.labelEn,
        email: a.email,
        password: DEMO_PASSWORD,
        totpSecret: row.totpSecret ?? undefined,
      },
    ];
  });
}
