// Demonstration content of participation: surveys (one open, one closed with published results),
// newsletters with an archived issue, and published alerts (an active test, an updated one and a
// cancelled one) so that the CAP and Atom feeds of every demo town are never empty.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { memberships } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/ids.ts';
import { scopeOf } from '../../platform/db/tenancy.ts';
import { findPurpose } from '../../platform/privacy/purposes.ts';
import { registerDemoSeeder } from '../../platform/seed/seed-demo.ts';
import type { AlertArea } from './alerts/area.ts';
import { alertSectors, alerts } from './alerts/schema.ts';
import { consultationMeetings, consultations, contributions } from './consultations/schema.ts';
import { newsletterIssues, newsletterLists, newsletterSubscriptions } from './newsletters/schema.ts';
import type { Question } from './surveys/questions.ts';
import { DAY_ONLY, surveyResponses, surveys } from './surveys/schema.ts';

const TOWNS: Record<string, { centre: [number, number]; street: string }> = {
  joliette: { centre: [46.0225, -73.4405], street: 'rue Notre-Dame' },
  'saint-charles-borromee': { centre: [46.0515, -73.4685], street: 'rue de la Visitation' },
  'riviere-du-loup': { centre: [47.8303, -69.5355], street: 'rue Lafontaine' },
  victoriaville: { centre: [46.0572, -71.9569], street: 'boulevard des Bois-Francs' },
};
const bi = (fr: string, en: string) => ({ fr, en });
const DAY = 86_400_000;

const PARK: Question[] = [
  {
    key: 'visits',
    type: 'single',
    label: bi(
      'À quelle fréquence fréquentez-vous le parc riverain ?',
      'How often do you visit the riverside park?',
    ),
    required: true,
    options: [
      { key: 'weekly', label: bi('Chaque semaine', 'Every week') },
      { key: 'monthly', label: bi('Chaque mois', 'Every month') },
      { key: 'rarely', label: bi('Rarement', 'Rarely') },
      { key: 'never', label: bi('Jamais', 'Never') },
    ],
  },
  {
    key: 'why_not',
    type: 'text',
    label: bi('Qu’est-ce qui vous en empêche ?', 'What keeps you away?'),
    required: false,
    showIf: { question: 'visits', anyOf: ['rarely', 'never'] },
  },
  {
    key: 'equipment',
    type: 'multiple',
    label: bi('Quels aménagements souhaitez-vous ?', 'Which facilities would you like?'),
    required: false,
    options: [
      { key: 'benches', label: bi('Bancs et tables', 'Benches and tables') },
      { key: 'lights', label: bi('Éclairage', 'Lighting') },
      { key: 'play', label: bi('Jeux d’eau', 'Splash pad') },
      { key: 'trees', label: bi('Arbres et ombre', 'Trees and shade') },
    ],
  },
  {
    key: 'satisfaction',
    type: 'scale',
    label: bi('Satisfaction générale', 'Overall satisfaction'),
    required: true,
    min: 1,
    max: 5,
    minLabel: bi('Très insatisfait', 'Very dissatisfied'),
    maxLabel: bi('Très satisfait', 'Very satisfied'),
  },
  {
    key: 'priorities',
    type: 'ranking',
    label: bi('Classez les priorités', 'Rank the priorities'),
    required: false,
    options: [
      { key: 'safety', label: bi('Sécurité', 'Safety') },
      { key: 'access', label: bi('Accessibilité universelle', 'Universal access') },
      { key: 'nature', label: bi('Milieux naturels', 'Natural areas') },
    ],
  },
  {
    key: 'household',
    type: 'number',
    label: bi('Personnes dans votre ménage', 'People in your household'),
    required: false,
    min: 1,
    max: 15,
  },
  {
    key: 'last_visit',
    type: 'date',
    label: bi('Date de votre dernière visite', 'Date of your last visit'),
    required: false,
  },
];

const WASTE: Question[] = [
  {
    key: 'pickup',
    type: 'single',
    label: bi('La collecte aux deux semaines vous convient-elle ?', 'Does pickup every two weeks suit you?'),
    required: true,
    options: [
      { key: 'yes', label: bi('Oui', 'Yes') },
      { key: 'no', label: bi('Non', 'No') },
    ],
  },
  {
    key: 'score',
    type: 'scale',
    label: bi('Note du service', 'Service rating'),
    required: true,
    min: 1,
    max: 5,
  },
];

