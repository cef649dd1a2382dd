import type { Database } from '../../../platform/db/client.ts';
import { upsertAddresses } from '../../../platform/geo/upsert-addresses.ts';
import { activeRolls } from './active-roll.ts';
import { decodeStreetType, streetLabel } from './codes.ts';
import { generatedRollStream, generateUnits } from './demo-roll.ts';
import { importRoll } from './import-roll.ts';

/** Units of Rivière-du-Loup's demonstration roll. */
export const DEMO_ROLL_UNITS = 10_500;
/** The demonstration roll's year. */
export const DEMO_ROLL_YEAR = 2026;
const RDL_CODE = '12072';

/**
 * Rivière-du-Loup's demonstration roll: its addresses (with positions) go into the address register, then
 * the generated MAMH file goes through the same importer as the ministry's, which places the units.
 */
export async function seedDemoRoll(db: Database, orgIds: Map<string, string>): Promise<void> {
  const orgId = orgIds.get('riviere-du-loup');
  if (!orgId || (await activeRolls(db, orgId)).length > 0) return;
  const options = { units: DEMO_ROLL_UNITS, year: DEMO_ROLL_YEAR, seed: 12072 };
  let batch: Parameters<typeof upsertAddresses>[0]['rows'][number][] = [];
  const flush = async () => {
    await upsertAddresses({ db, orgId, rows: batch, source: 'demo:roll' });
    batch = [];
  };
  for (const { unit, latitude, longitude } of generateUnits(options)) {
    const a = unit.addresses[0];
    if (!a?.civicFrom || !a.streetName) continue;
    const type = decodeStreetType(a.streetType)?.fr ?? null;
    const label = streetLabel(a);
    batch.push({
      civicNumber: a.civicFrom,
      civicSuffix: null,
      streetType: type,
      // The register keeps the type apart; the rest of the street (linking word, name, cardinal) is its name.
      streetName: type && label.startsWith(`${type} `) ? label.slice(type.length + 1) : label,
      unit: null,
      municipality: 'Rivière-du-Loup',
      postalCode: null,
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
    });
    if (batch.length >= 2000) await flush();
  }
  if (batch.length) await flush();
  const summary = await importRoll({
    db,
    orgId,
    source: generatedRollStream({ municipality: RDL_CODE, ...options }),
    fileName: `RL${RDL_CODE}_${DEMO_ROLL_YEAR}.xml`,
  });
  if (summary.status !== 'active') throw new Error(`demo roll import failed: ${summary.error?.message}`);
}
