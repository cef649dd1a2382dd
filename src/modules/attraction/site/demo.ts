// Demonstration content of the MRC de Kamouraska's regional site: pages, news, events, places, outlines and
// resource people with open appointment slots.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { regionContactSlots, regionContacts } from '../contacts/schema.ts';
import { regionBoundaries, regionPlaces } from '../places/schema.ts';
import { sitePageRevisions, sitePages } from './schema.ts';

type Item = {
  slug: string;
  kind: 'page' | 'news' | 'event';
  section?: string;
  menu?: number;
  fr: [string, string, string];
  en: [string, string, string];
  event?: [number, number, string, string];
};

const SECTION = 'vivre-ici';
const topics: Array<[string, string, string, string, string]> = [
  [
    'logement',
    'Logement',
    'Housing',
    'Trouver un logement : marché locatif, aide au premier loyer, coopératives et programme d’accès à la propriété.',
    'Finding a home: rentals, first-rent help, co-ops and the home-ownership program.',
  ],
  [
    'sante',
    'Santé',
    'Health',
    'Hôpital Notre-Dame-de-Fatima à La Pocatière, CLSC, inscription au Guichet d’accès à un médecin de famille.',
    'Notre-Dame-de-Fatima hospital in La Pocatière, CLSCs, registering with the family-doctor waiting list.',
  ],
  [
    'ecoles',
    'Écoles',
    'Schools',
    'Écoles primaires dans chaque municipalité, polyvalentes, Cégep de La Pocatière et ITA.',
    'Primary schools in every town, high schools, the Cégep de La Pocatière and the ITA.',
  ],
  [
    'garderies',
    'Garderies',
    'Daycare',
    'CPE, garderies subventionnées et milieux familiaux; inscrivez-vous à La Place 0-5 dès que possible.',
    'Early-childhood centres, subsidized and home daycare; register on La Place 0-5 as early as you can.',
  ],
  [
    'transport',
    'Transport',
    'Transport',
    'Transport collectif régional, covoiturage, train VIA Rail à La Pocatière, autoroute 20.',
    'Regional public transit, car-pooling, VIA Rail in La Pocatière, Highway 20.',
  ],
  [
    'immigration',
    'Immigration',
    'Immigration',
    'Accueil des personnes immigrantes, francisation, démarches (CAQ, permis de travail) et jumelage.',
    'Welcome for immigrants, French classes, paperwork (CAQ, work permits) and pairing with locals.',
  ],
  [
    'culture',
    'Culture',
    'Culture',
    'Musées, théâtre, festivals et la vie de village du Kamouraska.',
    'Museums, theatre, festivals and Kamouraska village life.',
  ],
  [
    'plein-air',
    'Plein air',
    'Outdoors',
    'Le fleuve, les aboiteaux, la randonnée au Haut-Pays et les couchers de soleil.',
    'The river, the dykes, hiking in the Haut-Pays and the sunsets.',
  ],
];

const day = (n: number, h = 0) => new Date(Date.now() + n * 86_400_000 + h * 3_600_000);

