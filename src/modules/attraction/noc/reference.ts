// NOC 2021 V1.0 (Statistics Canada / ESDC) reference shipped with Civique: the 10 broad categories, the
// 45 major groups, the TEER categories and the unit groups the demonstration and the region's common
// jobs need. The full classification (516 unit groups with their definitions) is loaded from the
// official CSV by `load-noc-csv.ts`; it replaces these rows by the official ones.

/** One class of the classification at any level (1 = broad category … 5 = unit group). */
export interface NocClass {
  code: string;
  level: 1 | 2 | 3 | 4 | 5;
  titleFr: string;
  titleEn: string;
}

/** The six TEER categories (Training, Education, Experience and Responsibilities): the 2nd digit of a code. */
export const TEER: ReadonlyArray<{ teer: number; fr: string; en: string }> = [
  { teer: 0, fr: 'Gestion', en: 'Management' },
  {
    teer: 1,
    fr: 'Diplôme universitaire',
    en: 'University degree',
  },
  {
    teer: 2,
    fr: 'Diplôme collégial de deux ans ou plus, ou apprentissage de deux ans ou plus',
    en: 'College diploma of two years or more, or apprenticeship of two years or more',
  },
  {
    teer: 3,
    fr: 'Diplôme collégial de moins de deux ans, ou apprentissage de moins de deux ans',
    en: 'College diploma of less than two years, or apprenticeship of less than two years',
  },
  { teer: 4, fr: 'Diplôme d’études secondaires', en: 'High school diploma' },
  { teer: 5, fr: 'Aucune exigence scolaire', en: 'No formal education' },
];

/** The TEER category of a unit group (its second digit; broad category 0 is always TEER 0). */
export function teerOf(code: string): number {
  return Number(code.charAt(1));
}

const broad = (code: string, titleEn: string, titleFr: string): NocClass => ({
  code,
  level: 1,
  titleEn,
  titleFr,
});
const major = (code: string, titleEn: string, titleFr: string): NocClass => ({
  code,
  level: 2,
  titleEn,
  titleFr,
});
const unit = (code: string, titleEn: string, titleFr: string): NocClass => ({
  code,
  level: 5,
  titleEn,
  titleFr,
});

export const BROAD_CATEGORIES: readonly NocClass[] = [
  broad(
    '0',
    'Legislative and senior management occupations',
    'Membres des corps législatifs et cadres supérieurs',
  ),
  broad('1', 'Business, finance and administration occupations', 'Affaires, finance et administration'),
  broad(
    '2',
    'Natural and applied sciences and related occupations',
    'Sciences naturelles et appliquées et domaines apparentés',
  ),
  broad('3', 'Health occupations', 'Secteur de la santé'),
  broad(
    '4',
    'Occupations in education, law and social, community and government services',
    'Enseignement, droit et services sociaux, communautaires et gouvernementaux',
  ),
  broad('5', 'Occupations in art, culture, recreation and sport', 'Arts, culture, sports et loisirs'),
  broad('6', 'Sales and service occupations', 'Vente et services'),
  broad(
    '7',
    'Trades, transport and equipment operators and related occupations',
    'Métiers, transport, machinerie et domaines apparentés',
  ),
  broad(
    '8',
    'Natural resources, agriculture and related production occupations',
    'Ressources naturelles, agriculture et production connexe',
  ),
  broad('9', 'Occupations in manufacturing and utilities', 'Fabrication et services d’utilité publique'),
];

