import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { teerOf } from './reference.ts';
import { nocClasses } from './schema.ts';

/** A class as the API shows it. */
export interface NocView {
  code: string;
  level: number;
  titleFr: string;
  titleEn: string;
  teer: number | null;
}

const view = (r: typeof nocClasses.$inferSelect): NocView => ({
  code: r.code,
  level: r.level,
  titleFr: r.titleFr,
  titleEn: r.titleEn,
  teer: r.level === 5 ? teerOf(r.code) : null,
});

/** Searches the classification by code prefix or by words of the French or English title (accents ignored). */
export async function searchNoc(options: {
  db: Executor;
  query: { q?: string; level?: number; limit?: number };
}): Promise<{ items: NocView[] }> {
  const { db, query } = options;
  const q = (query.q ?? '').trim();
  const conditions: SQL[] = [];
  if (query.level) conditions.push(eq(nocClasses.level, query.level));
  if (/^\d+$/.test(q)) conditions.push(sql`${nocClasses.code} like ${`${q}%`}`);
  else if (q) {
    for (const word of q.split(/\s+/).slice(0, 6)) {
      const like = `%${word.replace(/[%_\\]/g, '\\$&')}%`;
      conditions.push(
        sql`(unaccent(lower(${nocClasses.titleFr})) like unaccent(lower(${like})) or unaccent(lower(${nocClasses.titleEn})) like unaccent(lower(${like})))`,
      );
    }
  }
  const rows = await db
    .select()
    .from(nocClasses)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(nocClasses.level), asc(nocClasses.code))
    .limit(Math.min(query.limit ?? 20, 100));
  return { items: rows.map(view) };
}

/** The unit groups among the codes given, keyed by code (to validate input and title it). */
export async function nocUnitGroups(db: Executor, codes: readonly string[]): Promise<Map<string, NocView>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(nocClasses)
    .where(and(inArray(nocClasses.code, [...codes]), eq(nocClasses.level, 5)));
  return new Map(rows.map((r) => [r.code, view(r)]));
}
