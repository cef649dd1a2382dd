import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { scopeOf } from '../../platform/db/tenancy.ts';
import { households, persons } from '../../platform/people/schema.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import { ageOn } from './activities/age.ts';
import { activities, seasons } from './activities/schema.ts';
import { addYears, issueHouseholdCards } from './cards/issue-cards.ts';
import { type Demo, JOLIETTE, SCB, SEASONS } from './demo-data.ts';
import { registrations } from './registrations/schema.ts';
import { addressKey } from './residency/import-households.ts';
import {
  householdImports,
  householdRecordMembers,
  householdRecords,
  residencies,
} from './residency/schema.ts';

const GIVEN = [
  'Emma',
  'Zoé',
  'Alice',
  'Florence',
  'Rosalie',
  'Olivia',
  'Charlotte',
  'Béatrice',
  'Liam',
  'Thomas',
  'William',
  'Jacob',
  'Félix',
  'Édouard',
  'Arthur',
  'Raphaël',
  'Mia',
  'Juliette',
  'Nathan',
  'Léo',
];
const FAMILY = [
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
  'Simard',
  'Boucher',
  'Caron',
];

/** A plausible birth date for someone of `age` years (or an adult) on a reference date. */
function birthFor(ages: [number | null, number | null], reference: string, k: number): string {
  const min = ages[0] ?? 18;
  const max = ages[1] ?? Math.max(min, 70);
  const age = min + (k % (max - min + 1));
  const year = Number(reference.slice(0, 4)) - age - 1;
  return `${year}-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 27) + 1).padStart(2, '0')}`;
}

async function seedTown(
  db: Database,
  orgId: string,
  catalogue: Record<keyof typeof SEASONS, Demo[]>,
  discounts: Array<{ nth: number; percent: number }>,
  partnerOrgId: string | undefined,
): Promise<Map<string, string>> {
  const scope = scopeOf(orgId);
  const codes = new Map<string, string>();
  let k = 0;
  for (const key of ['autumn', 'winter'] as const) {
    const s = SEASONS[key];
    const [season] = await db
      .insert(seasons)
      .values(scope.rows({ ...s, familyDiscounts: discounts }))
      .returning();
    if (!season) continue;
    for (const d of catalogue[key]) {
      const reference = `${season.startsOn.slice(0, 4)}-12-31`;
      const [activity] = await db
        .insert(activities)
        .values(
          scope.rows({
            seasonId: season.id,
            code: d.code,
            category: d.category,
            titleFr: d.fr,
            titleEn: d.en,
            descriptionFr: d.dfr,
            descriptionEn: d.den,
            facility: d.facility,
            instructor: d.instructor,
            schedule: d.schedule,
            startsOn: d.category === 'camp_de_jour' ? '2027-03-01' : season.startsOn,
            endsOn: d.category === 'camp_de_jour' ? '2027-03-05' : season.endsOn,
            minAge: d.ages[0],
            maxAge: d.ages[1],
            ageReferenceDate:
              d.category === 'sport' && d.code.startsWith('HOC') ? reference : season.startsOn,
            capacity: d.capacity,
            priceResidentCents: d.prices[0],
            pricePartnerCents: d.prices[1],
            priceNonResidentCents: d.prices[2],
            allowInstalments: d.instalments ?? false,
          }),
        )
        .returning();
      if (!activity) continue;
      codes.set(d.code, activity.id);
      // Fictitious participants (households without accounts) so that staff dashboards have figures.
      const filled = d.filled ?? 0;
      for (let i = 0; i < filled; i++, k++) {
        const [household] = await db.insert(households).values({}).returning();
        if (!household) continue;
        const birthDate = birthFor(d.ages, activity.ageReferenceDate, k);
        const [person] = await db
          .insert(persons)
          .values({
            householdId: household.id,
            role: d.ages[0] !== null && d.ages[0] >= 16 ? 'guardian' : 'dependant',
            givenName: GIVEN[k % GIVEN.length] ?? 'Alex',
            familyName: FAMILY[(k * 7) % FAMILY.length] ?? 'Tremblay',
            birthDate,
          })
          .returning();
        if (!person) continue;
        const placed = i < d.capacity;
        const category =
          i % 5 === 4 && partnerOrgId ? 'partner' : i % 11 === 10 ? 'non_resident' : 'resident';
        const list =
          category === 'resident' ? d.prices[0] : category === 'partner' ? d.prices[1] : d.prices[2];
        await db.insert(registrations).values(
          scope.rows({
            activityId: activity.id,
            personId: person.id,
            householdId: household.id,
            givenName: person.givenName,
            familyName: person.familyName,
            birthDate,
            status: placed ? ('confirmed' as const) : ('waitlisted' as const),
            waitlistPosition: placed ? null : i - d.capacity + 1,
            priceCategory: category,
            residentOrgId:
              category === 'resident' ? orgId : category === 'partner' ? (partnerOrgId ?? null) : null,
            ageAtReference: ageOn(birthDate, activity.ageReferenceDate),
            listPriceCents: list,
            amountCents: list,
            confirmedAt: placed ? new Date() : null,
            confirmationSentAt: placed ? new Date() : null,
            source: i % 4 === 0 ? ('counter' as const) : ('online' as const),
          }),
        );
      }
      await db
        .update(activities)
        .set({ taken: Math.min(filled, d.capacity), waitlistSeq: Math.max(0, filled - d.capacity) })
        .where(scope.where(activities, eq(activities.id, activity.id)));
    }
  }
  return codes;
}

