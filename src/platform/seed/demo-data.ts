import type { Role } from '../auth/schema.ts';
import type { Branding } from '../orgs/schema.ts';

/** Demonstration organisations: MAMH geographic codes, slugs and colours of each town. */
export const DEMO_ORGANISATIONS: Array<{
  slug: string;
  kind: 'municipality' | 'mrc';
  geoCode: string;
  nameFr: string;
  nameEn: string;
  refPrefix: string;
  mrc?: string;
  branding: Branding;
}> = [
  {
    slug: 'joliette',
    kind: 'municipality',
    geoCode: '61025',
    nameFr: 'Joliette',
    nameEn: 'Joliette',
    refPrefix: 'JOL',
    branding: { primaryColor: '#00558c', accentColor: '#f2a900' },
  },
  {
    slug: 'saint-charles-borromee',
    kind: 'municipality',
    geoCode: '61035',
    nameFr: 'Saint-Charles-Borromée',
    nameEn: 'Saint-Charles-Borromée',
    refPrefix: 'SCB',
    branding: { primaryColor: '#1b6e3a', accentColor: '#c8102e' },
  },
  {
    slug: 'riviere-du-loup',
    kind: 'municipality',
    geoCode: '12072',
    nameFr: 'Rivière-du-Loup',
    nameEn: 'Rivière-du-Loup',
    refPrefix: 'RDL',
    branding: { primaryColor: '#004b87', accentColor: '#00a3e0' },
  },
  {
    slug: 'victoriaville',
    kind: 'municipality',
    geoCode: '39062',
    nameFr: 'Victoriaville',
    nameEn: 'Victoriaville',
    refPrefix: 'VIC',
    branding: { primaryColor: '#2e7d32', accentColor: '#ffb300' },
  },
  {
    slug: 'mrc-kamouraska',
    kind: 'mrc',
    geoCode: '140',
    nameFr: 'MRC de Kamouraska',
    nameEn: 'Kamouraska RCM',
    refPrefix: 'KAM',
    branding: { primaryColor: '#5b2c6f', accentColor: '#e67e22' },
  },
  {
    slug: 'saint-pascal',
    kind: 'municipality',
    geoCode: '14018',
    nameFr: 'Saint-Pascal',
    nameEn: 'Saint-Pascal',
    refPrefix: 'SPA',
    mrc: 'mrc-kamouraska',
    branding: { primaryColor: '#7b1e3a', accentColor: '#d4a017' },
  },
  {
    slug: 'kamouraska',
    kind: 'municipality',
    geoCode: '14050',
    nameFr: 'Kamouraska',
    nameEn: 'Kamouraska',
    refPrefix: 'KMR',
    mrc: 'mrc-kamouraska',
    branding: { primaryColor: '#0b5563', accentColor: '#e36414' },
  },
  {
    slug: 'la-pocatiere',
    kind: 'municipality',
    geoCode: '14085',
    nameFr: 'La Pocatière',
    nameEn: 'La Pocatière',
    refPrefix: 'LPO',
    mrc: 'mrc-kamouraska',
    branding: { primaryColor: '#234e70', accentColor: '#b5651d' },
  },
];

export const DEMO_PARTNERSHIPS = [
  {
    nameFr: 'Entente loisirs Joliette – Saint-Charles-Borromée',
    nameEn: 'Joliette – Saint-Charles-Borromée recreation agreement',
    scope: 'recreation',
    orgs: ['joliette', 'saint-charles-borromee'],
  },
];

/** Shared demonstration password (printed at start; refused nowhere because it is long and uncommon). */
export const DEMO_PASSWORD = 'Erable-Fleuve-2026';

