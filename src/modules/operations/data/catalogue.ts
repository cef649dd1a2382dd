// Built-in station kinds and measure types: what a station of each kind usually reports.
import type { Bilingual } from '../../../platform/http/locale.ts';

/** Station kinds every organisation has; staff add their own (ops_station_kinds). */
export const BUILT_IN_KINDS = {
  traffic_counter: { fr: 'Compteur de circulation', en: 'Traffic counter' },
  treatment_outlet: { fr: 'Sortie de station de traitement', en: 'Treatment plant outlet' },
  reservoir: { fr: 'Réservoir', en: 'Reservoir' },
  well: { fr: 'Puits', en: 'Well' },
  network_point: { fr: 'Point d’échantillonnage du réseau', en: 'Network sampling point' },
} as const satisfies Record<string, Bilingual>;
export type BuiltInKind = keyof typeof BUILT_IN_KINDS;

/** Whether a kind is one of the drinking-water kinds (their readings are checked against the RQEP). */
export function isWaterKind(kind: string): boolean {
  return kind === 'treatment_outlet' || kind === 'reservoir' || kind === 'well' || kind === 'network_point';
}

/** A measure type: its unit and the physically possible range (outside it, the instrument is wrong). */
export interface MeasureType {
  name: Bilingual;
  unit: string;
  validMin: number | null;
  validMax: number | null;
}

/** Measure codes known to the product; staff may add others with their own unit. */
export const MEASURE_TYPES: Record<string, MeasureType> = {
  vehicle_count: {
    name: { fr: 'Nombre de véhicules', en: 'Vehicle count' },
    unit: 'veh',
    validMin: 0,
    validMax: 100_000,
  },
  heavy_vehicle_count: {
    name: { fr: 'Véhicules lourds', en: 'Heavy vehicles' },
    unit: 'veh',
    validMin: 0,
    validMax: 100_000,
  },
  speed: { name: { fr: 'Vitesse', en: 'Speed' }, unit: 'km/h', validMin: 0, validMax: 250 },
  free_chlorine: {
    name: { fr: 'Chlore résiduel libre', en: 'Free residual chlorine' },
    unit: 'mg/L',
    validMin: 0,
    validMax: 10,
  },
  turbidity: { name: { fr: 'Turbidité', en: 'Turbidity' }, unit: 'UTN', validMin: 0, validMax: 1000 },
  ph: { name: { fr: 'pH', en: 'pH' }, unit: 'pH', validMin: 0, validMax: 14 },
  flow: { name: { fr: 'Débit', en: 'Flow' }, unit: 'm³/h', validMin: 0, validMax: 100_000 },
  volume: { name: { fr: 'Volume', en: 'Volume' }, unit: 'm³', validMin: 0, validMax: 10_000_000 },
  temperature: { name: { fr: 'Température', en: 'Temperature' }, unit: '°C', validMin: -50, validMax: 60 },
  pressure: { name: { fr: 'Pression', en: 'Pressure' }, unit: 'kPa', validMin: 0, validMax: 2000 },
  level: { name: { fr: 'Niveau', en: 'Level' }, unit: 'm', validMin: -100, validMax: 200 },
};

/** The measures a new station of a built-in kind starts with. */
export const DEFAULT_MEASURES: Record<BuiltInKind, string[]> = {
  traffic_counter: ['vehicle_count', 'heavy_vehicle_count', 'speed'],
  treatment_outlet: ['free_chlorine', 'turbidity', 'ph', 'flow', 'volume', 'temperature'],
  reservoir: ['level', 'free_chlorine', 'volume'],
  well: ['level', 'flow', 'turbidity'],
  network_point: ['free_chlorine', 'pressure', 'temperature'],
};

/** The display name of a measure code (its code when staff made it up). */
export function measureName(code: string): Bilingual {
  return MEASURE_TYPES[code]?.name ?? { fr: code, en: code };
}
