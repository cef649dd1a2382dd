import type { CategoryField } from './attributes.ts';

// Demonstration content of requests: what Joliette and Rivière-du-Loup residents actually report, on
// streets near each town centre (approximate real coordinates).

const yesNo = [
  { key: 'oui', nameFr: 'Oui', nameEn: 'Yes' },
  { key: 'non', nameFr: 'Non', nameEn: 'No' },
];

/** Departments (queues) of each demo town. */
export const DEMO_DEPARTMENTS = [
  { code: 'travaux-publics', nameFr: 'Travaux publics', nameEn: 'Public Works' },
  { code: 'environnement', nameFr: 'Environnement et collectes', nameEn: 'Environment and Collection' },
  { code: 'reglementation', nameFr: 'Réglementation et nuisances', nameEn: 'By-laws and Nuisances' },
];

/** A demo category with its department's code. */
export interface DemoCategory {
  code: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  groupFr: string;
  groupEn: string;
  department: string;
  sensitive?: boolean;
  ackDays: number;
  resolveDays: number;
  fields: CategoryField[];
  /** Sample descriptions residents write. */
  samples: string[];
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    code: 'nid-de-poule',
    nameFr: 'Nid-de-poule',
    nameEn: 'Pothole',
    descriptionFr: 'Trou dans la chaussée, une piste cyclable ou un trottoir.',
    descriptionEn: 'A hole in the roadway, a bike path or a sidewalk.',
    groupFr: 'Voirie',
    groupEn: 'Roads',
    department: 'travaux-publics',
    ackDays: 2,
    resolveDays: 10,
    fields: [
      {
        code: 'taille',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Taille approximative',
        labelEn: 'Approximate size',
        values: [
          { key: 'petit', nameFr: 'Moins de 30 cm', nameEn: 'Under 30 cm' },
          { key: 'moyen', nameFr: '30 à 60 cm', nameEn: '30 to 60 cm' },
          { key: 'grand', nameFr: 'Plus de 60 cm', nameEn: 'Over 60 cm' },
        ],
      },
      {
        code: 'voie',
        datatype: 'singlevaluelist',
        required: false,
        labelFr: 'Où est-il?',
        labelEn: 'Where is it?',
        values: [
          { key: 'chaussee', nameFr: 'Chaussée', nameEn: 'Roadway' },
          { key: 'piste', nameFr: 'Piste cyclable', nameEn: 'Bike path' },
          { key: 'trottoir', nameFr: 'Trottoir', nameEn: 'Sidewalk' },
        ],
      },
    ],
    samples: [
      'Gros nid-de-poule dans la voie de droite, les voitures font un écart pour l’éviter.',
      'Trou profond près de la bouche d’égout, dangereux pour les vélos.',
      'Plusieurs nids-de-poule à la sortie du stationnement de l’épicerie.',
    ],
  },
  {
    code: 'lampadaire',
    nameFr: 'Lampadaire défectueux',
    nameEn: 'Broken streetlight',
    descriptionFr: 'Lampadaire éteint, qui clignote ou reste allumé le jour.',
    descriptionEn: 'A streetlight that is out, flickers or stays on during the day.',
    groupFr: 'Éclairage',
    groupEn: 'Lighting',
    department: 'travaux-publics',
    ackDays: 2,
    resolveDays: 15,
    fields: [
      {
        code: 'numero_poteau',
        datatype: 'string',
        required: false,
        labelFr: 'Numéro inscrit sur le poteau',
        labelEn: 'Number written on the pole',
        descriptionFr: 'Une plaque de métal à hauteur des yeux, si elle est lisible.',
        descriptionEn: 'A metal plate at eye level, if it can be read.',
      },
      {
        code: 'probleme',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Problème',
        labelEn: 'Problem',
        values: [
          { key: 'eteint', nameFr: 'Éteint', nameEn: 'Out' },
          { key: 'clignote', nameFr: 'Clignote', nameEn: 'Flickers' },
          { key: 'jour', nameFr: 'Allumé le jour', nameEn: 'On during the day' },
          { key: 'endommage', nameFr: 'Endommagé', nameEn: 'Damaged' },
        ],
      },
    ],
    samples: [
      'Le lampadaire devant le 200 est éteint depuis une semaine, la rue est très sombre.',
      'Lampadaire qui clignote toute la nuit.',
    ],
  },
  {
    code: 'collecte-manquee',
    nameFr: 'Collecte manquée',
    nameEn: 'Missed collection',
    descriptionFr: 'Votre bac n’a pas été vidé le jour prévu.',
    descriptionEn: 'Your bin was not emptied on the scheduled day.',
    groupFr: 'Matières résiduelles',
    groupEn: 'Waste',
    department: 'environnement',
    ackDays: 1,
    resolveDays: 3,
    fields: [
      {
        code: 'type_collecte',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Collecte',
        labelEn: 'Collection',
        values: [
          { key: 'ordures', nameFr: 'Ordures', nameEn: 'Garbage' },
          { key: 'recyclage', nameFr: 'Recyclage', nameEn: 'Recycling' },
          { key: 'organique', nameFr: 'Matières organiques', nameEn: 'Organic waste' },
        ],
      },
      {
        code: 'bac_sorti',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Le bac était-il au chemin avant 7 h?',
        labelEn: 'Was the bin at the curb before 7 a.m.?',
        values: yesNo,
      },
    ],
    samples: [
      'Le bac de recyclage n’a pas été ramassé mardi, toute la rue a été oubliée.',
      'Collecte du bac brun manquée, les voisins aussi.',
    ],
  },
  {
    code: 'bruit',
    nameFr: 'Bruit',
    nameEn: 'Noise',
    descriptionFr:
      'Bruit excessif (chantier, fête, commerce). Montré sur la carte publique de façon approximative.',
    descriptionEn:
      'Excessive noise (construction, party, business). Shown only approximately on the public map.',
    groupFr: 'Nuisances',
    groupEn: 'Nuisances',
    department: 'reglementation',
    sensitive: true,
    ackDays: 1,
    resolveDays: 5,
    fields: [
      {
        code: 'moment',
        datatype: 'datetime',
        required: true,
        labelFr: 'Quand?',
        labelEn: 'When?',
      },
      {
        code: 'source',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Source du bruit',
        labelEn: 'Source of the noise',
        values: [
          { key: 'chantier', nameFr: 'Chantier', nameEn: 'Construction' },
          { key: 'fete', nameFr: 'Musique ou fête', nameEn: 'Music or party' },
          { key: 'commerce', nameFr: 'Commerce', nameEn: 'Business' },
          { key: 'vehicule', nameFr: 'Véhicule', nameEn: 'Vehicle' },
          { key: 'autre', nameFr: 'Autre', nameEn: 'Other' },
        ],
      },
      {
        code: 'recurrent',
        datatype: 'singlevaluelist',
        required: false,
        labelFr: 'Est-ce récurrent?',
        labelEn: 'Does it recur?',
        values: yesNo,
      },
    ],
    samples: [
      'Chantier qui commence à 5 h 30 le matin, avant l’heure permise.',
      'Musique très forte tous les vendredis soir jusqu’à 2 h.',
    ],
  },
  {
    code: 'deneigement',
    nameFr: 'Déneigement',
    nameEn: 'Snow removal',
    descriptionFr: 'Rue ou trottoir non déneigé, banc de neige dangereux.',
    descriptionEn: 'Street or sidewalk not cleared, dangerous snowbank.',
    groupFr: 'Voirie',
    groupEn: 'Roads',
    department: 'travaux-publics',
    ackDays: 1,
    resolveDays: 2,
    fields: [
      {
        code: 'probleme',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Problème',
        labelEn: 'Problem',
        values: [
          { key: 'rue', nameFr: 'Rue non déneigée', nameEn: 'Street not cleared' },
          { key: 'trottoir', nameFr: 'Trottoir non déneigé', nameEn: 'Sidewalk not cleared' },
          { key: 'banc', nameFr: 'Banc de neige qui cache la vue', nameEn: 'Snowbank blocking the view' },
          { key: 'dommages', nameFr: 'Dommages à une propriété', nameEn: 'Damage to property' },
        ],
      },
    ],
    samples: [
      'Le trottoir n’a pas été déneigé depuis la tempête, les enfants marchent dans la rue pour aller à l’école.',
      'Banc de neige très haut au coin, on ne voit pas les voitures arriver.',
    ],
  },
  {
    code: 'signalisation',
    nameFr: 'Signalisation',
    nameEn: 'Traffic signs',
    descriptionFr: 'Panneau renversé, manquant ou illisible; feu de circulation en panne.',
    descriptionEn: 'A sign knocked down, missing or unreadable; a traffic light out of order.',
    groupFr: 'Voirie',
    groupEn: 'Roads',
    department: 'travaux-publics',
    ackDays: 2,
    resolveDays: 10,
    fields: [
      {
        code: 'panneau',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Type',
        labelEn: 'Kind',
        values: [
          { key: 'arret', nameFr: 'Arrêt', nameEn: 'Stop sign' },
          { key: 'vitesse', nameFr: 'Limite de vitesse', nameEn: 'Speed limit' },
          { key: 'rue', nameFr: 'Nom de rue', nameEn: 'Street name' },
          { key: 'feu', nameFr: 'Feu de circulation', nameEn: 'Traffic light' },
          { key: 'autre', nameFr: 'Autre', nameEn: 'Other' },
        ],
      },
      {
        code: 'etat',
        datatype: 'multivaluelist',
        required: false,
        labelFr: 'État',
        labelEn: 'Condition',
        values: [
          { key: 'renverse', nameFr: 'Renversé', nameEn: 'Knocked down' },
          { key: 'manquant', nameFr: 'Manquant', nameEn: 'Missing' },
          { key: 'illisible', nameFr: 'Illisible', nameEn: 'Unreadable' },
          { key: 'cache', nameFr: 'Caché par la végétation', nameEn: 'Hidden by vegetation' },
        ],
      },
    ],
    samples: [
      'Le panneau d’arrêt a été renversé par la charrue.',
      'Panneau de nom de rue caché par un arbre.',
    ],
  },
  {
    code: 'arbre',
    nameFr: 'Arbre ou branche tombée',
    nameEn: 'Fallen tree or branch',
    descriptionFr: 'Arbre ou branche sur la voie publique ou menaçant de tomber.',
    descriptionEn: 'A tree or branch on public land, or about to fall.',
    groupFr: 'Parcs et arbres',
    groupEn: 'Parks and trees',
    department: 'travaux-publics',
    ackDays: 1,
    resolveDays: 5,
    fields: [
      {
        code: 'bloque',
        datatype: 'singlevaluelist',
        required: true,
        labelFr: 'Bloque-t-il le passage?',
        labelEn: 'Is it blocking the way?',
        values: yesNo,
      },
    ],
    samples: ['Grosse branche tombée sur le trottoir après le vent de cette nuit.'],
  },
];

