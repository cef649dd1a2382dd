// Writes one batch of units of an import (and the streets they introduce) in two statements: each batch is
// sent as one JSON parameter and expanded by jsonb_to_recordset, the closest thing to COPY both PGlite and
// node-postgres offer through the same SQL.
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { fold } from '../../../platform/geo/street-types.ts';
import { streetLabel } from './codes.ts';
import { formatMatricule, matriculeKey, type RollAddress, type RollUnit } from './mamh-format.ts';

/** The street of an address as the roll files it (type, linking word, name, cardinal point), or null. */
export function streetOf(a: RollAddress | undefined): { key: string; label: string } | null {
  if (!a?.streetName) return null;
  const label = streetLabel(a);
  return { key: fold(label), label };
}

/** `47, chemin Saint-Isidore`; `3-47A-49, rue …` for an apartment and a range. */
export function addressLabel(a: RollAddress | undefined): string | null {
  if (!a) return null;
  const street = streetLabel(a);
  const from = a.civicFrom !== null ? `${a.civicFrom}${a.civicFromSuffix ?? ''}` : '';
  const to = a.civicTo !== null ? `-${a.civicTo}${a.civicToSuffix ?? ''}` : '';
  const apartment = a.apartment ? `${a.apartment}${a.apartmentSuffix ?? ''}-` : '';
  const civic = from ? `${apartment}${from}${to}` : '';
  const label = [civic, street].filter(Boolean).join(', ');
  return label || null;
}

/** The streets met so far in an import: key → id (a municipality has at most a few thousand). */
export type StreetIds = Map<string, string>;

/**
 * Inserts a batch of units, creating their new streets first. Units whose matricule is already in this
 * import are left out; their matricule keys are returned so the caller can report them.
 */
export async function writeRollBatch(
  db: Executor,
  context: { orgId: string; importId: string; year: number; streets: StreetIds },
  units: readonly RollUnit[],
): Promise<{ inserted: number; duplicateLines: number[] }> {
  const { orgId, importId, year, streets } = context;
  const newStreets: Array<{ id: string; key: string; label: string }> = [];
  const rows = units.map((u) => {
    const first = u.addresses[0];
    const street = streetOf(first);
    let streetId: string | null = null;
    if (street) {
      streetId = streets.get(street.key) ?? null;
      if (!streetId) {
        streetId = newId();
        streets.set(street.key, streetId);
        newStreets.push({ id: streetId, ...street });
      }
    }
    const m = u.matricule;
    return {
      id: newId(),
      line: u.line,
      matricule: formatMatricule(m),
      digits: `${m.division}${m.section}${m.emplacement}`,
      key: matriculeKey(m),
      parts: m,
      street_id: streetId,
      civic_from: first?.civicFrom ?? null,
      address_label: addressLabel(first),
      addresses: u.addresses,
      lots: u.lots,
      cubf: u.cubf,
      neighbourhood: u.neighbourhood,
      frontage: u.frontage,
      area: u.area,
      storeys: u.storeys,
      year_built: u.yearBuilt,
      year_built_kind: u.yearBuiltKind,
      floor_area: u.floorArea,
      dwellings: u.dwellings,
      reference_date: u.referenceDate,
      land_value: u.landValue,
      building_value: u.buildingValue,
      total_value: u.totalValue,
      previous_value: u.previousValue,
      owners: u.owners.length ? u.owners : null,
    };
  });
  if (newStreets.length) {
    await db.execute(sql`
      INSERT INTO roll_streets (org_id, id, import_id, street_key, label)
      SELECT ${orgId}::uuid, s.id, ${importId}::uuid, s.key, s.label
      FROM jsonb_to_recordset(${JSON.stringify(newStreets)}::jsonb) AS s(id uuid, key text, label text)`);
  }
  if (rows.length === 0) return { inserted: 0, duplicateLines: [] };
  const result = await db.execute(sql`
    INSERT INTO roll_units (org_id, id, import_id, year, line, matricule, matricule_digits, matricule_key,
      matricule_parts, street_id, civic_from, address_label, addresses, lots, cubf, neighbourhood, frontage, area,
      storeys, year_built, year_built_kind, floor_area, dwellings, reference_date, land_value, building_value,
      total_value, previous_value, owners)
    SELECT ${orgId}::uuid, r.id, ${importId}::uuid, ${year}::int, r.line, r.matricule, r.digits, r.key, r.parts,
      r.street_id, r.civic_from, r.address_label, r.addresses, r.lots, r.cubf, r.neighbourhood, r.frontage, r.area,
      r.storeys, r.year_built, r.year_built_kind, r.floor_area, r.dwellings, r.reference_date, r.land_value,
      r.building_value, r.total_value, r.previous_value, r.owners
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, line int, matricule text, digits text,
      key text, parts jsonb, street_id uuid, civic_from int, address_label text, addresses jsonb, lots text[],
      cubf text, neighbourhood text, frontage float8, area float8, storeys int, year_built int,
      year_built_kind text, floor_area float8, dwellings int, reference_date text, land_value bigint,
      building_value bigint, total_value bigint, previous_value bigint, owners jsonb)
    ON CONFLICT (org_id, import_id, matricule_key) DO NOTHING
    RETURNING id, matricule_key`);
  const inserted = rowsOf<{ id: string; matricule_key: string }>(result);
  const written = new Set(inserted.map((r) => r.matricule_key));
  const insertedIds = new Set(inserted.map((r) => r.id));
  const lots = rows.flatMap((r) =>
    insertedIds.has(r.id) ? [...new Set(r.lots)].map((lot) => ({ lot, unit: r.id })) : [],
  );
  if (lots.length) {
    await db.execute(sql`
      INSERT INTO roll_lots (org_id, import_id, lot, unit_id)
      SELECT ${orgId}::uuid, ${importId}::uuid, l.lot, l.unit
      FROM jsonb_to_recordset(${JSON.stringify(lots)}::jsonb) AS l(lot text, unit uuid)`);
  }
  const duplicateLines: number[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    // Two units with one key: the first in the file was written, the later ones are duplicates.
    if (!written.has(r.key) || seen.has(r.key)) duplicateLines.push(r.line);
    seen.add(r.key);
  }
  return { inserted: written.size, duplicateLines };
}