export const MAJOR_GROUPS: readonly NocClass[] = [
  major('00', 'Legislative and senior managers', 'Membres des corps législatifs et cadres supérieurs'),
  major(
    '10',
    'Specialized middle management occupations in administrative services, financial and business services and communication (except broadcasting)',
    'Personnel spécialisé en gestion des services administratifs, financiers et commerciaux et des communications (sauf la radiotélédiffusion)',
  ),
  major(
    '11',
    'Professional occupations in finance and business',
    'Personnel professionnel en finance et en affaires',
  ),
  major(
    '12',
    'Administrative and financial supervisors and specialized administrative occupations',
    'Superviseurs des services administratifs et financiers et personnel administratif spécialisé',
  ),
  major(
    '13',
    'Administrative occupations and transportation logistics occupations',
    'Personnel administratif et personnel en logistique du transport',
  ),
  major(
    '14',
    'Administrative and financial support and supply chain logistics occupations',
    'Personnel de soutien administratif et financier et personnel en logistique de la chaîne d’approvisionnement',
  ),
  major(
    '20',
    'Specialized middle management occupations in engineering, architecture, science and information systems',
    'Personnel spécialisé en gestion des services de génie, d’architecture, de sciences et de systèmes d’information',
  ),
  major(
    '21',
    'Professional occupations in natural and applied sciences',
    'Personnel professionnel en sciences naturelles et appliquées',
  ),
  major(
    '22',
    'Technical occupations related to natural and applied sciences',
    'Personnel technique relié aux sciences naturelles et appliquées',
  ),
  major(
    '30',
    'Specialized middle management occupations in health care',
    'Personnel spécialisé en gestion des soins de santé',
  ),
  major('31', 'Professional occupations in health', 'Personnel professionnel en santé'),
  major('32', 'Technical occupations in health', 'Personnel technique en santé'),
  major(
    '33',
    'Assisting occupations in support of health services',
    'Personnel de soutien des services de santé',
  ),
  major(
    '40',
    'Managerial occupations in public administration, in education and social and community services and in public protection services',
    'Personnel de gestion en administration publique, en enseignement, en services sociaux et communautaires et en services de protection publique',
  ),
  major(
    '41',
    'Professional occupations in law, education, social, community and government services',
    'Personnel professionnel en droit, en enseignement et en services sociaux, communautaires et gouvernementaux',
  ),
  major(
    '42',
    'Front-line public protection services and paraprofessional occupations in legal, social, community, education services',
    'Personnel de première ligne en services de protection publique et personnel paraprofessionnel des services juridiques, sociaux, communautaires et de l’enseignement',
  ),
  major(
    '43',
    'Assisting occupations in education and in legal and public protection',
    'Personnel de soutien en enseignement, en services juridiques et en protection publique',
  ),
  major(
    '44',
    'Care providers and public protection support occupations',
    'Dispensateurs de soins et personnel de soutien en protection publique',
  ),
  major(
    '45',
    'Student monitors, crossing guards and related occupations',
    'Surveillants d’élèves, brigadiers scolaires et personnel assimilé',
  ),
  major(
    '50',
    'Specialized middle management occupations in art, culture, recreation and sport',
    'Personnel spécialisé en gestion des arts, de la culture, des sports et des loisirs',
  ),
  major(
    '51',
    'Professional occupations in art and culture',
    'Personnel professionnel des arts et de la culture',
  ),
  major(
    '52',
    'Technical occupations in art, culture and sport',
    'Personnel technique des arts, de la culture et des sports',
  ),
  major('53', 'Occupations in art, culture and sport', 'Personnel des arts, de la culture et des sports'),
  major('54', 'Support occupations in sport', 'Personnel de soutien des sports'),
  major('55', 'Support occupations in art and culture', 'Personnel de soutien des arts et de la culture'),
  major(
    '60',
    'Middle management occupations in retail and wholesale trade and customer services',
    'Personnel de gestion du commerce de détail et de gros et des services à la clientèle',
  ),
  major(
    '62',
    'Retail sales and service supervisors and specialized occupations in sales and services',
    'Superviseurs des ventes au détail et des services et personnel spécialisé de la vente et des services',
  ),
  major('63', 'Occupations in sales and services', 'Personnel de la vente et des services'),
  major(
    '64',
    'Sales and service representatives and other customer and personal services occupations',
    'Représentants des ventes et des services et autre personnel des services à la clientèle et personnalisés',
  ),
  major('65', 'Sales and service support occupations', 'Personnel de soutien de la vente et des services'),
  major(
    '70',
    'Middle management occupations in trades and transportation',
    'Personnel de gestion des métiers et du transport',
  ),
  major(
    '72',
    'Technical trades and transportation officers and controllers',
    'Personnel des métiers techniques et officiers et contrôleurs du transport',
  ),
  major('73', 'General trades', 'Personnel des métiers généraux'),
  major(
    '74',
    'Mail and message distribution, other transport equipment operators and related maintenance workers',
    'Personnel de distribution du courrier, autres conducteurs de matériel de transport et personnel d’entretien connexe',
  ),
  major(
    '75',
    'Helpers and labourers and other transport drivers, operators and labourers',
    'Aides de soutien des métiers, manœuvres et autres conducteurs et opérateurs du transport',
  ),
  major(
    '80',
    'Middle management occupations in production and agriculture',
    'Personnel de gestion de la production et de l’agriculture',
  ),
  major(
    '82',
    'Supervisors and occupations in natural resources, agriculture and related production',
    'Superviseurs et personnel des ressources naturelles, de l’agriculture et de la production connexe',
  ),
  major(
    '83',
    'Occupations in natural resources and related production',
    'Personnel des ressources naturelles et de la production connexe',
  ),
  major(
    '84',
    'Intermediate occupations in natural resources and related production',
    'Personnel intermédiaire des ressources naturelles et de la production connexe',
  ),
  major(
    '85',
    'Natural resources and related production labourers',
    'Manœuvres des ressources naturelles et de la production connexe',
  ),
  major(
    '90',
    'Middle management occupations in manufacturing and utilities',
    'Personnel de gestion de la fabrication et des services d’utilité publique',
  ),
  major(
    '92',
    'Processing, manufacturing and utilities supervisors and central control operators',
    'Superviseurs en transformation, en fabrication et en services d’utilité publique et opérateurs de poste central de contrôle',
  ),
  major(
    '93',
    'Central control and process operators and aircraft assembly assemblers and inspectors',
    'Opérateurs de poste central de contrôle et de procédés et monteurs et contrôleurs d’aéronefs',
  ),
  major(
    '94',
    'Machine operators, assemblers and inspectors in processing, manufacturing and printing',
    'Opérateurs de machines, monteurs et contrôleurs en transformation, en fabrication et en impression',
  ),
  major(
    '95',
    'Labourers in processing, manufacturing and utilities',
    'Manœuvres en transformation, en fabrication et dans les services d’utilité publique',
  ),
];