/** Custom statuses of the demo towns. */
export const DEMO_STATUSES = [
  {
    code: 'planifiee',
    labelFr: 'Travaux planifiés',
    labelEn: 'Work scheduled',
    phase: 'acknowledged' as const,
  },
  {
    code: 'attente-entrepreneur',
    labelFr: 'En attente de l’entrepreneur',
    labelEn: 'Waiting for the contractor',
    phase: 'in_progress' as const,
  },
];

/** Reply templates of the demo towns. */
export const DEMO_TEMPLATES = [
  {
    name: 'Prise en charge',
    bodyFr: 'Merci de votre signalement. Notre équipe a été avisée et inspectera les lieux sous peu.',
    bodyEn: 'Thank you for your report. Our team has been notified and will inspect the site shortly.',
    status: 'acknowledged',
  },
  {
    name: 'Réparé',
    bodyFr: 'La réparation a été effectuée. Merci de votre collaboration!',
    bodyEn: 'The repair has been made. Thank you for your help!',
    status: 'resolved',
  },
  {
    name: 'Collecte reprise',
    bodyFr: 'Le camion repassera demain avant midi. Laissez votre bac au chemin.',
    bodyEn: 'The truck will come back tomorrow before noon. Leave your bin at the curb.',
    status: 'in_progress',
  },
];