/** Demonstration accounts, one per kind of user the product serves. */
export const DEMO_ACCOUNTS: Array<{
  key: string;
  email: string;
  givenName: string;
  familyName: string;
  locale: 'fr' | 'en';
  labelFr: string;
  labelEn: string;
  roles: Array<{ org: string; role: Role }>;
  installationAdmin?: boolean;
  totp?: boolean;
  dependants?: Array<{ givenName: string; birthDate: string }>;
}> = [
  {
    key: 'resident',
    email: 'resident@demo.civique.ca',
    givenName: 'Camille',
    familyName: 'Tremblay',
    locale: 'fr',
    labelFr: 'Résidente de Joliette (parent de deux enfants)',
    labelEn: 'Joliette resident (parent of two children)',
    roles: [],
    dependants: [
      { givenName: 'Léa', birthDate: '2016-05-14' },
      { givenName: 'Noah', birthDate: '2019-09-02' },
    ],
  },
  {
    key: 'staff',
    email: 'loisirs.joliette@demo.civique.ca',
    givenName: 'Mathieu',
    familyName: 'Gagnon',
    locale: 'fr',
    labelFr: 'Employé des loisirs, Joliette',
    labelEn: 'Recreation staff, Joliette',
    roles: [{ org: 'joliette', role: 'recreation' }],
  },
  {
    key: 'org-admin',
    email: 'admin.joliette@demo.civique.ca',
    givenName: 'Isabelle',
    familyName: 'Roy',
    locale: 'fr',
    labelFr: 'Administratrice de Joliette (double authentification)',
    labelEn: 'Joliette administrator (two-factor)',
    roles: [{ org: 'joliette', role: 'admin' }],
    totp: true,
  },
  {
    key: 'rdl-staff',
    email: 'urbanisme.rdl@demo.civique.ca',
    givenName: 'Olivier',
    familyName: 'Côté',
    locale: 'fr',
    labelFr: 'Urbanisme et opérations, Rivière-du-Loup',
    labelEn: 'Urban planning and operations, Rivière-du-Loup',
    roles: [
      { org: 'riviere-du-loup', role: 'urban_planning' },
      { org: 'riviere-du-loup', role: 'operations' },
    ],
  },
  {
    key: 'rdl-casual',
    email: 'rappel.rdl@demo.civique.ca',
    givenName: 'Jérémie',
    familyName: 'Ouellet',
    locale: 'fr',
    labelFr: 'Employé occasionnel sur la liste de rappel, Rivière-du-Loup',
    labelEn: 'Casual employee on the call-back list, Rivière-du-Loup',
    roles: [],
  },
  {
    key: 'dispatcher',
    email: 'repartition.victo@demo.civique.ca',
    givenName: 'Nathalie',
    familyName: 'Bergeron',
    locale: 'fr',
    labelFr: 'Répartitrice TaxiBus, Victoriaville',
    labelEn: 'TaxiBus dispatcher, Victoriaville',
    roles: [{ org: 'victoriaville', role: 'transit_dispatch' }],
  },
  {
    key: 'driver',
    email: 'chauffeur.victo@demo.civique.ca',
    givenName: 'Luc',
    familyName: 'Pelletier',
    locale: 'fr',
    labelFr: 'Chauffeur TaxiBus, Victoriaville',
    labelEn: 'TaxiBus driver, Victoriaville',
    roles: [{ org: 'victoriaville', role: 'transit_driver' }],
  },
  {
    key: 'mrc-staff',
    email: 'attractivite.kamouraska@demo.civique.ca',
    givenName: 'Sophie',
    familyName: 'Lévesque',
    locale: 'fr',
    labelFr: 'Attractivité, MRC de Kamouraska',
    labelEn: 'Attraction staff, Kamouraska RCM',
    roles: [{ org: 'mrc-kamouraska', role: 'attraction' }],
  },
  {
    key: 'employer',
    email: 'employeur@demo.civique.ca',
    givenName: 'Marc',
    familyName: 'Ouellet',
    locale: 'fr',
    labelFr: 'Employeur (Fromagerie du Kamouraska)',
    labelEn: 'Employer (Fromagerie du Kamouraska)',
    roles: [],
  },
  {
    key: 'candidate',
    email: 'candidate@demo.civique.ca',
    givenName: 'Amina',
    familyName: 'Diallo',
    locale: 'en',
    labelFr: 'Candidate nouvellement arrivée',
    labelEn: 'Newcomer job candidate',
    roles: [],
  },
  {
    key: 'installation-admin',
    email: 'admin@demo.civique.ca',
    givenName: 'Alex',
    familyName: 'Morin',
    locale: 'fr',
    labelFr: 'Administrateur de l’installation (double authentification)',
    labelEn: 'Installation administrator (two-factor)',
    roles: [],
    installationAdmin: true,
    totp: true,
  },
];