const ITEMS: Item[] = [
  {
    slug: SECTION,
    kind: 'page',
    menu: 1,
    fr: [
      'Vivre ici',
      'Ce que vivre au Kamouraska veut dire, au quotidien.',
      '## Bienvenue au Kamouraska\n\nEntre fleuve et montagnes, la MRC de Kamouraska regroupe 17 municipalités. Cette section répond aux questions de celles et ceux qui pensent s’y installer.',
    ],
    en: [
      'Living here',
      'What living in Kamouraska means, day to day.',
      '## Welcome to Kamouraska\n\nBetween the river and the hills, the Kamouraska RCM brings together 17 municipalities. This section answers the questions of people thinking of settling here.',
    ],
  },
  ...topics.map(
    ([slug, tf, te, df, de], i): Item => ({
      slug,
      kind: 'page',
      section: SECTION,
      menu: i + 1,
      fr: [
        tf,
        df,
        `${df}\n\n- Parlez-en à une [personne-ressource](/region/mrc-kamouraska/fr/personnes-ressources).\n- Voyez les lieux sur la [carte](/region/mrc-kamouraska/fr/lieux).`,
      ],
      en: [
        te,
        de,
        `${de}\n\n- Talk to a [resource person](/region/mrc-kamouraska/en/personnes-ressources).\n- See the places on the [map](/region/mrc-kamouraska/en/lieux).`,
      ],
    }),
  ),
  {
    slug: 'travailler-ici',
    kind: 'page',
    menu: 2,
    fr: [
      'Travailler ici',
      'Un marché de l’emploi actif : agroalimentaire, fabrication, santé, éducation.',
      'Consultez le **bottin des employeurs** et les offres d’emploi de la région.',
    ],
    en: [
      'Working here',
      'An active job market: agri-food, manufacturing, health, education.',
      'See the **employer directory** and the region’s job offers.',
    ],
  },
  {
    slug: 'nouvelle-halte-garderie',
    kind: 'news',
    fr: [
      'Nouvelle halte-garderie à Saint-Pascal',
      '24 places de plus pour les familles.',
      'La halte-garderie ouvre ses portes au centre communautaire. Inscriptions auprès de la municipalité.',
    ],
    en: [
      'New drop-in daycare in Saint-Pascal',
      '24 more spots for families.',
      'The drop-in daycare opens at the community centre. Register with the town.',
    ],
  },
  {
    slug: 'aide-premier-loyer',
    kind: 'news',
    fr: [
      'Aide au premier loyer reconduite',
      'Jusqu’à 1 200 $ pour les nouveaux arrivants.',
      'Le programme d’aide au premier loyer est reconduit pour l’année. Parlez-en à notre agente d’attraction.',
    ],
    en: [
      'First-rent help renewed',
      'Up to $1,200 for newcomers.',
      'The first-rent help program is renewed for the year. Talk to our attraction agent.',
    ],
  },
  {
    slug: 'salon-emploi-kamouraska',
    kind: 'event',
    event: [21, 3, 'Centre Robert-Côté', '50, rue Roger, La Pocatière'],
    fr: [
      'Salon de l’emploi du Kamouraska',
      'Rencontrez 40 employeurs de la région.',
      'Apportez votre CV : entrevues sur place, conseils d’installation et kiosque de la MRC.',
    ],
    en: [
      'Kamouraska job fair',
      'Meet 40 employers of the region.',
      'Bring your résumé: on-site interviews, settling-in advice and the RCM’s booth.',
    ],
  },
  {
    slug: 'accueil-nouveaux-arrivants',
    kind: 'event',
    event: [35, 2, 'Salle municipale de Kamouraska', '67, avenue Morel, Kamouraska'],
    fr: [
      'Soirée d’accueil des nouveaux arrivants',
      'Un 5 à 7 pour faire connaissance.',
      'Rencontrez vos voisins, les élus et les organismes de la région.',
    ],
    en: [
      'Newcomers’ welcome evening',
      'A get-together to meet people.',
      'Meet your neighbours, elected officials and the region’s organizations.',
    ],
  },
];

// Hand-drawn outlines around each town's inhabited core, clearly flagged as approximate: no official
// boundary file ships with Civique (../shared/data has none); staff replace them with the official ones.
const OUTLINES: Record<string, Array<[number, number]>> = {
  'saint-pascal': [
    [-69.86, 47.49],
    [-69.74, 47.49],
    [-69.72, 47.56],
    [-69.84, 47.58],
    [-69.86, 47.49],
  ],
  kamouraska: [
    [-69.92, 47.53],
    [-69.84, 47.53],
    [-69.82, 47.6],
    [-69.9, 47.61],
    [-69.92, 47.53],
  ],
  'la-pocatiere': [
    [-70.09, 47.33],
    [-69.98, 47.33],
    [-69.97, 47.4],
    [-70.07, 47.41],
    [-70.09, 47.33],
  ],
};

const PLACES: Array<
  [
    string,
    'services' | 'schools' | 'health' | 'daycare' | 'leisure' | 'housing_help',
    string,
    string,
    string,
    string,
    number,
    number,
    string,
  ]
