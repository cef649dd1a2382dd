import { and, eq, notInArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { defaultThresholds } from '../water/rules.ts';
import { opsThresholds } from '../water/schema.ts';
import { BUILT_IN_KINDS, type BuiltInKind, DEFAULT_MEASURES, MEASURE_TYPES } from './catalogue.ts';
import { getStation } from './get-station.ts';
import { requireOperationsStaff } from './policies.ts';
import { opsMeasures, opsStationKinds, opsStations } from './schema.ts';

/** A measure of a station as staff give it (unit and range default from the catalogue). */
export interface MeasureInput {
  code: string;
  unit?: string;
  validMin?: number | null;
  validMax?: number | null;
}

/** A station as staff give it. */
export interface StationInput {
  code: string;
  nameFr: string;
  nameEn: string;
  kind: string;
  latitude?: number | null;
  longitude?: number | null;
  populationServed?: number | null;
  networkExtremity?: boolean;
  directions?: string[];
  active?: boolean;
  /** The measures; a new station of a built-in kind gets its usual ones when omitted. */
  measures?: MeasureInput[];
}

async function assertKind(db: Executor, orgId: string, kind: string): Promise<void> {
  if (kind in BUILT_IN_KINDS) return;
  const [row] = await db
    .select({ id: opsStationKinds.id })
    .from(opsStationKinds)
    .where(inOrg(opsStationKinds, orgId, eq(opsStationKinds.code, kind)));
  if (!row) throw new AppError('ops.kind_unknown', 422, { params: { kind } });
}

/**
 * Writes a station and its measures without a policy check (seeders, tests): created, or updated when
 * `stationId` is given. A new drinking-water measure gets the RQEP thresholds that apply to its kind.
 */
export async function upsertStation(
  db: Executor,
  orgId: string,
  input: StationInput,
  stationId?: string,
): Promise<string> {
  await assertKind(db, orgId, input.kind);
  const scope = scopeOf(orgId);
  const values = {
    code: input.code.trim(),
    nameFr: input.nameFr.trim(),
    nameEn: input.nameEn.trim(),
    kind: input.kind,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    populationServed: input.populationServed ?? null,
    networkExtremity: input.networkExtremity ?? false,
    directions: [...new Set((input.directions ?? []).map((d) => d.trim().toUpperCase()).filter(Boolean))],
    active: input.active ?? true,
  };
  const [clash] = await db
    .select({ id: opsStations.id })
    .from(opsStations)
    .where(inOrg(opsStations, orgId, eq(opsStations.code, values.code)));
  if (clash && clash.id !== stationId) throw new AppError('ops.station_code_taken', 409);
  let id = stationId;
  if (id) {
    const updated = await db
      .update(opsStations)
      .set({ ...values, updatedAt: sql`now()` })
      .where(inOrg(opsStations, orgId, eq(opsStations.id, id)))
      .returning({ id: opsStations.id });
    if (updated.length === 0) throw new AppError('ops.station_not_found', 404);
  } else {
    const [row] = await db.insert(opsStations).values(scope.rows(values)).returning({ id: opsStations.id });
    if (!row) throw new Error('station insert failed');
    id = row.id;
  }
  const measures =
    input.measures ??
    (stationId ? undefined : (DEFAULT_MEASURES[input.kind as BuiltInKind] ?? []).map((code) => ({ code })));
  if (measures) await saveMeasures(db, orgId, id, input.kind, measures);
  return id;
}

async function saveMeasures(
  db: Executor,
  orgId: string,
  stationId: string,
  kind: string,
  measures: MeasureInput[],
): Promise<void> {
  const codes = measures.map((m) => m.code.trim());
  // Measures dropped from the list go, with their readings (staff were asked to confirm in the web app).
  await db
    .delete(opsMeasures)
    .where(
      inOrg(
        opsMeasures,
        orgId,
        eq(opsMeasures.stationId, stationId),
        codes.length ? notInArray(opsMeasures.code, codes) : undefined,
      ),
    );
  for (const m of measures) {
    const type = MEASURE_TYPES[m.code.trim()];
    const validMin = m.validMin !== undefined ? m.validMin : (type?.validMin ?? null);
    const validMax = m.validMax !== undefined ? m.validMax : (type?.validMax ?? null);
    if (validMin !== null && validMax !== null && validMin >= validMax)
      throw new AppError('ops.range_invalid', 422);
    const values = { stationId, code: m.code.trim(), unit: m.unit ?? type?.unit ?? '', validMin, validMax };
    const [row] = await db
      .insert(opsMeasures)
      .values(scopeOf(orgId).rows(values))
      .onConflictDoUpdate({
        target: [opsMeasures.orgId, opsMeasures.stationId, opsMeasures.code],
        set: { unit: values.unit, validMin, validMax },
      })
      .returning({ id: opsMeasures.id, created: sql<boolean>`xmax = 0` });
    if (!row?.created) continue;
    for (const t of defaultThresholds(kind, values.code))
      await db
        .insert(opsThresholds)
        .values(scopeOf(orgId).rows({ measureId: row.id, ...t }))
        .onConflictDoNothing();
  }
}

/** Staff create or change a station (audited). */
export async function saveStation(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  stationId?: string;
  input: StationInput;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const id = await options.db.transaction(async (tx) => {
    const saved = await upsertStation(tx, options.orgId, options.input, options.stationId);
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: options.stationId ? 'ops.station.update' : 'ops.station.create',
      targetType: 'ops_station',
      targetId: saved,
      ip: options.ip,
      details: { code: options.input.code, kind: options.input.kind },
    });
    return saved;
  });
  return getStation({ db: options.db, auth: options.auth, orgId: options.orgId, stationId: id });
}

/** Staff define a kind of station of their own (e.g. a snow dump, a pumping station). */
export async function saveStationKind(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  input: { code: string; nameFr: string; nameEn: string };
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const values = scopeOf(options.orgId).rows({
    code: options.input.code.trim(),
    nameFr: options.input.nameFr.trim(),
    nameEn: options.input.nameEn.trim(),
  });
  const [row] = await options.db
    .insert(opsStationKinds)
    .values(values)
    .onConflictDoUpdate({
      target: [opsStationKinds.orgId, opsStationKinds.code],
      set: { nameFr: values.nameFr, nameEn: values.nameEn },
    })
    .returning();
  if (!row) throw new Error('kind upsert failed');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.station_kind.save',
    targetType: 'ops_station_kind',
    targetId: row.id,
    ip: options.ip,
  });
  return { code: row.code, name: { fr: row.nameFr, en: row.nameEn }, builtIn: false };
}

/** Built-in and staff-defined kinds of station. */
export async function listStationKinds(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  requireOperationsStaff(options.auth, options.orgId);
  const own = await options.db
    .select()
    .from(opsStationKinds)
    .where(and(inOrg(opsStationKinds, options.orgId)))
    .orderBy(opsStationKinds.code);
  return [
    ...Object.entries(BUILT_IN_KINDS).map(([code, name]) => ({ code, name, builtIn: true })),
    ...own.map((k) => ({ code: k.code, name: { fr: k.nameFr, en: k.nameEn }, builtIn: false })),
  ];
}
