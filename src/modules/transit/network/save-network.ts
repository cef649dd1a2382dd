import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireDispatcher } from '../policies.ts';
import {
  type BookingRules,
  DEFAULT_HOURS,
  DEFAULT_RULES,
  type ServiceHours,
  type ZoneGeometry,
} from './rules.ts';
import {
  transitDrivers,
  transitFareProducts,
  transitServices,
  transitShifts,
  transitStops,
  transitVehicles,
  transitZones,
} from './schema.ts';

/** What dispatchers manage; each maps to its table. */
export const NETWORK_TABLES = {
  zones: transitZones,
  stops: transitStops,
  fares: transitFareProducts,
  vehicles: transitVehicles,
  drivers: transitDrivers,
  shifts: transitShifts,
} as const;
export type NetworkEntity = keyof typeof NETWORK_TABLES;

function pgCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^\d{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A GeoJSON polygon or multipolygon whose rings are closed and have at least four positions. */
export function isValidZone(geometry: ZoneGeometry): boolean {
  // The route's schema leaves the nesting open (Polygon or MultiPolygon), so every level is checked here:
  // a `null` or a string where a position belongs is refused, not dereferenced.
  const polygons: unknown = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const isPosition = (p: unknown): p is number[] =>
    Array.isArray(p) &&
    p.length >= 2 &&
    p.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90;
  const isRing = (ring: unknown): boolean => {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    return first[0] === last[0] && first[1] === last[1];
  };
  return (
    Array.isArray(polygons) &&
    polygons.length > 0 &&
    polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every(isRing))
  );
}

function check(entity: NetworkEntity, input: Record<string, unknown>): Record<string, unknown> {
  if (entity === 'zones' && input.geometry && !isValidZone(input.geometry as ZoneGeometry))
    throw new AppError('transit.zone_invalid', 422);
  if (entity === 'shifts') {
    const startsAt = new Date(String(input.startsAt));
    const endsAt = new Date(String(input.endsAt));
    const hours = (endsAt.getTime() - startsAt.getTime()) / 3600_000;
    if (!(hours > 0 && hours <= 16)) throw new AppError('transit.shift_invalid', 422);
    return { ...input, startsAt, endsAt };
  }
  return input;
}

/** Creates (no id) or updates an item of the network or fleet; audited. */
export async function saveNetworkItem(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  entity: NetworkEntity;
  id?: string;
  input: Record<string, unknown>;
}): Promise<{ id: string }> {
  const who = requireDispatcher(options.auth, options.orgId);
  const { db, orgId, entity } = options;
  const table = NETWORK_TABLES[entity];
  const values = check(entity, options.input);
  try {
    return await db.transaction(async (tx) => {
      let id = options.id;
      if (id) {
        const rows = await tx
          .update(table)
          .set(values)
          .where(scopeOf(orgId).where(table, eq(table.id, id)))
          .returning({ id: table.id });
        if (rows.length === 0) throw new AppError('transit.not_found', 404);
      } else {
        const [row] = await tx
          .insert(table)
          .values({ ...values, orgId } as never)
          .returning({ id: table.id });
        id = row?.id as string;
      }
      await recordAudit(tx, {
        orgId,
        actorAccountId: who.account.id,
        ip: options.ip,
        action: `transit.${entity}.${options.id ? 'update' : 'create'}`,
        targetType: `transit_${entity}`,
        targetId: id,
        details: { fields: Object.keys(values) },
      });
      return { id };
    });
  } catch (error) {
    const code = pgCode(error);
    if (code === '23505') throw new AppError('transit.duplicate_code', 409);
    if (code === '23503') throw new AppError('transit.not_found', 404);
    throw error;
  }
}

/** Deletes an item nothing refers to (else 409: deactivate it instead); audited. */
export async function deleteNetworkItem(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  entity: NetworkEntity;
  id: string;
}): Promise<{ ok: true }> {
  const who = requireDispatcher(options.auth, options.orgId);
  const table = NETWORK_TABLES[options.entity];
  try {
    await options.db.transaction(async (tx) => {
      const rows = await tx
        .delete(table)
        .where(scopeOf(options.orgId).where(table, eq(table.id, options.id)))
        .returning({ id: table.id });
      if (rows.length === 0) throw new AppError('transit.not_found', 404);
      await recordAudit(tx, {
        orgId: options.orgId,
        actorAccountId: who.account.id,
        ip: options.ip,
        action: `transit.${options.entity}.delete`,
        targetType: `transit_${options.entity}`,
        targetId: options.id,
      });
    });
  } catch (error) {
    if (pgCode(error) === '23503') throw new AppError('transit.in_use', 409);
    throw error;
  }
  return { ok: true };
}

export interface ServiceInput {
  nameFr: string;
  nameEn: string;
  phone?: string | null;
  url?: string | null;
  hours?: ServiceHours;
  closedDates?: string[];
  rules?: Partial<BookingRules>;
  detourFactor?: number;
}

/** Creates or updates the organisation's service (hours, calendar, booking rules); audited. */
export async function saveService(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: ServiceInput;
}): Promise<{ id: string }> {
  const who = requireDispatcher(options.auth, options.orgId);
  const { db, orgId, input } = options;
  return db.transaction(async (tx) => {
    const scope = scopeOf(orgId);
    const [current] = await tx
      .select()
      .from(transitServices)
      .where(scope.where(transitServices))
      .for('update');
    const values = {
      nameFr: input.nameFr,
      nameEn: input.nameEn,
      phone: input.phone ?? current?.phone ?? null,
      url: input.url ?? current?.url ?? null,
      hours: input.hours ?? current?.hours ?? DEFAULT_HOURS,
      closedDates: input.closedDates ?? current?.closedDates ?? [],
      rules: { ...DEFAULT_RULES, ...current?.rules, ...input.rules },
      detourFactor: input.detourFactor ?? current?.detourFactor ?? 1.3,
      updatedAt: new Date(),
    };
    let id: string;
    if (current) {
      await tx
        .update(transitServices)
        .set({ ...values, version: current.version + 1 })
        .where(scope.where(transitServices, eq(transitServices.id, current.id)));
      id = current.id;
    } else {
      const [row] = await tx
        .insert(transitServices)
        .values({ ...values, orgId })
        .returning({ id: transitServices.id });
      id = row?.id as string;
    }
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'transit.service.save',
      targetType: 'transit_service',
      targetId: id,
      details: { fields: Object.keys(input) },
    });
    return { id };
  });
}
