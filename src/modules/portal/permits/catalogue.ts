// The permit types a municipality starts with (the demonstration's, and a model staff adjust): forms,
// documents, fee rules after typical Quebec by-laws, legal delays in business days.
import type { FeeRule } from './fee-rules.ts';
import type { FormField, RequiredDocument } from './form.ts';
import type { BldsMapping } from './schema.ts';

/** A permit type as the catalogue and the staff API write it. */
export interface PermitTypeInput {
  code: string;
  kind: 'permit' | 'declaration';
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  fields: FormField[];
  documents: RequiredDocument[];
  feeRule: FeeRule;
  legalDelayDays: number;
  validityMonths: number;
  blds: BldsMapping;
}

const t = (fr: string, en: string) => ({ fr, en });
const workValue: FormField = {
  key: 'workValue',
  type: 'money',
  label: t('Valeur estimée des travaux ($)', 'Estimated value of the work ($)'),
  required: true,
  min: 0,
  max: 100_000_000,
};
const startDate: FormField = {
  key: 'startDate',
  type: 'date',
  label: t('Début prévu des travaux', 'Planned start of work'),
  required: true,
};
const plans: RequiredDocument = {
  key: 'plans',
  label: t('Plans des travaux', 'Plans of the work'),
  required: true,
};
const sitePlan: RequiredDocument = {
  key: 'site_plan',
  label: t('Plan d’implantation ou certificat de localisation', 'Site plan or certificate of location'),
  required: true,
};
const residential = (
  permitTypeMapped: string,
  workClassMapped: 'New' | 'Existing' = 'Existing',
): BldsMapping => ({
  permitTypeMapped,
  workClassMapped,
  permitClassMapped: 'Residential',
});

