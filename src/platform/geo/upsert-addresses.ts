import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import type { AddressInput } from './address-fields.ts';
import { addresses, addressStreets } from './schema.ts';

// PostgreSQL's "ON CONFLICT DO UPDATE command cannot affect row a second time" (Drizzle wraps the driver's
// error as `cause`).
function isCardinalityViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '21000') return true;
  return false;
}

type Street = Pick<AddressInput, 'streetType' | 'streetName' | 'municipality'>;

/** The street row of each address (created when new), matched by the database's street key. */
async function streetIds(db: Executor, orgId: string, rows: readonly AddressInput[]): Promise<string[]> {
  const scope = scopeOf(orgId);
  const distinct = new Map<string, Street & { ord: number }>();
  const ordOf = rows.map((r) => {
    const raw = `${r.streetType ?? ''}\u0000${r.streetName}\u0000${r.municipality ?? ''}`;
    let street = distinct.get(raw);
    if (!street) {
      street = {
        ord: distinct.size,
        streetType: r.streetType,
        streetName: r.streetName,
        municipality: r.municipality,
      };
      distinct.set(raw, street);
    }
    return street.ord;
  });
  const streets = [...distinct.values()];
  // Two writings of one street in a batch meet the unique key: DO NOTHING keeps the first.
  await db
    .insert(addressStreets)
    .values(
      streets.map((s) =>
        scope.rows({ streetType: s.streetType, streetName: s.streetName, municipality: s.municipality }),
      ),
    )
    .onConflictDoNothing({ target: [addressStreets.orgId, addressStreets.streetKey] });
  const keys = rowsOf<{ ord: number; key: string }>(
    await db.execute(sql`
      SELECT i.ord, civique_street_key(i.t, i.n, i.m) AS key
      FROM jsonb_to_recordset(${JSON.stringify(streets.map((s) => ({ ord: s.ord, t: s.streetType, n: s.streetName, m: s.municipality })))}::jsonb)
        AS i(ord int, t text, n text, m text)`),
  );
  const found = await db
    .select({ id: addressStreets.id, key: addressStreets.streetKey })
    .from(addressStreets)
    .where(
      scope.where(addressStreets, inArray(addressStreets.streetKey, [...new Set(keys.map((k) => k.key))])),
    );
  const idByKey = new Map(found.map((f) => [f.key, f.id]));
  const idByOrd = new Map(keys.map((k) => [Number(k.ord), idByKey.get(k.key)]));
  return ordOf.map((ord) => {
    const id = idByOrd.get(ord);
    if (!id) throw new Error('street row missing after insert');
    return id;
  });
}

async function upsertBatch(
  db: Executor,
  orgId: string,
  rows: readonly AddressInput[],
  source: string,
): Promise<{ inserted: number; updated: number }> {
  const scope = scopeOf(orgId);
  const ids = await streetIds(db, orgId, rows);
  const result = await db
    .insert(addresses)
    .values(
      rows.map((row, i) => {
        const streetId = ids[i];
        if (!streetId) throw new Error('street id missing');
        return scope.rows({ ...row, streetId, source });
      }),
    )
    .onConflictDoUpdate({
      target: [addresses.orgId, addresses.addressKey],
      set: {
        streetId: sql`excluded.street_id`,
        civicSuffix: sql`excluded.civic_suffix`,
        streetType: sql`excluded.street_type`,
        streetName: sql`excluded.street_name`,
        unit: sql`excluded.unit`,
        municipality: sql`excluded.municipality`,
        postalCode: sql`excluded.postal_code`,
        latitude: sql`excluded.latitude`,
        longitude: sql`excluded.longitude`,
        source: sql`excluded.source`,
        updatedAt: sql`now()`,
      },
    })
    // xmax is 0 on a row this statement inserted, and set on one it updated.
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted };
}

/**
 * Adds addresses to an organisation's register, updating the row with the same address key (same civic
 * number, suffix, street, unit and municipality, however written) instead of adding a second one, and
 * filing each under its street. Callers check their policy first; this is the register's one write path.
 */
export async function upsertAddresses(options: {
  db: Executor;
  orgId: string;
  rows: readonly AddressInput[];
  source: string;
}): Promise<{ inserted: number; updated: number }> {
  const { db, orgId, rows, source } = options;
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  try {
    return await db.transaction((tx) => upsertBatch(tx, orgId, rows, source));
  } catch (error) {
    if (!isCardinalityViolation(error)) throw error;
    // The same address twice in one batch (written two ways): one row at a time, the later one wins.
    let inserted = 0;
    let updated = 0;
    for (const row of rows) {
      const r = await db.transaction((tx) => upsertBatch(tx, orgId, [row], source));
      inserted += r.inserted;
      updated += r.updated;
    }
    return { inserted, updated };
  }
}
