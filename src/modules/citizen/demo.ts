import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { scopeOf } from '../../platform/db/tenancy.ts';
import { households, persons } from '../../platform/people/schema.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import { ageOn } from './activities/age.ts';
import { activities, type Category, seasons, type WeeklySlot } from './activities/schema.ts';
import { addYears, issueHouseholdCards } from './cards/issue-cards.ts';
import { registrations } from './registrations/schema.ts';
import { addressKey } from './residency/import-households.ts';
import {
  householdImports,
  householdRecordMembers,
  householdRecords,
  residencies,
} from './residency/schema.ts';

type Demo = {
  code: string;
  category: Category;
  fr: string;
  en: string;
  dfr: string;
  den: string;
  facility: string;
  instructor: string;
  schedule: WeeklySlot[];
  ages: [number | null, number | null];
  capacity: number;
  prices: [number, number, number];
  instalments?: boolean;
  /** How many fictitious participants fill it (more than the capacity go on the waitlist). */
  filled?: number;
};

const S = (weekday: number, start: string, end: string): WeeklySlot => ({ weekday, start, end });

const SEASONS = {
  autumn: {
    nameFr: 'Automne 2026',
    nameEn: 'Fall 2026',
    startsOn: '2026-09-08',
    endsOn: '2026-12-13',
    residentOpensAt: new Date('2026-08-10T13:00:00Z'),
    nonResidentOpensAt: new Date('2026-08-17T13:00:00Z'),
    closesAt: new Date('2026-10-15T03:59:00Z'),
  },
  winter: {
    nameFr: 'Hiver 2027',
    nameEn: 'Winter 2027',
    startsOn: '2027-01-11',
    endsOn: '2027-03-28',
    residentOpensAt: new Date('2026-11-16T14:00:00Z'),
    nonResidentOpensAt: new Date('2026-11-30T14:00:00Z'),
    closesAt: new Date('2027-01-26T04:59:00Z'),
  },
};

const JOLIETTE: Record<keyof typeof SEASONS, Demo[]> = {
  autumn: [
    {
      code: 'HOC-M9-A26',
      category: 'sport',
      fr: 'Hockey mineur M9',
      en: 'Minor hockey U9',
      dfr: 'Développement des habiletés de patin et de rondelle, matchs amicaux le samedi.',
      den: 'Skating and puck skills, friendly games on Saturdays.',
      facility: 'Aréna Marcel-Bonin',
      instructor: 'Association de hockey mineur de Joliette',
      schedule: [S(6, '08:00', '09:30')],
      ages: [7, 8],
      capacity: 36,
      prices: [26500, 29500, 39500],
      instalments: true,
      filled: 30,
    },
    {
      code: 'NAT-J1-A26',
      category: 'sport',
      fr: 'Natation Junior 1 à 4',
      en: 'Swimming Junior 1 to 4',
      dfr: 'Cours de natation de la Croix-Rouge, groupes par niveau.',
      den: 'Red Cross swimming lessons, grouped by level.',
      facility: 'Centre aquatique de Joliette',
      instructor: 'Sauveteurs certifiés',
      schedule: [S(2, '18:00', '18:45')],
      ages: [5, 12],
      capacity: 24,
      prices: [9500, 10500, 14000],
      filled: 24,
    },
  ],
  winter: [
    {
      code: 'HOC-M11-H27',
      category: 'sport',
      fr: 'Hockey mineur M11',
      en: 'Minor hockey U11',
      dfr: 'Saison d’hiver de hockey mineur : pratiques, matchs et tournoi de fin de saison.',
      den: 'Minor hockey winter season: practices, games and an end-of-season tournament.',
      facility: 'Aréna Marcel-Bonin',
      instructor: 'Association de hockey mineur de Joliette',
      schedule: [S(6, '08:00', '09:30'), S(3, '17:30', '18:30')],
      ages: [9, 10],
      capacity: 40,
      prices: [28500, 32500, 42500],
      instalments: true,
      filled: 28,
    },
    {
      code: 'NAT-J1-H27',
      category: 'sport',
      fr: 'Natation Junior 1 à 4',
      en: 'Swimming Junior 1 to 4',
      dfr: 'Cours de natation de la Croix-Rouge; évaluation au premier cours.',
      den: 'Red Cross swimming lessons; assessment at the first class.',
      facility: 'Centre aquatique de Joliette',
      instructor: 'Sauveteurs certifiés',
      schedule: [S(2, '18:00', '18:45')],
      ages: [5, 12],
      capacity: 24,
      prices: [9500, 10500, 14000],
      filled: 15,
    },
    {
      code: 'CAMP-REL-27',
      category: 'camp_de_jour',
      fr: 'Camp de jour de la relâche',
      en: 'Spring break day camp',
      dfr: 'Cinq jours d’activités extérieures, de bricolage et de sorties pendant la relâche scolaire. Service de garde inclus.',
      den: 'Five days of outdoor play, crafts and outings during spring break. Before- and after-care included.',
      facility: 'Centre récréatif Saint-Jean-Bosco',
      instructor: 'Équipe d’animation du Service des loisirs',
      schedule: [
        S(1, '08:00', '16:00'),
        S(2, '08:00', '16:00'),
        S(3, '08:00', '16:00'),
        S(4, '08:00', '16:00'),
        S(5, '08:00', '16:00'),
      ],
      ages: [5, 12],
      capacity: 60,
      prices: [17500, 19000, 24500],
      filled: 41,
    },
    {
      code: 'DANSE-HH-H27',
      category: 'culture',
      fr: 'Danse hip-hop',
      en: 'Hip-hop dance',
      dfr: 'Chorégraphies hip-hop et spectacle de fin de session au Centre culturel.',
      den: 'Hip-hop choreographies and an end-of-session show at the cultural centre.',
      facility: 'Centre culturel de Joliette, studio B',
      instructor: 'Studio Mouvance',
      schedule: [S(3, '18:30', '19:30')],
      ages: [8, 14],
      capacity: 20,
      prices: [8500, 9500, 12000],
      filled: 12,
    },
    {
      code: 'POT-ADU-H27',
      category: 'culture',
      fr: 'Poterie au tour (adultes)',
      en: 'Wheel pottery (adults)',
      dfr: 'Initiation au tour, émaillage et cuisson; argile fournie.',
      den: 'Introduction to the wheel, glazing and firing; clay provided.',
      facility: 'Atelier du Centre culturel de Joliette',
      instructor: 'Marie-Ève Lafortune, céramiste',
      schedule: [S(4, '19:00', '21:30')],
      ages: [16, null],
      capacity: 10,
      prices: [16500, 18000, 22500],
      filled: 13,
    },
    {
      code: 'PATIN-INI-H27',
      category: 'sport',
      fr: 'Initiation au patin',
      en: 'Learn to skate',
      dfr: 'Premiers coups de patin, casque obligatoire.',
      den: 'First strides on the ice; helmet required.',
      facility: 'Aréna Marcel-Bonin',
      instructor: 'Club de patinage artistique de Joliette',
      schedule: [S(7, '10:00', '11:00')],
      ages: [4, 7],
      capacity: 30,
      prices: [7500, 8500, 11000],
      filled: 9,
    },
    {
      code: 'YOGA-55-H27',
      category: 'loisir',
      fr: 'Yoga doux 55 ans et plus',
      en: 'Gentle yoga 55+',
      dfr: 'Yoga sur chaise et au sol, rythme adapté.',
      den: 'Chair and mat yoga at a gentle pace.',
      facility: 'Centre récréatif Saint-Jean-Bosco',
      instructor: 'Louise Ducharme',
      schedule: [S(1, '10:00', '11:00')],
      ages: [55, null],
      capacity: 18,
      prices: [6000, 6500, 8000],
      filled: 7,
    },
  ],
};