/** The default catalogue: nine permits and two declarations. */
export const DEFAULT_PERMIT_TYPES: PermitTypeInput[] = [
  {
    code: 'construction',
    kind: 'permit',
    nameFr: 'Construction d’un bâtiment',
    nameEn: 'Construction of a building',
    descriptionFr: 'Nouveau bâtiment principal ou agrandissement.',
    descriptionEn: 'New main building or extension.',
    fields: [
      {
        key: 'use',
        type: 'select',
        label: t('Usage', 'Use'),
        required: true,
        options: [
          { value: 'residential', label: t('Résidentiel', 'Residential') },
          { value: 'commercial', label: t('Commercial', 'Commercial') },
        ],
      },
      {
        key: 'floorArea',
        type: 'area',
        label: t('Superficie de plancher (m²)', 'Floor area (m²)'),
        required: true,
        min: 1,
        max: 100_000,
      },
      {
        key: 'dwellings',
        type: 'number',
        label: t('Nombre de logements', 'Number of dwellings'),
        required: true,
        min: 0,
        max: 500,
        showIf: { field: 'use', equals: 'residential' },
      },
      workValue,
      startDate,
    ],
    documents: [plans, sitePlan],
    feeRule: {
      kind: 'per_area',
      centsPerSquareMetre: 150,
      areaField: 'floorArea',
      minCents: 10_000,
      maxCents: 200_000,
    },
    legalDelayDays: 30,
    validityMonths: 24,
    blds: residential('Building', 'New'),
  },
  {
    code: 'renovation',
    kind: 'permit',
    nameFr: 'Rénovation',
    nameEn: 'Renovation',
    descriptionFr: 'Travaux intérieurs ou extérieurs sur un bâtiment existant.',
    descriptionEn: 'Interior or exterior work on an existing building.',
    fields: [
      {
        key: 'structural',
        type: 'boolean',
        label: t('Travaux touchant la structure', 'Structural work'),
        required: true,
      },
      workValue,
      startDate,
    ],
    documents: [{ ...plans, required: true, showIf: { field: 'structural', equals: true } }],
    feeRule: {
      kind: 'per_thousand',
      centsPerThousand: 500,
      valueField: 'workValue',
      minCents: 5_000,
      maxCents: 50_000,
    },
    legalDelayDays: 20,
    validityMonths: 12,
    blds: residential('Building'),
  },
  {
    code: 'demolition',
    kind: 'permit',
    nameFr: 'Démolition',
    nameEn: 'Demolition',
    descriptionFr: 'Démolition totale ou partielle d’un bâtiment.',
    descriptionEn: 'Full or partial demolition of a building.',
    fields: [
      {
        key: 'extent',
        type: 'select',
        label: t('Étendue', 'Extent'),
        required: true,
        options: [
          { value: 'full', label: t('Totale', 'Full') },
          { value: 'partial', label: t('Partielle', 'Partial') },
        ],
      },
      startDate,
    ],
    documents: [{ key: 'photos', label: t('Photos du bâtiment', 'Photos of the building'), required: true }],
    feeRule: { kind: 'fixed', cents: 10_000 },
    legalDelayDays: 30,
    validityMonths: 6,
    blds: residential('Demolition'),
  },
  {
    code: 'piscine',
    kind: 'permit',
    nameFr: 'Piscine',
    nameEn: 'Swimming pool',
    descriptionFr:
      'Piscine creusée, hors terre ou démontable, et son enceinte (Règlement sur la sécurité des piscines résidentielles).',
    descriptionEn:
      'In-ground, above-ground or removable pool and its enclosure (residential pool safety regulation).',
    fields: [
      {
        key: 'poolType',
        type: 'select',
        label: t('Type de piscine', 'Pool type'),
        required: true,
        options: [
          { value: 'inground', label: t('Creusée', 'In-ground') },
          { value: 'aboveground', label: t('Hors terre', 'Above-ground') },
          { value: 'removable', label: t('Démontable', 'Removable') },
        ],
      },
      {
        key: 'wallHeight',
        type: 'number',
        label: t('Hauteur de la paroi (m)', 'Wall height (m)'),
        required: true,
        min: 0.3,
        max: 3,
        showIf: { field: 'poolType', equals: 'aboveground' },
      },
      {
        key: 'enclosure',
        type: 'boolean',
        label: t(
          'Enceinte de 1,2 m avec porte à fermeture automatique',
          '1.2 m enclosure with a self-closing gate',
        ),
        required: true,
      },
      {
        key: 'distanceToLine',
        type: 'number',
        label: t('Distance de la ligne de terrain (m)', 'Distance from the lot line (m)'),
        required: true,
        min: 1,
        max: 500,
      },
      startDate,
    ],
    documents: [sitePlan],
    feeRule: { kind: 'fixed', cents: 5_000 },
    legalDelayDays: 15,
    validityMonths: 12,
    blds: residential('Pool/Spa'),
  },
  {
    code: 'abattage',
    kind: 'permit',
    nameFr: 'Abattage d’arbre',
    nameEn: 'Tree cutting',
    descriptionFr: 'Abattage d’un arbre de 10 cm de diamètre ou plus.',
    descriptionEn: 'Cutting a tree 10 cm in diameter or more.',
    fields: [
      {
        key: 'trees',
        type: 'number',
        label: t('Nombre d’arbres', 'Number of trees'),
        required: true,
        min: 1,
        max: 100,
      },
      {
        key: 'reason',
        type: 'select',
        label: t('Motif', 'Reason'),
        required: true,
        options: [
          { value: 'dead', label: t('Arbre mort ou malade', 'Dead or diseased tree') },
          { value: 'danger', label: t('Arbre dangereux', 'Dangerous tree') },
          { value: 'construction', label: t('Travaux autorisés', 'Authorised construction') },
        ],
      },
    ],
    documents: [{ key: 'photos', label: t('Photos des arbres', 'Photos of the trees'), required: false }],
    feeRule: { kind: 'fixed', cents: 2_500 },
    legalDelayDays: 10,
    validityMonths: 6,
    blds: residential('Other'),
  },
  {
    code: 'remise',
    kind: 'permit',
    nameFr: 'Remise ou cabanon',
    nameEn: 'Shed',
    descriptionFr: 'Bâtiment accessoire de rangement.',
    descriptionEn: 'Accessory storage building.',
    fields: [
      {
        key: 'floorArea',
        type: 'area',
        label: t('Superficie (m²)', 'Area (m²)'),
        required: true,
        min: 1,
        max: 60,
      },
      workValue,
    ],
    documents: [sitePlan],
    feeRule: {
      kind: 'per_area',
      centsPerSquareMetre: 100,
      areaField: 'floorArea',
      minCents: 2_500,
      maxCents: 7_500,
    },
    legalDelayDays: 15,
    validityMonths: 12,
    blds: residential('Building', 'New'),
  },
  {
    code: 'enseigne',
    kind: 'permit',
    nameFr: 'Enseigne',
    nameEn: 'Sign',
    descriptionFr: 'Installation ou modification d’une enseigne commerciale.',
    descriptionEn: 'Installing or changing a business sign.',
    fields: [
      {
        key: 'signArea',
        type: 'area',
        label: t('Superficie de l’enseigne (m²)', 'Sign area (m²)'),
        required: true,
        min: 0.1,
        max: 50,
      },
      { key: 'lit', type: 'boolean', label: t('Enseigne lumineuse', 'Illuminated sign'), required: true },
    ],
    documents: [{ key: 'drawing', label: t('Croquis de l’enseigne', 'Drawing of the sign'), required: true }],
    feeRule: { kind: 'fixed', cents: 7_500 },
    legalDelayDays: 20,
    validityMonths: 12,
    blds: { permitTypeMapped: 'Sign', workClassMapped: 'Existing', permitClassMapped: 'Non-Residential' },
  },
  {
    code: 'septique',
    kind: 'permit',
    nameFr: 'Installation septique',
    nameEn: 'Septic system',
    descriptionFr: 'Construction ou remplacement d’une installation septique (Q-2, r. 22).',
    descriptionEn: 'Building or replacing a septic system (Q-2, r. 22).',
    fields: [
      {
        key: 'bedrooms',
        type: 'number',
        label: t('Nombre de chambres', 'Number of bedrooms'),
        required: true,
        min: 1,
        max: 20,
      },
      workValue,
    ],
    documents: [
      {
        key: 'study',
        label: t('Étude de caractérisation du site', 'Site characterisation study'),
        required: true,
      },
    ],
    feeRule: { kind: 'fixed', cents: 15_000 },
    legalDelayDays: 30,
    validityMonths: 12,
    blds: residential('Plumbing'),
  },
  {
    code: 'cloture',
    kind: 'declaration',
    nameFr: 'Clôture ou haie (déclaration)',
    nameEn: 'Fence or hedge (declaration)',
    descriptionFr: 'Déclaration de travaux : aucune approbation requise, accusé de réception immédiat.',
    descriptionEn: 'Declaration of work: no approval needed, acknowledged at once.',
    fields: [
      {
        key: 'location',
        type: 'select',
        label: t('Emplacement', 'Location'),
        required: true,
        options: [
          { value: 'front', label: t('Cour avant', 'Front yard') },
          { value: 'rear', label: t('Cour arrière ou latérale', 'Rear or side yard') },
        ],
      },
      {
        key: 'height',
        type: 'number',
        label: t('Hauteur (m)', 'Height (m)'),
        required: true,
        min: 0.3,
        max: 2,
      },
    ],
    documents: [],
    feeRule: { kind: 'none' },
    legalDelayDays: 0,
    validityMonths: 12,
    blds: residential('Fence'),
  },
  {
    code: 'travaux-mineurs',
    kind: 'declaration',
    nameFr: 'Travaux mineurs (déclaration)',
    nameEn: 'Minor work (declaration)',
    descriptionFr:
      'Peinture, revêtement de toiture identique, remplacement de portes et fenêtres de même dimension.',
    descriptionEn: 'Painting, identical roofing, replacing doors and windows of the same size.',
    fields: [workValue, startDate],
    documents: [],
    feeRule: { kind: 'none' },
    legalDelayDays: 0,
    validityMonths: 12,
    blds: residential('Building'),
  },
];
