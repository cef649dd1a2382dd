import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { opsThresholds } from '../water/schema.ts';
import { measureName } from './catalogue.ts';
import { requireOperationsStaff } from './policies.ts';
import { opsMeasures, opsStations } from './schema.ts';

/** The latest reading of each measure of some stations (any direction), from the primary key's order. */
export async function latestReadings(
  db: Executor,
  orgId: string,
  stationIds: string[],
): Promise<Map<string, { at: string; value: number }>> {
  if (stationIds.length === 0) return new Map();
  const result = await db.execute(sql`
    SELECT m.id AS "measureId", r.observed_at AS at, r.value
    FROM ops_measures m
    JOIN ops_stations s ON s.org_id = m.org_id AND s.id = m.station_id
    CROSS JOIN LATERAL unnest(s.directions || ARRAY['']) AS d(direction)
    CROSS JOIN LATERAL (
      SELECT observed_at, value FROM ops_readings
      WHERE org_id = m.org_id AND measure_id = m.id AND direction = d.direction
      ORDER BY observed_at DESC LIMIT 1
    ) r
    WHERE m.org_id = ${orgId}::uuid AND m.station_id IN (${sql.join(
      stationIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
  `);
  const latest = new Map<string, { at: string; value: number }>();
  for (const r of rowsOf<{ measureId: string; at: Date | string; value: number }>(result)) {
    const at = new Date(r.at).toISOString();
    const prev = latest.get(r.measureId);
    if (!prev || prev.at < at) latest.set(r.measureId, { at, value: Number(r.value) });
  }
  return latest;
}

/** Stations with their measures and thresholds, as the API shows them. */
export async function stationViews(db: Executor, orgId: string, stationIds?: string[]) {
  const stations = await db
    .select()
    .from(opsStations)
    .where(inOrg(opsStations, orgId, stationIds ? inArray(opsStations.id, stationIds) : undefined))
    .orderBy(opsStations.code);
  const ids = stations.map((s) => s.id);
  if (ids.length === 0) return [];
  const measures = await db
    .select()
    .from(opsMeasures)
    .where(inOrg(opsMeasures, orgId, inArray(opsMeasures.stationId, ids)))
    .orderBy(opsMeasures.code);
  const thresholds = measures.length
    ? await db
        .select()
        .from(opsThresholds)
        .where(
          and(
            inOrg(opsThresholds, orgId),
            inArray(
              opsThresholds.measureId,
              measures.map((m) => m.id),
            ),
          ),
        )
    : [];
  const latest = await latestReadings(db, orgId, ids);
  return stations.map((s) => ({
    id: s.id,
    code: s.code,
    name: { fr: s.nameFr, en: s.nameEn },
    kind: s.kind,
    latitude: s.latitude,
    longitude: s.longitude,
    populationServed: s.populationServed,
    networkExtremity: s.networkExtremity,
    directions: s.directions,
    active: s.active,
    measures: measures
      .filter((m) => m.stationId === s.id)
      .map((m) => ({
        id: m.id,
        code: m.code,
        name: measureName(m.code),
        unit: m.unit,
        validMin: m.validMin,
        validMax: m.validMax,
        latest: latest.get(m.id) ?? null,
        thresholds: thresholds
          .filter((t) => t.measureId === m.id)
          .map((t) => ({
            id: t.id,
            min: t.min,
            max: t.max,
            severity: t.severity,
            basis: t.basis,
            active: t.active,
          })),
      })),
  }));
}

/** One station of the organisation with its measures, thresholds and latest readings. */
export async function getStation(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  stationId: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const [view] = await stationViews(options.db, options.orgId, [options.stationId]);
  if (!view) throw new AppError('ops.station_not_found', 404);
  return view;
}

/** Every station of the organisation (a town has tens, not thousands), optionally of one kind. */
export async function listStations(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  kind?: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const views = await stationViews(options.db, options.orgId);
  const items = options.kind ? views.filter((v) => v.kind === options.kind) : views;
  return { items };
}

/** Ids of the stations, for checks elsewhere (a station must belong to the organisation). */
export async function stationExists(db: Executor, orgId: string, stationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: opsStations.id })
    .from(opsStations)
    .where(inOrg(opsStations, orgId, eq(opsStations.id, stationId)));
  return !!row;
}