> = [
  [
    'bureau-mrc',
    'services',
    'Bureaux de la MRC de Kamouraska',
    'Kamouraska RCM offices',
    '235, rue Rochette, Saint-Pascal',
    'saint-pascal',
    47.5302,
    -69.8045,
    'Accueil, aménagement, attractivité.',
  ],
  [
    'hopital-notre-dame-de-fatima',
    'health',
    'Hôpital Notre-Dame-de-Fatima',
    'Notre-Dame-de-Fatima Hospital',
    '1201, 6e Avenue Pilote, La Pocatière',
    'la-pocatiere',
    47.3607,
    -70.0267,
    'Urgence 24 h, soins spécialisés.',
  ],
  [
    'clsc-saint-pascal',
    'health',
    'CLSC de Saint-Pascal',
    'Saint-Pascal CLSC',
    '520, rue D’Anjou, Saint-Pascal',
    'saint-pascal',
    47.5317,
    -69.8061,
    'Services de santé de proximité.',
  ],
  [
    'cpe-pitchounes',
    'daycare',
    'CPE Les Pitchounes',
    'Les Pitchounes early-childhood centre',
    '555, avenue Patry, Saint-Pascal',
    'saint-pascal',
    47.5283,
    -69.8013,
    '80 places, poupons et 18 mois à 5 ans.',
  ],
  [
    'cpe-la-pocatiere',
    'daycare',
    'CPE La Pocatière',
    'La Pocatière early-childhood centre',
    '900, 9e Rue, La Pocatière',
    'la-pocatiere',
    47.3668,
    -70.0335,
    'Installation de 62 places.',
  ],
  [
    'halte-garderie-saint-pascal',
    'daycare',
    'Halte-garderie de Saint-Pascal',
    'Saint-Pascal drop-in daycare',
    '470, rue Notre-Dame, Saint-Pascal',
    'saint-pascal',
    47.5325,
    -69.8032,
    'Garde occasionnelle, sur réservation.',
  ],
  [
    'ecole-mgr-boucher',
    'schools',
    'École Mgr-Boucher',
    'École Mgr-Boucher',
    '560, avenue Patry, Saint-Pascal',
    'saint-pascal',
    47.5279,
    -69.8002,
    'École primaire.',
  ],
  [
    'cegep-la-pocatiere',
    'schools',
    'Cégep de La Pocatière',
    'Cégep de La Pocatière',
    '140, 4e Avenue, La Pocatière',
    'la-pocatiere',
    47.3658,
    -70.0321,
    'Formation collégiale et continue.',
  ],
  [
    'ecole-saint-louis',
    'schools',
    'École Saint-Louis',
    'École Saint-Louis',
    '30, rue Chassé, Kamouraska',
    'kamouraska',
    47.5651,
    -69.8668,
    'Petite école de village.',
  ],
  [
    'quai-kamouraska',
    'leisure',
    'Quai de Kamouraska',
    'Kamouraska wharf',
    'Avenue Morel, Kamouraska',
    'kamouraska',
    47.5688,
    -69.8721,
    'Couchers de soleil et promenade sur le fleuve.',
  ],
  [
    'centre-robert-cote',
    'leisure',
    'Centre Robert-Côté',
    'Centre Robert-Côté',
    '50, rue Roger, La Pocatière',
    'la-pocatiere',
    47.369,
    -70.0299,
    'Aréna et salle de spectacle.',
  ],
  [
    'sentiers-montagne-a-coton',
    'leisure',
    'Sentiers de la montagne à Coton',
    'Montagne à Coton trails',
    'Route 230, Saint-Pascal',
    'saint-pascal',
    47.52,
    -69.83,
    'Randonnée avec vue sur le fleuve.',
  ],
  [
    'office-habitation-kamouraska',
    'housing_help',
    'Office d’habitation du Kamouraska',
    'Kamouraska housing office',
    '245, rue Rochette, Saint-Pascal',
    'saint-pascal',
    47.5306,
    -69.8051,
    'Logements abordables et supplément au loyer.',
  ],
  [
    'comite-logement-la-pocatiere',
    'housing_help',
    'Comité logement de La Pocatière',
    'La Pocatière housing committee',
    '412, 9e Rue, La Pocatière',
    'la-pocatiere',
    47.364,
    -70.035,
    'Aide à la recherche de logement.',
  ],
  [
    'service-accueil-immigrants',
    'services',
    'Service d’accueil des personnes immigrantes',
    'Immigrant welcome service',
    '235, rue Rochette, Saint-Pascal',
    'saint-pascal',
    47.53,
    -69.804,
    'Francisation, démarches, jumelage.',
  ],
];

