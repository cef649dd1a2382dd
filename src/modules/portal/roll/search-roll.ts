import { asc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { parseAddressQuery } from '../../../platform/geo/search-addresses.ts';
import { activeRoll, decodedUse, loadedUseCodes } from './active-roll.ts';
import { matriculeDigits } from './mamh-format.ts';
import { rollLots, rollUnits } from './schema.ts';

/** One search result: enough to choose a unit (the unit page has the rest). */
export interface RollMatch {
  id: string;
  year: number;
  matricule: string;
  address: string | null;
  lots: string[];
  use: { code: string; fr: string; en: string } | null;
  totalValue: number | null;
  latitude: number | null;
  longitude: number | null;
}

// As in the address register: one typo in a short street name passes when a civic number narrows the units
// (0.3 is also the loosest threshold the SQL function sets).
const THRESHOLD_WITH_CIVIC = 0.3;
const THRESHOLD = 0.45;
const STREET_CANDIDATES = 20;

const columns = {
  id: rollUnits.id,
  year: rollUnits.year,
  matricule: rollUnits.matricule,
  address: rollUnits.addressLabel,
  lots: rollUnits.lots,
  cubf: rollUnits.cubf,
  totalValue: rollUnits.totalValue,
  latitude: rollUnits.latitude,
  longitude: rollUnits.longitude,
};
type Row = Omit<RollMatch, 'use'> & { cubf: string | null };

/** A cadastral lot number as typed (`5 648 619`, `5648619`), or null. */
export function lotNumber(q: string): string | null {
  const compact = q.trim().replace(/\s+/g, '');
  return /^\d{7}$/.test(compact) ? compact : null;
}

/**
 * Searches an organisation's roll (the latest year unless told) by address, matricule or lot. Addresses
 * are matched like the address register's: accents, case and short forms (ch, boul, St) ignored, through
 * the platform's SQL normaliser; streets whose words begin as typed first, and only when none does, the
 * closest spellings (one typo tolerated). A
 * matricule matches with or without dashes, as a prefix; a lot exactly. Public: the roll is public
 * information (owners are never part of a result).
 */
export async function searchRoll(options: {
  db: Executor;
  orgId: string;
  input: { q: string; year?: number; limit?: number };
}): Promise<RollMatch[]> {
  const { db, orgId } = options;
  const limit = options.input.limit ?? 10;
  const roll = await activeRoll(db, orgId, options.input.year);
  const q = options.input.q.trim();
  const inRoll = (...conditions: Array<SQL | undefined>) =>
    inOrg(rollUnits, orgId, eq(rollUnits.importId, roll.importId), ...conditions);
  const rows: Row[] = [];
  const digits = matriculeDigits(q);
  const lot = lotNumber(q);
  if (digits && digits.length >= 4) {
    rows.push(
      ...(await db
        .select(columns)
        .from(rollUnits)
        .where(inRoll(like(rollUnits.matriculeDigits, `${digits}%`)))
        .orderBy(asc(rollUnits.matriculeKey))
        .limit(limit)),
    );
  }
  if (lot && rows.length < limit) {
    rows.push(
      ...(await db
        .select(columns)
        .from(rollUnits)
        .where(
          inOrg(
            rollUnits,
            orgId,
            eq(rollUnits.importId, roll.importId),
            inArray(
              rollUnits.id,
              db
                .select({ id: rollLots.unitId })
                .from(rollLots)
                .where(inOrg(rollLots, orgId, eq(rollLots.importId, roll.importId), eq(rollLots.lot, lot))),
            ),
          ),
        )
        .limit(limit - rows.length)),
    );
  }
  if (!digits && !lot) rows.push(...(await searchByAddress(db, orgId, roll.importId, q, limit)));
  const loaded = await loadedUseCodes(
    db,
    orgId,
    rows.map((r) => r.cubf ?? ''),
  );
  return rows.map(({ cubf, ...r }) => ({ ...r, use: decodedUse(cubf, loaded) }));
}

async function searchByAddress(
  db: Executor,
  orgId: string,
  importId: string,
  q: string,
  limit: number,
): Promise<Row[]> {
  const { civic, rest, trailingNumber } = parseAddressQuery(q);
  const hasWords = /[\p{L}\p{N}]/u.test(rest);
  const civicCondition = civic ? eq(rollUnits.civicFrom, civic.number) : undefined;
  if (!hasWords) {
    if (!civic) return [];
    return db
      .select(columns)
      .from(rollUnits)
      .where(inOrg(rollUnits, orgId, eq(rollUnits.importId, importId), civicCondition))
      .orderBy(asc(rollUnits.addressLabel))
      .limit(limit);
  }
  const threshold = civic || trailingNumber ? THRESHOLD_WITH_CIVIC : THRESHOLD;
  // One call (migration portal_roll_search_prefix): streets beginning as typed, the closest spellings only
  // when none does, then their units; PL/pgSQL keeps its plans per connection.
  const rows = rowsOf<{
    id: string;
    year: number;
    matricule: string;
    address: string | null;
    lots: string[];
    cubf: string | null;
    total_value: string | number | null;
    latitude: number | null;
    longitude: number | null;
  }>(
    await db.execute(sql`
      SELECT * FROM portal_roll_search(${orgId}::uuid, ${importId}::uuid, civique_address_words(${rest}),
        ${civic?.number ?? null}::int, ${trailingNumber ?? null}::int, ${threshold}::real,
        ${STREET_CANDIDATES}::int, ${limit}::int)`),
  );
  return rows.map((r) => ({
    id: r.id,
    year: Number(r.year),
    matricule: r.matricule,
    address: r.address,
    lots: r.lots,
    cubf: r.cubf,
    totalValue: r.total_value === null ? null : Number(r.total_value),
    latitude: r.latitude,
    longitude: r.longitude,
  }));
}
