import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { parseCivic } from './address-fields.ts';
import { type AddressView, addressColumns, toAddressView } from './address-view.ts';
import { requireOrganisation } from './require-organisation.ts';
import { addresses, addressStreets } from './schema.ts';

/**
 * A search query split into the civic number typed first (matched exactly) and the rest. A number typed
 * last ("saint-jean 125") may be a civic number or part of the street's name ("route 132"): it is only
 * preferred, never required.
 */
export function parseAddressQuery(q: string): {
  civic?: { number: number; suffix: string | null };
  rest: string;
  trailingNumber?: number;
} {
  const match = q.trim().match(/^(\d{1,6}(?:\s*-?\s*(?:[A-Za-z]|1\/2)(?=[\s,]|$))?)(?:[\s,]+(.*))?$/s);
  const civic = match?.[1] ? parseCivic(match[1]) : undefined;
  if (civic) return { civic, rest: (match?.[2] ?? '').trim() };
  const trailing = q.trim().match(/[\s,]+(\d{1,6})$/)?.[1];
  return trailing ? { rest: q.trim(), trailingNumber: Number(trailing) } : { rest: q.trim() };
}

// pg_trgm's default word-similarity threshold (0.6) misses one typo in a short street name; a typed civic
// number already narrows the addresses to a handful, so the street may then match more loosely (as it
// must when a trailing number, absent from the street's text, weighs on the similarity).
const THRESHOLD_WITH_CIVIC = 0.3;
const THRESHOLD = 0.45;
// Streets considered per search: enough for every spelling close to the query.
const STREET_CANDIDATES = 25;

/** One search result: the address and how well its street matched (0 to 1). */
export type AddressMatch = AddressView & { score: number };

const civicConditions = (civic: { number: number; suffix: string | null } | undefined): SQL[] => {
  if (!civic) return [];
  const conditions = [eq(addresses.civicNumber, civic.number)];
  if (civic.suffix) conditions.push(eq(addresses.civicSuffix, civic.suffix));
  return conditions;
};

// Without a unit or suffix typed, the building itself before its units.
const buildingFirst = [
  sql`${addresses.civicSuffix} ASC NULLS FIRST`,
  sql`${addresses.unit} ASC NULLS FIRST`,
  asc(addresses.id),
];

/**
 * Searches an organisation's address register, ignoring accents, case and short forms (St/Saint,
 * boul./boulevard …): the query goes through the same `civique_address_words` as the stored text. Streets
 * are found first by trigram word similarity (GIN index), then the addresses on them, a leading civic
 * number matched exactly. Public: the register is public information.
 */
export async function searchAddresses(options: {
  db: Executor;
  orgId: string;
  input: { q: string; limit?: number };
}): Promise<AddressMatch[]> {
  const { db, orgId } = options;
  const limit = options.input.limit ?? 10;
  const { civic, rest, trailingNumber } = parseAddressQuery(options.input.q);
  const hasWords = /[\p{L}\p{N}]/u.test(rest);
  if (!civic && !hasWords) return [];

  let rows: Array<Omit<AddressView, 'label'> & { score: number }>;
  if (!hasWords) {
    // A civic number alone: that number on every street, streets in order.
    rows = await db
      .select({ ...addressColumns, score: sql<number>`1` })
      .from(addresses)
      .where(inOrg(addresses, orgId, ...civicConditions(civic)))
      .orderBy(asc(addresses.streetName), asc(addresses.municipality), ...buildingFirst)
      .limit(limit);
  } else {
    const words = sql`civique_address_words(${rest})`;
    const streets = db.$with('streets').as(
      db
        .select({
          id: addressStreets.id,
          score: sql<number>`word_similarity(${words}, ${addressStreets.searchText})`.as('score'),
          // Among streets that hold the query equally, the closest whole name (the shortest) first.
          closeness: sql<number>`similarity(${words}, ${addressStreets.searchText})`.as('closeness'),
        })
        .from(addressStreets)
        // `search_text %> q` is `word_similarity(q, search_text) >= threshold`, answered by the GIN index.
        .where(inOrg(addressStreets, orgId, sql`${addressStreets.searchText} %> ${words}`))
        .orderBy(
          desc(sql`word_similarity(${words}, ${addressStreets.searchText})`),
          desc(sql`similarity(${words}, ${addressStreets.searchText})`),
        )
        .limit(STREET_CANDIDATES),
    );
    rows = await db.transaction(async (tx) => {
      const threshold = String(civic || trailingNumber ? THRESHOLD_WITH_CIVIC : THRESHOLD);
      await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${threshold}, true)`);
      return tx
        .with(streets)
        .select({ ...addressColumns, score: streets.score })
        .from(streets)
        .innerJoin(
          addresses,
          inOrg(addresses, orgId, eq(addresses.streetId, streets.id), ...civicConditions(civic)),
        )
        .orderBy(
          desc(streets.score),
          desc(streets.closeness),
          ...(trailingNumber ? [desc(sql`${addresses.civicNumber} = ${trailingNumber}`)] : []),
          asc(addresses.civicNumber),
          // With a civic number typed (a handful of rows), the unit typed after the street ranks its row first.
          ...(civic ? [desc(sql`similarity(${words}, ${addresses.searchText})`)] : []),
          ...buildingFirst,
        )
        .limit(limit);
    });
  }
  if (rows.length === 0) await requireOrganisation(db, orgId);
  return rows.map(({ score, ...row }) => ({
    ...toAddressView(row),
    score: Math.round(Number(score) * 1000) / 1000,
  }));
}