const SCB: Record<keyof typeof SEASONS, Demo[]> = {
  autumn: [
    {
      code: 'SOC-U10-A26',
      category: 'sport',
      fr: 'Soccer intérieur U10',
      en: 'Indoor soccer U10',
      dfr: 'Soccer intérieur au gymnase, matchs entre équipes de la région.',
      den: 'Indoor soccer in the gym, games against teams of the region.',
      facility: 'Gymnase de l’école Saint-Pierre',
      instructor: 'Club de soccer Les Rapides',
      schedule: [S(6, '09:00', '10:30')],
      ages: [8, 9],
      capacity: 32,
      prices: [11000, 11000, 15000],
      filled: 26,
    },
  ],
  winter: [
    {
      code: 'KARATE-H27',
      category: 'sport',
      fr: 'Karaté (6 à 12 ans)',
      en: 'Karate (ages 6 to 12)',
      dfr: 'Karaté traditionnel, passage de ceinture en fin de session.',
      den: 'Traditional karate, belt test at the end of the session.',
      facility: 'Centre André-Hénault',
      instructor: 'Dojo Shindokan',
      schedule: [S(2, '18:30', '19:30'), S(4, '18:30', '19:30')],
      ages: [6, 12],
      capacity: 24,
      prices: [12000, 12000, 16500],
      filled: 14,
    },
    {
      code: 'CAMP-SCB-27',
      category: 'camp_de_jour',
      fr: 'Camp de la relâche — Saint-Charles',
      en: 'Spring break camp — Saint-Charles',
      dfr: 'Semaine de plein air : glissade, raquette et jeux coopératifs.',
      den: 'An outdoor week: sliding, snowshoeing and cooperative games.',
      facility: 'Centre André-Hénault',
      instructor: 'Animation Saint-Charles',
      schedule: [
        S(1, '08:30', '16:00'),
        S(2, '08:30', '16:00'),
        S(3, '08:30', '16:00'),
        S(4, '08:30', '16:00'),
        S(5, '08:30', '16:00'),
      ],
      ages: [5, 11],
      capacity: 40,
      prices: [16000, 16000, 21000],
      filled: 19,
    },
    {
      code: 'BRICO-PE-H27',
      category: 'loisir',
      fr: 'Bricolage parent-enfant',
      en: 'Parent-child crafts',
      dfr: 'Un samedi sur deux, un projet à rapporter à la maison.',
      den: 'Every other Saturday, a project to take home.',
      facility: 'Bibliothèque Rina-Lasnier, salle polyvalente',
      instructor: 'Équipe de la bibliothèque',
      schedule: [S(6, '10:00', '11:30')],
      ages: [3, 8],
      capacity: 16,
      prices: [4000, 4000, 6000],
      filled: 6,
    },
  ],
};

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
