// Land-use codes (CUBF, code d'utilisation des biens-fonds) of field RL0105A. The product ships the first
// level of the classification and the codes its demonstration roll uses; an organisation loads the full
// official list from a CSV (load-use-codes.ts), which then takes precedence.
import { parse } from 'csv-parse/sync';
import type { Decoded } from './codes.ts';

/** First level of the CUBF: the leading digit of the code. */
export const CUBF_GROUPS: Readonly<Record<string, { fr: string; en: string }>> = {
  '1': { fr: 'Résidentielle', en: 'Residential' },
  '2': { fr: 'Industries manufacturières', en: 'Manufacturing' },
  '3': { fr: 'Industries manufacturières', en: 'Manufacturing' },
  '4': {
    fr: 'Transports, communications et services publics',
    en: 'Transportation, communications and utilities',
  },
  '5': { fr: 'Commerciale', en: 'Commercial' },
  '6': { fr: 'Services', en: 'Services' },
  '7': { fr: 'Culturelle, récréative et de loisirs', en: 'Cultural, recreational and leisure' },
  '8': {
    fr: 'Production et extraction de richesses naturelles',
    en: 'Natural resource production and extraction',
  },
  '9': { fr: 'Immeubles non exploités et étendues d’eau', en: 'Unused land and bodies of water' },
};

/** The codes of the demonstration roll (and the most common ones), with readable names. */
export const CUBF_CODES: Readonly<Record<string, { fr: string; en: string }>> = {
  '1000': { fr: 'Logement', en: 'Dwelling' },
  '1100': { fr: 'Chalet ou maison de villégiature', en: 'Cottage or vacation home' },
  '4621': { fr: 'Terrain de stationnement pour automobiles', en: 'Car parking lot' },
  '5000': { fr: 'Immeuble commercial', en: 'Commercial building' },
  '5411': { fr: 'Vente au détail de produits d’épicerie', en: 'Grocery store' },
  '5811': { fr: 'Restaurant avec service complet', en: 'Full-service restaurant' },
  '6000': { fr: 'Immeuble à bureaux', en: 'Office building' },
  '6811': { fr: 'École maternelle', en: 'Kindergarten' },
  '6812': { fr: 'École élémentaire', en: 'Elementary school' },
  '6911': { fr: 'Église, synagogue, mosquée et temple', en: 'Church, synagogue, mosque and temple' },
  '7611': { fr: 'Parc pour la récréation en général', en: 'General recreation park' },
  '9100': { fr: 'Espace de terrain non aménagé et non exploité', en: 'Undeveloped and unused land' },
};

/** A CUBF code and its meaning: the organisation's loaded list, then the shipped codes, then the group. */
export function decodeCubf(
  code: string | null,
  loaded?: ReadonlyMap<string, { fr: string; en: string }>,
): (Decoded & { group: { fr: string; en: string } | null }) | null {
  if (!code) return null;
  const key = code.trim();
  const group = CUBF_GROUPS[key.charAt(0)] ?? null;
  const known = loaded?.get(key) ?? CUBF_CODES[key];
  if (known) return { code: key, fr: known.fr, en: known.en, group };
  return { code: key, fr: group?.fr ?? key, en: group?.en ?? key, group };
}

/** One code read from an official list. */
export interface UseCodeRow {
  code: string;
  fr: string;
  en: string | null;
}

/**
 * Reads the official CUBF list as CSV: a header naming a code column (`code`, `cubf`, `code_cubf`), a French
 * description (`description`, `libelle`, `fr`, `description_fr`) and optionally an English one (`en`,
 * `description_en`). Delimiter `,` or `;`. Returns the rows and the line of each problem.
 */
export function parseUseCodesCsv(text: string): {
  rows: UseCodeRow[];
  errors: Array<{ line: number; reason: string }>;
} {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.slice(0, clean.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header, ...body] = records;
  const names = (header ?? []).map((h) => h.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
  const find = (candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const codeAt = find(['code', 'cubf', 'code_cubf', 'code cubf']);
  const frAt = find(['description', 'libelle', 'fr', 'description_fr', 'libelle_fr', 'nom']);
  const enAt = find(['en', 'description_en', 'libelle_en', 'english']);
  const errors: Array<{ line: number; reason: string }> = [];
  if (codeAt < 0 || frAt < 0) return { rows: [], errors: [{ line: 1, reason: 'header' }] };
  const rows: UseCodeRow[] = [];
  body.forEach((record, i) => {
    const line = i + 2;
    const code = record[codeAt]?.trim() ?? '';
    const fr = record[frAt]?.trim() ?? '';
    if (!/^\d{4}$/.test(code)) {
      errors.push({ line, reason: 'code' });
      return;
    }
    if (!fr) {
      errors.push({ line, reason: 'description' });
      return;
    }
    rows.push({
      code,
      fr: fr.slice(0, 300),
      en: enAt >= 0 ? record[enAt]?.trim().slice(0, 300) || null : null,
    });
  });
  return { rows, errors };
}
