import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { activeRolls } from '../roll/active-roll.ts';
import { rollUnits } from '../roll/schema.ts';

/** The snapshot of a roll unit kept on a file (rolls are replaced each year; the file keeps what it was). */
export async function propertySnapshot(db: Executor, orgId: string, unitId: string) {
  const [unit] = await db
    .select({
      id: rollUnits.id,
      importId: rollUnits.importId,
      matricule: rollUnits.matricule,
      address: rollUnits.addressLabel,
      lots: rollUnits.lots,
      latitude: rollUnits.latitude,
      longitude: rollUnits.longitude,
    })
    .from(rollUnits)
    .where(inOrg(rollUnits, orgId, eq(rollUnits.id, unitId)));
  const rolls = await activeRolls(db, orgId);
  if (!unit || !rolls.some((r) => r.importId === unit.importId))
    throw new AppError('permit.property_not_found', 422);
  return {
    propertyUnitId: unit.id,
    propertyMatricule: unit.matricule,
    propertyAddress: unit.address,
    propertyLots: unit.lots,
    latitude: unit.latitude,
    longitude: unit.longitude,
  };
}