/** A pseudo-random sequence, the same at every seeding (believable, repeatable demo answers). */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function alertRow(
  orgId: string,
  centre: [number, number],
  street: string,
  at: Date,
  extra: Partial<typeof alerts.$inferInsert>,
) {
  const polygon: AlertArea = {
    kind: 'polygon',
    points: [
      [centre[0] - 0.004, centre[1] - 0.006],
      [centre[0] - 0.004, centre[1] + 0.006],
      [centre[0] + 0.004, centre[1] + 0.006],
      [centre[0] + 0.004, centre[1] - 0.006],
      [centre[0] - 0.004, centre[1] - 0.006],
    ],
  };
  const id = newId();
  return scopeOf(orgId).rows({
    id,
    rootId: id,
    msgType: 'Alert' as const,
    status: 'Actual' as const,
    state: 'sent' as const,
    eventCode: 'drinkingWate',
    urgency: 'Immediate' as const,
    severity: 'Moderate' as const,
    certainty: 'Observed' as const,
    headlineFr: `Avis d’ébullition préventif – secteur ${street}`,
    headlineEn: `Precautionary boil-water advisory – ${street} area`,
    descriptionFr: `Des travaux sur l’aqueduc ${street} ont causé une baisse de pression.`,
    descriptionEn: `Water main works on ${street} caused a pressure drop.`,
    instructionFr: 'Faites bouillir l’eau au moins une minute avant de la boire ou de cuisiner.',
    instructionEn: 'Boil water for at least one minute before drinking or cooking with it.',
    areaDescFr: `Secteur ${street}`,
    areaDescEn: `${street} area`,
    area: polygon,
    expiresAt: new Date(at.getTime() + 3 * DAY),
    sentAt: at,
    createdAt: at,
    ...extra,
  });
}