/** Seeds the regional site of the MRC de Kamouraska. */
export async function seedRegionSite(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<void> {
  const orgId = orgIds.get('mrc-kamouraska');
  if (!orgId) return;
  const author = accountIds.get('mrc-staff') ?? null;
  for (const it of ITEMS) {
    const [page] = await db
      .insert(sitePages)
      .values({
        orgId,
        slug: it.slug,
        kind: it.kind,
        section: it.section ?? null,
        inMenu: it.menu !== undefined,
        menuOrder: it.menu ?? 0,
        latestRevision: 1,
      })
      .returning();
    if (!page) continue;
    const [rev] = await db
      .insert(sitePageRevisions)
      .values({
        orgId,
        pageId: page.id,
        number: 1,
        titleFr: it.fr[0],
        summaryFr: it.fr[1],
        bodyFr: it.fr[2],
        titleEn: it.en[0],
        summaryEn: it.en[1],
        bodyEn: it.en[2],
        authorAccountId: author,
        eventStartsAt: it.event ? day(it.event[0], 13) : null,
        eventEndsAt: it.event ? day(it.event[0], 13 + it.event[1]) : null,
        eventLocation: it.event?.[2] ?? null,
        eventAddress: it.event?.[3] ?? null,
      })
      .returning();
    if (rev)
      await db
        .update(sitePages)
        .set({ publishedRevisionId: rev.id, publishedAt: new Date() })
        .where(and(eq(sitePages.orgId, orgId), eq(sitePages.id, page.id)));
  }
  for (const [slug, ring] of Object.entries(OUTLINES)) {
    const town = orgIds.get(slug);
    if (town)
      await db.insert(regionBoundaries).values({
        orgId,
        municipalityOrgId: town,
        geometry: { type: 'Polygon', coordinates: [ring] },
        approximate: true,
        source:
          'Contour approximatif tracé à la main (démonstration) / hand-drawn approximate outline (demo)',
      });
  }
  for (const [slug, category, nameFr, nameEn, address, town, lat, lng, desc] of PLACES) {
    await db.insert(regionPlaces).values({
      orgId,
      slug,
      category,
      nameFr,
      nameEn,
      descriptionFr: desc,
      descriptionEn: desc,
      address,
      municipalityOrgId: orgIds.get(town) ?? null,
      latitude: lat,
      longitude: lng,
    });
  }
  const people = [
    {
      slug: 'agente-attraction',
      name: 'Julie Ouellet',
      roleFr: 'Agente d’attraction',
      roleEn: 'Attraction agent',
      topics: ['employment', 'housing', 'daycare'],
      languages: ['fr', 'en'],
      email: 'attraction@mrc-kamouraska.demo.civique.ca',
    },
    {
      slug: 'conseiller-immigration',
      name: 'Moussa Ndiaye',
      roleFr: 'Conseiller en immigration',
      roleEn: 'Immigration advisor',
      topics: ['immigration', 'employment', 'schools'],
      languages: ['fr', 'en', 'wo'],
      email: 'immigration@mrc-kamouraska.demo.civique.ca',
    },
    {
      slug: 'aide-logement',
      name: 'Catherine Dionne',
      roleFr: 'Intervenante en logement',
      roleEn: 'Housing help worker',
      topics: ['housing'],
      languages: ['fr', 'es'],
      email: 'logement@mrc-kamouraska.demo.civique.ca',
    },
  ];
  for (const p of people) {
    const [c] = await db
      .insert(regionContacts)
      .values({
        orgId,
        ...p,
        bioFr: `${p.roleFr} de la MRC : je vous aide à préparer votre installation.`,
        bioEn: `${p.roleEn} at the RCM: I help you prepare your move.`,
      })
      .returning();
    if (!c) continue;
    const slots = [];
    for (let d = 1; d <= 10; d++)
      for (const h of [14, 15, 18])
        slots.push({
          orgId,
          contactId: c.id,
          startsAt: new Date(day(d).setUTCHours(h, 0, 0, 0)),
          endsAt: new Date(day(d).setUTCHours(h, 45, 0, 0)),
          mode: h === 18 ? ('video' as const) : ('in_person' as const),
        });
    await db.insert(regionContactSlots).values(slots);
  }
}