/** Streets near each demo town's centre: [civic number, street type, street name, latitude, longitude]. */
export const DEMO_STREETS: Record<string, Array<[number, string, string, number, number]>> = {
  joliette: [
    [380, 'rue', 'Notre-Dame', 46.0227, -73.4405],
    [450, 'boulevard', 'Manseau', 46.0205, -73.4395],
    [614, 'rue', 'Saint-Charles-Borromée Nord', 46.0278, -73.442],
    [1075, 'boulevard', 'Base-de-Roc', 46.0335, -73.436],
    [355, 'rue', 'De Lanaudière', 46.0218, -73.436],
    [520, 'rue', 'Saint-Louis', 46.025, -73.4452],
    [1505, 'boulevard', 'Firestone', 46.034, -73.456],
    [270, 'rue', 'Beaudry Nord', 46.0245, -73.433],
    [160, 'rue', 'Gauthier Sud', 46.018, -73.442],
    [1125, 'boulevard', 'Sainte-Anne', 46.013, -73.444],
    [735, 'rue', 'Richard', 46.02, -73.447],
    [95, 'rue', 'Saint-Viateur', 46.024, -73.4385],
  ],
  'riviere-du-loup': [
    [65, 'rue', 'Lafontaine', 47.831, -69.533],
    [65, 'boulevard', 'de l’Hôtel-de-Ville', 47.834, -69.535],
    [120, 'rue', 'Fraser', 47.833, -69.541],
    [298, 'boulevard', 'Armand-Thériault', 47.823, -69.529],
    [55, 'rue', 'Saint-Pierre', 47.8295, -69.5375],
    [180, 'rue', 'Témiscouata', 47.8205, -69.521],
    [215, 'boulevard', 'Cartier', 47.838, -69.546],
    [40, 'rue', 'Frontenac', 47.828, -69.542],
    [100, 'rue', 'du Domaine', 47.816, -69.533],
  ],
};