async function seedTown(db: Database, orgId: string, slug: string, staffId: string | undefined) {
  const town = TOWNS[slug];
  if (!town) return;
  const now = Date.now();
  const scope = scopeOf(orgId);
  // Surveys: one open now, one closed with its results published.
  await db.insert(surveys).values([
    scope.rows({
      titleFr: 'Aménagement du parc riverain',
      titleEn: 'Riverside park redesign',
      introFr: 'Aidez-nous à choisir les aménagements du parc. Sondage anonyme, cinq minutes.',
      introEn: 'Help us choose the park’s facilities. Anonymous survey, five minutes.',
      questions: PARK,
      audience: 'residents' as const,
      anonymous: true,
      opensAt: new Date(now - 3 * DAY),
      closesAt: new Date(now + 25 * DAY),
      publishedAt: new Date(now - 3 * DAY),
      createdBy: staffId ?? null,
    }),
  ]);
  const closedId = newId();
  await db.insert(surveys).values(
    scope.rows({
      id: closedId,
      titleFr: 'Collecte des matières résiduelles',
      titleEn: 'Waste collection',
      introFr: 'Votre avis sur le nouveau calendrier de collecte.',
      introEn: 'Your opinion on the new pickup schedule.',
      questions: WASTE,
      audience: 'partners' as const,
      anonymous: true,
      opensAt: new Date(now - 60 * DAY),
      closesAt: new Date(now - 30 * DAY),
      publishedAt: new Date(now - 60 * DAY),
      resultsPublishedAt: new Date(now - 28 * DAY),
      createdBy: staffId ?? null,
    }),
  );
  const random = sequence(slug.length * 7919);
  const answers = Array.from({ length: 48 }, () => ({
    pickup: random() < 0.68 ? 'yes' : 'no',
    score: 1 + Math.min(4, Math.floor(random() * 3 + random() * 2.2)),
  }));
  await db
    .insert(surveyResponses)
    .values(
      answers.map((a) =>
        scope.rows({ id: randomUUID(), surveyId: closedId, answers: a, createdAt: DAY_ONLY }),
      ),
    );

  // Newsletters: two lists, confirmed subscribers, one archived issue.
  const purpose = findPurpose('newsletter');
  const [works, leisure] = await db
    .insert(newsletterLists)
    .values([
      scope.rows({
        nameFr: 'Travaux et circulation',
        nameEn: 'Roadworks and traffic',
        descriptionFr: 'Chantiers, fermetures de rues et détours.',
        descriptionEn: 'Roadworks, street closures and detours.',
      }),
      scope.rows({
        nameFr: 'Loisirs et culture',
        nameEn: 'Recreation and culture',
        descriptionFr: 'Activités, inscriptions et spectacles.',
        descriptionEn: 'Activities, registrations and shows.',
      }),
    ])
    .returning();
  if (works && leisure && purpose) {
    await db.insert(newsletterSubscriptions).values(
      ['marie.gagnon', 'luc.roy', 'sophie.cote'].map((name, i) =>
        scope.rows({
          listId: i === 2 ? leisure.id : works.id,
          email: `${name}@exemple.ca`,
          locale: 'fr' as const,
          status: 'active' as const,
          consentAt: new Date(now - (20 + i) * DAY),
          consentSource: 'web_form' as const,
          consentText: purpose.text.fr,
          consentVersion: purpose.version,
          consentLocale: 'fr' as const,
        }),
      ),
    );
    await db.insert(newsletterIssues).values(
      scope.rows({
        listId: works.id,
        subjectFr: `Chantiers de la semaine – ${town.street}`,
        subjectEn: `This week’s roadworks – ${town.street}`,
        bodyFr: `## Chantiers\n\n- **${town.street}** : réfection de l’aqueduc, circulation en alternance.\n- Stationnement interdit la nuit pendant les travaux.\n\nDétails sur [le site de la ville](https://example.org/travaux).`,
        bodyEn: `## Roadworks\n\n- **${town.street}**: water main renewal, alternating traffic.\n- No night parking during the works.\n\nDetails on [the town’s site](https://example.org/works).`,
        status: 'sent' as const,
        sentAt: new Date(now - 7 * DAY),
        recipients: 2,
        createdBy: staffId ?? null,
      }),
    );
  }

  // A consultation under way, its attached survey, a public meeting and first contributions.
  const [open] = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), isNull(surveys.resultsPublishedAt)));
  const consultationId = newId();
  const today = new Date(now).toISOString().slice(0, 10);
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  await db.insert(consultations).values(
    scope.rows({
      id: consultationId,
      titleFr: 'Réaménagement du parc riverain',
      titleEn: 'Riverside park redesign',
      contextFr: `La municipalité refait le parc riverain près de la ${town.street} en 2027. Avant de dessiner les plans, elle veut connaître les usages et les souhaits des résidents.`,
      contextEn: `The town is rebuilding the riverside park near ${town.street} in 2027. Before drawing the plans, it wants to know residents’ uses and wishes.`,
      documents: [
        {
          title: bi('Plan concept préliminaire (PDF)', 'Preliminary concept plan (PDF)'),
          url: 'https://example.org/parc-riverain/plan-concept.pdf',
        },
      ],
      phases: [
        { title: bi('Information', 'Information'), startsOn: day(-10), endsOn: day(-1) },
        { title: bi('Idées et sondage', 'Ideas and survey'), startsOn: today, endsOn: day(25) },
        { title: bi('Bilan public', 'Public report'), startsOn: day(26), endsOn: day(40) },
      ],
      surveyId: open?.id ?? null,
      publishedAt: new Date(now - 10 * DAY),
      createdBy: staffId ?? null,
    }),
  );
  await db.insert(consultationMeetings).values(
    scope.rows({
      consultationId,
      titleFr: 'Atelier citoyen',
      titleEn: 'Citizen workshop',
      place: 'Hôtel de ville, salle du conseil',
      startsAt: new Date(now + 9 * DAY),
      capacity: 40,
    }),
  );
  await db.insert(contributions).values([
    scope.rows({
      consultationId,
      kind: 'proposal' as const,
      authorName: 'Émilie T.',
      title: 'Jeux d’eau',
      body: 'Des jeux d’eau pour les enfants, ouverts tout l’été.',
      supports: 0,
    }),
    scope.rows({
      consultationId,
      kind: 'comment' as const,
      authorName: 'Marc B.',
      body: 'Plus d’ombre près des bancs, svp.',
      reviewedAt: new Date(now - DAY),
    }),
  ]);

  // Alerts: an active test alert; an alert then its update (active); an alert then its cancellation.
  const test = alertRow(orgId, town.centre, town.street, new Date(now - 2 * 3600_000), {
    status: 'Test',
    eventCode: 'testMessage',
    severity: 'Minor',
    headlineFr: 'Essai du système d’alerte municipal',
    headlineEn: 'Municipal alert system test',
    descriptionFr: 'Ceci est un essai. Aucune action n’est requise.',
    descriptionEn: 'This is a test. No action is required.',
    instructionFr: 'Aucune action requise : ceci est un essai.',
    instructionEn: 'No action required: this is a test.',
    area: { kind: 'territory' },
    areaDescFr: 'Tout le territoire',
    areaDescEn: 'Whole territory',
  });
  const first = alertRow(orgId, town.centre, town.street, new Date(now - 26 * 3600_000), {
    supersededAt: new Date(now - 20 * 3600_000),
  });
  const update = alertRow(orgId, town.centre, town.street, new Date(now - 20 * 3600_000), {
    msgType: 'Update',
    rootId: first.id,
    referencesId: first.id,
    headlineFr: `Avis d’ébullition prolongé – secteur ${town.street}`,
    headlineEn: `Boil-water advisory extended – ${town.street} area`,
  });
  const old = alertRow(orgId, town.centre, town.street, new Date(now - 10 * DAY), {
    eventCode: 'roadClose',
    headlineFr: `Fermeture de la ${town.street} (bris d’aqueduc)`,
    headlineEn: `${town.street} closed (water main break)`,
    instructionFr: 'Empruntez les rues voisines; suivez la signalisation.',
    instructionEn: 'Use neighbouring streets; follow the signs.',
    supersededAt: new Date(now - 9 * DAY),
  });
  const ended = alertRow(orgId, town.centre, town.street, new Date(now - 9 * DAY), {
    msgType: 'Cancel',
    rootId: old.id,
    referencesId: old.id,
    eventCode: 'roadClose',
    headlineFr: `Réouverture de la ${town.street}`,
    headlineEn: `${town.street} reopened`,
    instructionFr: 'La circulation est rétablie.',
    instructionEn: 'Traffic is back to normal.',
  });
  await db.insert(alerts).values([test, first, update, old, ended]);
  // Two named sectors staff can choose when writing an alert (drawn around the town centre).
  const [lat, lon] = town.centre;
  await db.insert(alertSectors).values([
    scope.rows({
      nameFr: 'Centre-ville',
      nameEn: 'Downtown',
      points: [
        [lat - 0.006, lon - 0.009],
        [lat - 0.006, lon + 0.009],
        [lat + 0.006, lon + 0.009],
        [lat + 0.006, lon - 0.009],
      ] as Array<[number, number]>,
    }),
    scope.rows({
      nameFr: 'Secteur nord',
      nameEn: 'North sector',
      points: [
        [lat + 0.006, lon - 0.02],
        [lat + 0.006, lon + 0.02],
        [lat + 0.025, lon + 0.015],
        [lat + 0.025, lon - 0.015],
      ] as Array<[number, number]>,
    }),
  ]);
}

registerDemoSeeder(async (db, orgIds, accountIds) => {
  const staffId = accountIds.get('staff');
  const joliette = orgIds.get('joliette');
  // The demo staff member of Joliette also runs participation (clerk) and alerts (public works).
  if (staffId && joliette) {
    await db
      .insert(memberships)
      .values([
        { orgId: joliette, accountId: staffId, role: 'clerk' as const },
        { orgId: joliette, accountId: staffId, role: 'public_works' as const },
      ])
      .onConflictDoNothing();
  }
  for (const slug of Object.keys(TOWNS)) {
    const orgId = orgIds.get(slug);
    if (orgId) await seedTown(db, orgId, slug, slug === 'joliette' ? staffId : undefined);
  }
});