/** Demo recreation: seasons and activities of Joliette and Saint-Charles-Borromée, the demo family as residents of Joliette with cards, and a household on file to claim. */
async function seedRecreation(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<void> {
  const joliette = orgIds.get('joliette');
  const scb = orgIds.get('saint-charles-borromee');
  if (!joliette || !scb) return;
  const [already] = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(eq(seasons.orgId, joliette))
    .limit(1);
  if (already) return;
  await seedTown(
    db,
    joliette,
    JOLIETTE,
    [
      { nth: 2, percent: 10 },
      { nth: 3, percent: 15 },
    ],
    scb,
  );
  await seedTown(db, scb, SCB, [{ nth: 2, percent: 15 }], joliette);

  const residentId = accountIds.get('resident');
  if (residentId) {
    const [self] = await db.select().from(persons).where(eq(persons.accountId, residentId));
    if (self) {
      if (!self.birthDate)
        await db.update(persons).set({ birthDate: '1986-03-21' }).where(eq(persons.id, self.id));
      const today = new Date().toISOString().slice(0, 10);
      await db.insert(residencies).values(
        scopeOf(joliette).rows({
          householdId: self.householdId,
          proof: 'staff' as const,
          status: 'active' as const,
          addressLabel: '452, rue De Lanaudière',
          postalCode: 'J6E 3M9',
          startsOn: today,
          expiresOn: addYears(today, 2),
          submittedByAccountId: residentId,
          decidedByAccountId: accountIds.get('staff') ?? null,
          decidedAt: new Date(),
        }),
      );
      await issueHouseholdCards(db, { orgId: joliette, householdId: self.householdId });
    }
  }

  // A household the town imported, to claim without a password (card 4510027, born 1979-06-02).
  const scope = scopeOf(joliette);
  const [batch] = await db
    .insert(householdImports)
    .values(
      scope.rows({
        fileName: 'menages-joliette-demo.csv',
        households: 1,
        members: 3,
        createdByAccountId: accountIds.get('staff') ?? null,
      }),
    )
    .returning();
  if (!batch) return;
  const address = '88, rue Saint-Charles-Borromée Nord';
  const [record] = await db
    .insert(householdRecords)
    .values(
      scope.rows({
        importId: batch.id,
        externalRef: 'JOL-M-000451',
        addressLine: address,
        postalCode: 'J6E 4R5',
        addressKey: addressKey(address),
      }),
    )
    .returning();
  if (!record) return;
  await db.insert(householdRecordMembers).values([
    scope.rows({
      recordId: record.id,
      givenName: 'Sophie',
      familyName: 'Bélanger',
      birthDate: '1979-06-02',
      email: 'famille.belanger@demo.civique.ca',
      phone: '+14505550142',
      cardNumber: '4510027',
    }),
    scope.rows({
      recordId: record.id,
      givenName: 'Éloi',
      familyName: 'Bélanger',
      birthDate: '2014-10-11',
      email: null,
      phone: null,
      cardNumber: '4510028',
    }),
    scope.rows({
      recordId: record.id,
      givenName: 'Maëlle',
      familyName: 'Bélanger',
      birthDate: '2018-01-30',
      email: null,
      phone: null,
      cardNumber: '4510029',
    }),
  ]);
}

registerDemoSeeder(seedRecreation);