/** Unit groups common in the region's offers (agri-food, health, education, trades, services). */
export const UNIT_GROUPS: readonly NocClass[] = [
  unit(
    '00015',
    'Senior managers - construction, transportation, production and utilities',
    'Cadres supérieurs/cadres supérieures - construction, transport, production et services d’utilité publique',
  ),
  unit(
    '10019',
    'Other administrative services managers',
    'Autres directeurs/directrices des services administratifs',
  ),
  unit('11100', 'Financial auditors and accountants', 'Vérificateurs/vérificatrices et comptables'),
  unit(
    '12010',
    'Supervisors, general office and administrative support workers',
    'Superviseurs/superviseures de commis de bureau et du personnel de soutien administratif',
  ),
  unit('13110', 'Administrative assistants', 'Adjoints administratifs/adjointes administratives'),
  unit('14100', 'General office support workers', 'Employés/employées de soutien de bureau généraux'),
  unit(
    '21231',
    'Software engineers and designers',
    'Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel',
  ),
  unit(
    '21232',
    'Software developers and programmers',
    'Développeurs/développeuses et programmeurs/programmeuses de logiciels',
  ),
  unit(
    '22310',
    'Electrical and electronics engineering technologists and technicians',
    'Technologues et techniciens/techniciennes en génie électronique et électrique',
  ),
  unit(
    '31102',
    'General practitioners and family physicians',
    'Omnipraticiens/omnipraticiennes et médecins en médecine familiale',
  ),
  unit(
    '31301',
    'Registered nurses and registered psychiatric nurses',
    'Infirmiers autorisés/infirmières autorisées et infirmiers psychiatriques autorisés/infirmières psychiatriques autorisées',
  ),
  unit('32101', 'Licensed practical nurses', 'Infirmiers auxiliaires/infirmières auxiliaires'),
  unit(
    '33102',
    'Nurse aides, orderlies and patient service associates',
    'Aides-infirmiers/aides-infirmières, aides-soignants/aides-soignantes et préposés/préposées aux bénéficiaires',
  ),
  unit('41220', 'Secondary school teachers', 'Enseignants/enseignantes au niveau secondaire'),
  unit(
    '41221',
    'Elementary school and kindergarten teachers',
    'Enseignants/enseignantes aux niveaux primaire et préscolaire',
  ),
  unit(
    '42202',
    'Early childhood educators and assistants',
    'Éducateurs/éducatrices et aides-éducateurs/aides-éducatrices de la petite enfance',
  ),
  unit(
    '44101',
    'Home support workers, caregivers and related occupations',
    'Aides familiaux résidents, aides de maintien à domicile et personnel assimilé',
  ),
  unit('62020', 'Food service supervisors', 'Superviseurs/superviseures des services alimentaires'),
  unit('63200', 'Cooks', 'Cuisiniers/cuisinières'),
  unit('63202', 'Bakers', 'Boulangers-pâtissiers/boulangères-pâtissières'),
  unit(
    '64100',
    'Retail salespersons and visual merchandisers',
    'Vendeurs/vendeuses et étalagistes - commerce de détail',
  ),
  unit('65100', 'Cashiers', 'Caissiers/caissières'),
  unit('65200', 'Food and beverage servers', 'Serveurs/serveuses d’aliments et de boissons'),
  unit(
    '65201',
    'Food counter attendants, kitchen helpers and related support occupations',
    'Serveurs/serveuses au comptoir, aides de cuisine et personnel de soutien assimilé',
  ),
  unit(
    '72106',
    'Welders and related machine operators',
    'Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser',
  ),
  unit(
    '72200',
    'Electricians (except industrial and power system)',
    'Électriciens/électriciennes (sauf électriciens industriels/électriciennes industrielles et de réseaux électriques)',
  ),
  unit('72310', 'Carpenters', 'Charpentiers-menuisiers/charpentières-menuisières'),
  unit(
    '72400',
    'Construction millwrights and industrial mechanics',
    'Mécaniciens/mécaniciennes de chantier et mécaniciens industriels/mécaniciennes industrielles',
  ),
  unit(
    '72410',
    'Automotive service technicians, truck and bus mechanics and mechanical repairers',
    'Techniciens/techniciennes et mécaniciens/mécaniciennes d’entretien et de réparation de véhicules automobiles, de camions et d’autobus',
  ),
  unit('73300', 'Transport truck drivers', 'Conducteurs/conductrices de camions de transport'),
  unit(
    '82030',
    'Agricultural service contractors and farm supervisors',
    'Entrepreneurs/entrepreneuses de services agricoles et surveillants/surveillantes d’exploitations agricoles',
  ),
  unit(
    '84120',
    'Specialized livestock workers and farm machinery operators',
    'Ouvriers spécialisés/ouvrières spécialisées dans l’élevage et conducteurs/conductrices de machinerie agricole',
  ),
  unit('85100', 'Livestock labourers', 'Manœuvres en élevage'),
  unit(
    '92012',
    'Supervisors, food and beverage processing',
    'Surveillants/surveillantes dans la transformation des aliments et des boissons',
  ),
  unit(
    '94140',
    'Process control and machine operators, food and beverage processing',
    'Opérateurs/opératrices de machines et de procédés industriels dans la transformation des aliments et des boissons',
  ),
  unit(
    '94141',
    'Industrial butchers and meat cutters, poultry preparers and related workers',
    'Bouchers industriels/bouchères industrielles, dépeceurs-découpeurs/dépeceuses-découpeuses de viande, préparateurs/préparatrices de volaille et personnel assimilé',
  ),
  unit(
    '95106',
    'Labourers in food and beverage processing',
    'Manœuvres dans la transformation des aliments et des boissons',
  ),
];

/** Everything shipped, every level. */
export const SHIPPED_NOC: readonly NocClass[] = [...BROAD_CATEGORIES, ...MAJOR_GROUPS, ...UNIT_GROUPS];

/** The shipped title of a code in both languages, if shipped. */
export function shippedTitle(code: string): { fr: string; en: string } | undefined {
  const c = SHIPPED_NOC.find((x) => x.code === code);
  return c ? { fr: c.titleFr, en: c.titleEn } : undefined;
}
