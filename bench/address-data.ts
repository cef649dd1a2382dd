// Deterministic test data for the address-search benchmark: a register of Quebec streets (types, accents,
// saints) and the queries people type against it (typos, no accents, short forms).
import type { AddressInput } from '../src/platform/geo/address-fields.ts';

// mulberry32: a small deterministic generator, so every run searches the same register the same way.
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** The run's random numbers (deterministic). */
export const rand = random(20260501);
/** One element at random. */
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const NAMES = [
  'Saint-Jean',
  'Saint-Jean-Baptiste',
  'Sainte-Anne',
  'Sainte-Thérèse',
  'Saint-Louis',
  'Saint-Joseph',
  'Saint-Pierre',
  'Saint-Charles-Borromée',
  'Sainte-Marie',
  'Sainte-Catherine',
  'Saint-Laurent',
  'Saint-Viateur',
  'Notre-Dame',
  'Laflèche',
  'Lavallée',
  'Principale',
  'de la Gare',
  'de l’Église',
  'des Érables',
  'des Pins',
  'des Bouleaux',
  'des Cèdres',
  'du Lac',
  'du Moulin',
  'du Fleuve',
  'de la Rivière',
  'Champlain',
  'Frontenac',
  'Papineau',
  'Lafontaine',
  'Wilfrid-Laurier',
  'Jacques-Cartier',
  'Maisonneuve',
  'Montcalm',
  'Lévis',
  'Taché',
  'Hôtel-de-Ville',
  'de la Montagne',
  'des Écoles',
  'du Couvent',
  'de la Fabrique',
  'Beaudry',
  'Manseau',
  'Gaspard',
  'Lajoie',
  'Archambault',
  'Bélanger',
  'Côté',
  'Gagnon',
  'Tremblay',
  'Pelletier',
  'Bérubé',
  'Thibodeau',
  'Desjardins',
  'Lépine',
  'Provencher',
  'Sicotte',
  'Baby',
  'Dollard',
  'Marguerite-Bourgeoys',
  'Félix-Leclerc',
  'Émile-Nelligan',
  'Gabrielle-Roy',
  'Anne-Hébert',
  'René-Lévesque',
  'Jean-Lesage',
  'Honoré-Mercier',
  'Louis-Hébert',
  'de la Visitation',
  'de l’Industrie',
  'du Parc',
  'du Boisé',
  'des Outardes',
  'des Hirondelles',
  'des Mésanges',
  'des Geais-Bleus',
  'du Domaine',
  'de la Seigneurie',
  'du Collège',
  'Saint-Paul',
  'Saint-Thomas',
  'Saint-Édouard',
  'Sainte-Julie',
  'Sainte-Élisabeth',
  'Saint-Ambroise',
  'Kildare',
  'Beaudoin',
  'Ouellet',
  'Lévesque',
  'Gauthier',
  'Morin',
  'Lapointe',
  'Fortin',
  'Roy',
  'Boucher',
  'Sirois',
  'Dionne',
  'Saint-Onésime',
  'de Kamouraska',
  'du Quai',
  'de la Grève',
  'des Aboiteaux',
];
const TYPES: ReadonlyArray<[string, number]> = [
  ['rue', 55],
  ['boulevard', 8],
  ['chemin', 8],
  ['avenue', 7],
  ['rang', 6],
  ['montée', 4],
  ['route', 4],
  ['place', 3],
  ['croissant', 3],
  ['impasse', 2],
];
const SHORT: Record<string, string[]> = {
  boulevard: ['boul', 'boul.', 'bd'],
  chemin: ['ch.', 'ch'],
  avenue: ['av.', 'ave'],
  rang: ['rg'],
  montée: ['mtée', 'mtee'],
  route: ['rte'],
  place: ['pl.'],
  croissant: ['crois.'],
  impasse: ['imp.'],
  rue: ['rue'],
};
const TOWNS = ['Joliette', 'Saint-Charles-Borromée', 'Notre-Dame-des-Prairies', 'Saint-Paul', 'Crabtree'];
const LETTERS = 'ABCEGHJKLMNPRSTVXY';
const weightedType = () => {
  let r = rand() * 100;
  for (const [type, weight] of TYPES) {
    r -= weight;
    if (r < 0) return type;
  }
  return 'rue';
};
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** A register of `size` addresses, the same every run. */
export function register(size: number): AddressInput[] {
  const streets = new Set<string>();
  const rows: AddressInput[] = [];
  while (rows.length < size) {
    const streetType = weightedType();
    const streetName = pick(NAMES);
    const municipality = pick(TOWNS);
    const street = `${streetType}|${streetName}|${municipality}`;
    if (streets.has(street)) continue;
    streets.add(street);
    const lat0 = 46.0 + rand() * 0.1;
    const lon0 = -73.5 + rand() * 0.15;
    const fsa = `J${Math.floor(rand() * 10)}${pick([...LETTERS])}`;
    const length = 20 + Math.floor(rand() * 220);
    const first = pick([1, 2, 10, 11, 100, 101, 250, 1000, 1001, 2300]);
    for (let i = 0; i < length && rows.length < size; i++) {
      rows.push({
        civicNumber: first + 2 * i,
        civicSuffix: rand() < 0.03 ? 'A' : null,
        streetType,
        streetName,
        unit: rand() < 0.08 ? String(1 + Math.floor(rand() * 12)) : null,
        municipality,
        postalCode: `${fsa} ${Math.floor(rand() * 10)}${pick([...LETTERS])}${Math.floor(rand() * 10)}`,
        latitude: lat0 + i * 0.00005,
        longitude: lon0 + i * 0.00007,
      });
    }
  }
  return rows;
}

function typo(word: string): string {
  const letters = [...word];
  const i = 1 + Math.floor(rand() * Math.max(1, letters.length - 2));
  const kind = rand();
  if (kind < 0.34) letters.splice(i, 1);
  else if (kind < 0.67) [letters[i], letters[i - 1]] = [letters[i - 1] ?? '', letters[i] ?? ''];
  else letters[i] = pick([...'aeioulnrst']);
  return letters.join('');
}

/** How a query is written. */
export type Variant = 'exact' | 'no-accents' | 'short-forms' | 'typo' | 'street-only';
/** What a person types to find an address, written one way. */
export function queryFor(a: AddressInput, variant: Variant): string {
  const civic = `${a.civicNumber}${a.civicSuffix ?? ''}`;
  const type = a.streetType ?? '';
  switch (variant) {
    case 'exact':
      return `${civic}, ${type} ${a.streetName}`;
    case 'no-accents':
      return stripAccents(`${civic} ${type} ${a.streetName}`).toLowerCase();
    case 'short-forms':
      return `${civic} ${pick(SHORT[type] ?? [type])} ${a.streetName.replace(/^Saint-/, 'St-').replace(/^Sainte-/, 'Ste-')}`;
    case 'typo': {
      const words = a.streetName.split(/([\s-’]+)/);
      const longest = words.reduce((best, w, i) => (w.length > (words[best]?.length ?? 0) ? i : best), 0);
      words[longest] = typo(words[longest] ?? '');
      return `${civic} ${type} ${words.join('')}`;
    }
    case 'street-only':
      return stripAccents(`${pick(SHORT[type] ?? [type])} ${a.streetName}`);
  }
}
