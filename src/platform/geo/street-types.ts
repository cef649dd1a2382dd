/**
 * Street types (génériques) as the address register stores them: the full French word, the code the
 * MAMH assessment rolls use for it, and the short forms people and municipal files write.
 *
 * `leading: false` marks English types, written after the name ("Main Street"); they are recognised in a
 * street-type column (by name or code) but never split off the start of a street name.
 *
 * The search normaliser in SQL (`civique_address_words`, migration geo_search_functions) expands the same
 * short forms; `street-types.test.ts` fails when the two lists drift apart.
 */
export interface StreetType {
  name: string;
  code: string;
  aliases: readonly string[];
  leading?: false;
}

export const STREET_TYPES: readonly StreetType[] = [
  { name: 'allée', code: 'AL', aliases: [] },
  { name: 'ancienne route', code: 'AR', aliases: [] },
  { name: 'autoroute', code: 'AT', aliases: ['aut'] },
  { name: 'avenue', code: 'AV', aliases: ['av', 'ave'] },
  { name: 'boulevard', code: 'BO', aliases: ['boul', 'bd', 'blvd', 'boulv'] },
  { name: 'carré', code: 'CA', aliases: [] },
  { name: 'cercle', code: 'CE', aliases: [] },
  { name: 'chemin', code: 'CH', aliases: ['ch', 'chem'] },
  { name: 'circle', code: 'CI', aliases: [], leading: false },
  { name: 'cours', code: 'CO', aliases: [] },
  { name: 'croissant', code: 'CR', aliases: ['crois'] },
  { name: 'concession', code: 'CS', aliases: ['conc'] },
  { name: 'côte', code: 'CT', aliases: ['cte'] },
  { name: 'desserte', code: 'DE', aliases: [] },
  { name: 'domaine', code: 'DO', aliases: ['dom'] },
  { name: 'drive', code: 'DR', aliases: [], leading: false },
  { name: 'descente', code: 'DS', aliases: [] },
  { name: 'échangeur', code: 'EC', aliases: [] },
  { name: 'esplanade', code: 'EP', aliases: [] },
  { name: 'garden', code: 'GA', aliases: [], leading: false },
  { name: 'impasse', code: 'IM', aliases: ['imp'] },
  { name: 'jardin', code: 'JA', aliases: [] },
  { name: 'court', code: 'KO', aliases: [], leading: false },
  { name: 'crescent', code: 'KR', aliases: [], leading: false },
  { name: 'lac', code: 'LC', aliases: [], leading: false },
  { name: 'lane', code: 'LN', aliases: [], leading: false },
  { name: 'montée', code: 'MO', aliases: ['mtee', 'mte'] },
  { name: 'place', code: 'PL', aliases: ['pl'] },
  { name: 'promenade', code: 'PR', aliases: ['prom'] },
  { name: 'passage', code: 'PS', aliases: [] },
  { name: 'plateau', code: 'PU', aliases: [] },
  { name: 'rang', code: 'RA', aliases: ['rg'] },
  { name: 'road', code: 'RD', aliases: [], leading: false },
  { name: 'ridge', code: 'RG', aliases: [], leading: false },
  { name: 'ruelle', code: 'RL', aliases: [] },
  { name: 'route', code: 'RO', aliases: ['rte'] },
  { name: 'rue', code: 'RU', aliases: [] },
  { name: 'sentier', code: 'SN', aliases: [] },
  { name: 'square', code: 'SQ', aliases: ['sq'] },
  { name: 'street', code: 'ST', aliases: [], leading: false },
  { name: 'terrace', code: 'TA', aliases: [], leading: false },
  { name: 'trait-carré', code: 'TC', aliases: [] },
  { name: 'terrasse', code: 'TE', aliases: ['terr'] },
  { name: 'trail', code: 'TL', aliases: [], leading: false },
  { name: 'traverse', code: 'TV', aliases: [] },
  { name: 'voie', code: 'VO', aliases: [] },
];

/**
 * Words that are not street types but are abbreviated in street names and expanded by the search
 * normaliser too (`St-Jean` is `Saint-Jean`).
 */
export const NAME_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
  mt: 'mont',
  pte: 'pointe',
};

/** Lower case, accents off, every run of other characters one space: the form names are compared in. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byFolded = new Map<string, StreetType>();
for (const type of STREET_TYPES) {
  byFolded.set(fold(type.name), type);
  for (const alias of type.aliases) byFolded.set(alias, type);
}
const byCode = new Map(STREET_TYPES.map((t) => [t.code, t]));

/** The street type a street-type cell names (full word, short form or MAMH code), or undefined. */
export function streetTypeOf(value: string): StreetType | undefined {
  const code = byCode.get(value.trim().toUpperCase());
  if (code) return code;
  return byFolded.get(fold(value));
}

/**
 * Splits a street written in full ("boul. Laflèche", "rue de la Gare") into its type and name.
 * A street that does not start with a French type keeps its whole text as the name ("Main Street").
 */
export function splitStreet(street: string): { type: string | null; name: string } {
  const text = street.trim().replace(/\s+/g, ' ');
  // Try two-word types first ("ancienne route"), then one word; the type ends at a space, dot or comma.
  for (const words of [2, 1]) {
    const match = text.match(words === 2 ? /^(\S+\s+\S+?)[.,]?\s+(.+)$/ : /^(\S+?)[.,]?\s+(.+)$/);
    if (!match?.[1] || !match[2]) continue;
    const type = byFolded.get(fold(match[1]));
    if (type && type.leading !== false) return { type: type.name, name: match[2].replace(/^[,\s]+/, '') };
  }
  return { type: null, name: text };
}
