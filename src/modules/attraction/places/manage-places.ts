import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findRegion, requireMember, requireSiteStaff } from '../site/policies.ts';
import { saveStaffRecord } from '../site/staff-records.ts';
import { type PlaceCategory, regionBoundaries, regionPlaces } from './schema.ts';
import type { BoundaryInputT, PlaceInputT } from './schemas.ts';

function staffPlace(p: typeof regionPlaces.$inferSelect) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

/** Every place of the region, published or not, for staff. */
export async function listStaffPlaces(options: { db: Database; auth: AuthContext | null; orgId: string }) {
  requireSiteStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(regionPlaces)
    .where(inOrg(regionPlaces, options.orgId))
    .orderBy(asc(regionPlaces.category), asc(regionPlaces.nameFr));
  return { items: rows.map(staffPlace) };
}

/** Creates a place, or changes one when `placeId` is given. */
export async function savePlace(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  placeId?: string;
  input: PlaceInputT;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const region = await findRegion(db, orgId);
  requireMember(region, input.municipalityOrgId);
  const values = { ...input, category: input.category as PlaceCategory, updatedAt: new Date() };
  const row = await saveStaffRecord({
    db,
    who,
    orgId,
    kind: 'place',
    id: options.placeId,
    slug: input.slug,
    ip: options.ip,
    insert: () =>
      db
        .insert(regionPlaces)
        .values({ ...values, orgId })
        .returning(),
    update: (id) =>
      db
        .update(regionPlaces)
        .set(values)
        .where(inOrg(regionPlaces, orgId, eq(regionPlaces.id, id)))
        .returning(),
  });
  return staffPlace(row);
}

/** Removes a place from the map. */
export async function deletePlace(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  placeId: string;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const [row] = await options.db
    .delete(regionPlaces)
    .where(inOrg(regionPlaces, options.orgId, eq(regionPlaces.id, options.placeId)))
    .returning({ id: regionPlaces.id, slug: regionPlaces.slug });
  if (!row) throw new AppError('region.place_not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'region.place_deleted',
    targetType: 'region_place',
    targetId: row.id,
    ip: options.ip ?? null,
    details: { slug: row.slug },
  });
  return { ok: true };
}

function closedRings(geometry: BoundaryInputT['geometry']): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.every((rings) =>
    rings.every((ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      const inRange = ring.every(
        ([x, y]) => x !== undefined && y !== undefined && Math.abs(x) <= 180 && Math.abs(y) <= 90,
      );
      return inRange && !!first && !!last && first[0] === last[0] && first[1] === last[1];
    }),
  );
}

/** Sets the outline of a member municipality (replacing the previous one). */
export async function saveBoundary(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  municipalityOrgId: string;
  input: BoundaryInputT;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const region = await findRegion(db, orgId);
  requireMember(region, options.municipalityOrgId);
  if (!closedRings(input.geometry)) throw new AppError('region.geometry_invalid', 422);
  await db
    .insert(regionBoundaries)
    .values({
      orgId,
      municipalityOrgId: options.municipalityOrgId,
      geometry: input.geometry,
      approximate: input.approximate,
      source: input.source,
    })
    .onConflictDoUpdate({
      target: [regionBoundaries.orgId, regionBoundaries.municipalityOrgId],
      set: {
        geometry: input.geometry,
        approximate: input.approximate,
        source: input.source,
        updatedAt: new Date(),
      },
    });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'region.boundary_saved',
    targetType: 'organisation',
    targetId: options.municipalityOrgId,
    ip: options.ip ?? null,
    details: { approximate: input.approximate },
  });
  return { ok: true };
}
