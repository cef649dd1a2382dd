// Decoding tables of the MAMH roll's address codes: street types (`RL0101Ex`), linking words (`RL0101Fx`)
// and cardinal points (`RL0101Hx`). The product keeps its own tables (tests check they cover the reference
// files of shared/data/quebec-roll); codes are strings and keep their leading zeros.

/** A decoded code: the French word written in addresses and a readable English rendering. */
export interface Decoded {
  code: string;
  fr: string;
  en: string;
}

const table = (rows: Array<[string, string, string]>): ReadonlyMap<string, Decoded> =>
  new Map(rows.map(([code, fr, en]) => [code, { code, fr, en }]));

/** Street types (génériques) by MAMH code. English addresses keep the French generic; `en` explains it. */
export const STREET_TYPES = table([
  ['AL', 'allée', 'alley'],
  ['AR', 'ancienne route', 'old road'],
  ['AT', 'autoroute', 'highway'],
  ['AV', 'avenue', 'avenue'],
  ['BO', 'boulevard', 'boulevard'],
  ['CA', 'carré', 'square'],
  ['CE', 'cercle', 'circle'],
  ['CH', 'chemin', 'road'],
  ['CI', 'circle', 'circle'],
  ['CO', 'cours', 'course'],
  ['CR', 'croissant', 'crescent'],
  ['CS', 'concession', 'concession'],
  ['CT', 'côte', 'hill'],
  ['DE', 'desserte', 'service road'],
  ['DO', 'domaine', 'estate'],
  ['DR', 'drive', 'drive'],
  ['DS', 'descente', 'descent'],
  ['EC', 'échangeur', 'interchange'],
  ['EP', 'esplanade', 'esplanade'],
  ['GA', 'garden', 'garden'],
  ['IM', 'impasse', 'dead end'],
  ['JA', 'jardin', 'garden'],
  ['KO', 'court', 'court'],
  ['KR', 'crescent', 'crescent'],
  ['LC', 'lac', 'lake'],
  ['LN', 'lane', 'lane'],
  ['MO', 'montée', 'rise'],
  ['PL', 'place', 'place'],
  ['PR', 'promenade', 'promenade'],
  ['PS', 'passage', 'passage'],
  ['PU', 'plateau', 'plateau'],
  ['RA', 'rang', 'range road'],
  ['RD', 'road', 'road'],
  ['RG', 'ridge', 'ridge'],
  ['RL', 'ruelle', 'lane'],
  ['RO', 'route', 'route'],
  ['RU', 'rue', 'street'],
  ['SN', 'sentier', 'trail'],
  ['SQ', 'square', 'square'],
  ['ST', 'street', 'street'],
  ['TA', 'terrace', 'terrace'],
  ['TC', 'trait-carré', 'trait-carré'],
  ['TE', 'terrasse', 'terrace'],
  ['TL', 'trail', 'trail'],
  ['TV', 'traverse', 'crossing'],
  ['VO', 'voie', 'way'],
]);

// Longer spellings some municipal systems write in the same field; they decode like the official code.
const STREET_TYPE_ALIASES: Readonly<Record<string, string>> = {
  RUE: 'RU',
  CHE: 'CH',
  BOUL: 'BO',
  BD: 'BO',
  AVE: 'AV',
  RTE: 'RO',
  RG: 'RA',
  MTE: 'MO',
};

/** Linking words (articles and prepositions between the type and the name). */
export const LINKING_WORDS = table([
  ['A', 'à', 'à'],
  ['B', "à l'", "à l'"],
  ['C', 'à la', 'à la'],
  ['D', 'au', 'au'],
  ['E', 'aux', 'aux'],
  ['F', 'chez', 'chez'],
  ['G', 'chez les', 'chez les'],
  ['H', "d'", "d'"],
  ['I', "d'en", "d'en"],
  ['J', 'de', 'de'],
  ['K', "de l'", "de l'"],
  ['L', 'de la', 'de la'],
  ['M', 'des', 'des'],
  ['N', 'du', 'du'],
  ['O', 'en', 'en'],
  ['P', "l'", "l'"],
  ['Q', 'la', 'la'],
  ['R', 'le', 'le'],
  ['S', 'les', 'les'],
  ['T', 'sur', 'sur'],
  ['U', "sur l'", "sur l'"],
  ['V', 'sur la', 'sur la'],
  ['W', 'sur le', 'sur le'],
  ['X', 'sur les', 'sur les'],
]);

/** Cardinal points written after the name. */
export const CARDINAL_POINTS = table([
  ['E', 'Est', 'East'],
  ['N', 'Nord', 'North'],
  ['NE', 'Nord-Est', 'Northeast'],
  ['NO', 'Nord-Ouest', 'Northwest'],
  ['O', 'Ouest', 'West'],
  ['S', 'Sud', 'South'],
  ['SE', 'Sud-Est', 'Southeast'],
  ['SO', 'Sud-Ouest', 'Southwest'],
]);

/** A street type code decoded (an unknown code is shown as written). */
export function decodeStreetType(code: string | null): Decoded | null {
  if (!code) return null;
  const key = code.trim().toUpperCase();
  return STREET_TYPES.get(STREET_TYPE_ALIASES[key] ?? key) ?? { code: key, fr: code, en: code };
}

/** A linking word code decoded. */
export function decodeLinkingWord(code: string | null): Decoded | null {
  if (!code) return null;
  const key = code.trim().toUpperCase();
  return LINKING_WORDS.get(key) ?? { code: key, fr: code.toLowerCase(), en: code.toLowerCase() };
}

/** A cardinal point code decoded. */
export function decodeCardinalPoint(code: string | null): Decoded | null {
  if (!code) return null;
  const key = code.trim().toUpperCase();
  return CARDINAL_POINTS.get(key) ?? { code: key, fr: code, en: code };
}

/** The street as written in an address: `chemin Saint-Isidore`, `rue de l'Église Ouest`. */
export function streetLabel(parts: {
  streetType: string | null;
  linkingWord: string | null;
  streetName: string | null;
  cardinal: string | null;
}): string {
  const type = decodeStreetType(parts.streetType)?.fr;
  const link = decodeLinkingWord(parts.linkingWord)?.fr;
  const cardinal = decodeCardinalPoint(parts.cardinal)?.fr;
  const name = parts.streetName?.trim() ?? '';
  // An elided article ("de l'", "d'") is written against the name.
  const linked = link ? (link.endsWith("'") ? `${link}${name}` : `${link} ${name}`) : name;
  return [type, linked, cardinal].filter((p) => p && p.length > 0).join(' ');
}
