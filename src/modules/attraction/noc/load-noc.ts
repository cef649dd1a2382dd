import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { type NocClass, SHIPPED_NOC } from './reference.ts';
import { nocClasses } from './schema.ts';

/** Upserts the classes Civique ships, without overwriting rows loaded from the official file. */
export async function ensureShippedNoc(db: Executor): Promise<void> {
  await db
    .insert(nocClasses)
    .values(SHIPPED_NOC.map((c) => ({ ...c, source: 'shipped' })))
    .onConflictDoNothing();
}

const HEADER_CODE = 'Code - NOC 2021 V1.0';

/** One row of the official file (Statistics Canada's NOC 2021 V1.0 structure CSV, English or French). */
export interface OfficialRow {
  level: number;
  code: string;
  title: string;
  definition: string;
}

/**
 * Parses the official classification file: columns `Level, Hierarchical structure, Code - NOC 2021 V1.0,
 * Class title, Class definition` (the French file has the same order). Codes stay strings (`00010`).
 */
export function parseOfficialNoc(csv: string | Buffer): OfficialRow[] {
  const records = parse(csv, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const [header, ...rows] = records;
  if (!header) return [];
  // The French file names its columns in French; both keep the same order, so fall back on positions.
  const at = (name: string, fallback: number) => {
    const i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    return i >= 0 ? i : fallback;
  };
  const iLevel = at('Level', 0);
  const iCode = at(HEADER_CODE, 2);
  const iTitle = at('Class title', 3);
  const iDef = at('Class definition', 4);
  const out: OfficialRow[] = [];
  for (const r of rows) {
    const code = (r[iCode] ?? '').replace(/\D/g, '');
    const level = Number(r[iLevel]);
    if (!code || !(level >= 1 && level <= 5) || code.length !== level) continue;
    out.push({ level, code, title: r[iTitle] ?? '', definition: r[iDef] ?? '' });
  }
  return out;
}

/**
 * Loads the official file in one language into `noc_classes` (run it once with the English file and once
 * with the French one). Titles of the other language are kept; a class missing in it gets this title.
 */
export async function loadOfficialNoc(
  db: Executor,
  csv: string | Buffer,
  language: 'en' | 'fr',
): Promise<number> {
  const rows = parseOfficialNoc(csv);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map((r) => ({
      code: r.code,
      level: r.level,
      titleEn: r.title,
      titleFr: r.title,
      definitionEn: language === 'en' ? r.definition : null,
      definitionFr: language === 'fr' ? r.definition : null,
      source: 'statcan',
    }));
    const set =
      language === 'en'
        ? { titleEn: sql`excluded.title_en`, definitionEn: sql`excluded.definition_en` }
        : { titleFr: sql`excluded.title_fr`, definitionFr: sql`excluded.definition_fr` };
    await db
      .insert(nocClasses)
      .values(values)
      .onConflictDoUpdate({
        target: nocClasses.code,
        set: { ...set, level: sql`excluded.level`, source: 'statcan', updatedAt: sql`now()` },
      });
  }
  return rows.length;
}

export type { NocClass };
