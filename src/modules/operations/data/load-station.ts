import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { StationRef } from './reading-rules.ts';
import { opsMeasures, opsStations } from './schema.ts';

/** A station of the organisation with its measures, or a 404. */
export async function loadStationRef(db: Executor, orgId: string, stationId: string): Promise<StationRef> {
  const [station] = await db
    .select({ id: opsStations.id, kind: opsStations.kind, directions: opsStations.directions })
    .from(opsStations)
    .where(inOrg(opsStations, orgId, eq(opsStations.id, stationId)));
  if (!station) throw new AppError('ops.station_not_found', 404);
  const measures = await db
    .select({
      id: opsMeasures.id,
      code: opsMeasures.code,
      unit: opsMeasures.unit,
      validMin: opsMeasures.validMin,
      validMax: opsMeasures.validMax,
    })
    .from(opsMeasures)
    .where(inOrg(opsMeasures, orgId, eq(opsMeasures.stationId, stationId)));
  return { ...station, measures: new Map(measures.map((m) => [m.code, m])) };
}
