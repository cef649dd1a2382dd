import {
  and,
  between,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { type BoundingBox, EARTH_RADIUS_M, longitudeRanges } from '../../../platform/geo/geojson.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { requestCategories, requestFollowers, serviceRequests } from './schema.ts';
import { OPEN_PHASES, type Phase } from './statuses.ts';

// What anyone may see of requests: category, status, dates, reference and where (approximately for
// sensitive categories). Never the reporter, their words, their fields or their photos.

/** A request as the public sees it. */
export interface PublicRequest {
  id: string;
  reference: string;
  categoryId: string;
  categoryCode: string;
  category: Bilingual;
  status: string;
  phase: Phase;
  lat: number;
  lon: number;
  approximate: boolean;
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
  publicNote: string | null;
  departmentId: string | null;
  /** When the category's resolution target falls due, while open. */
  expectedAt: Date | null;
}

/** The columns read for a public request (positions always the public ones). */
export const publicColumns = {
  id: serviceRequests.id,
  reference: serviceRequests.reference,
  categoryId: serviceRequests.categoryId,
  categoryCode: requestCategories.code,
  nameFr: requestCategories.nameFr,
  nameEn: requestCategories.nameEn,
  sensitive: requestCategories.sensitive,
  status: serviceRequests.status,
  phase: serviceRequests.phase,
  lat: serviceRequests.publicLatitude,
  lon: serviceRequests.publicLongitude,
  address: serviceRequests.address,
  createdAt: serviceRequests.createdAt,
  updatedAt: serviceRequests.updatedAt,
  publicNote: serviceRequests.publicNote,
  departmentId: serviceRequests.departmentId,
  expectedAt: serviceRequests.resolveDueAt,
};

interface PublicRow {
  id: string;
  reference: string;
  categoryId: string;
  categoryCode: string;
  nameFr: string;
  nameEn: string;
  sensitive: boolean;
  status: string;
  phase: Phase;
  lat: number;
  lon: number;
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
  publicNote: string | null;
  departmentId: string | null;
  expectedAt: Date | null;
}

/** A row read with publicColumns as the public sees it. */
export function toPublicRequest(row: PublicRow): PublicRequest {
  return {
    id: row.id,
    reference: row.reference,
    categoryId: row.categoryId,
    categoryCode: row.categoryCode,
    category: { fr: row.nameFr, en: row.nameEn },
    status: row.status,
    phase: row.phase,
    lat: row.lat,
    lon: row.lon,
    approximate: row.sensitive,
    address: row.sensitive ? null : row.address,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publicNote: row.publicNote,
    departmentId: row.departmentId,
    expectedAt: row.expectedAt,
  };
}

/** Requests the public may see at all: confirmed, not folded into another. */
export function publicCondition(): SQL {
  const condition = and(isNotNull(serviceRequests.confirmedAt), isNull(serviceRequests.mergedIntoId));
  if (!condition) throw new Error('unreachable');
  return condition;
}

/** "Inside this box", on the public positions (filtering on true ones would locate a sensitive point). */
export function insidePublicBox(box: BoundingBox): SQL {
  const lon = longitudeRanges(box).map(([w, e]) => between(serviceRequests.publicLongitude, w, e));
  const condition = and(
    between(serviceRequests.publicLatitude, box.south, box.north),
    lon.length === 1 ? lon[0] : or(...lon),
  );
  if (!condition) throw new Error('unreachable');
  return condition;
}

/** The great-circle distance in metres from a point to a request's public position. */
export function publicDistance(lat: number, lon: number) {
  return sql<number>`2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(${serviceRequests.publicLatitude} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${serviceRequests.publicLatitude}))
      * power(sin(radians(${serviceRequests.publicLongitude} - ${lon}::float8) / 2), 2))))`;
}

/** Public requests inside a box: open ones, and those closed in the last `closedDays` days. */
export async function publicRequestsInBox(
  db: Executor,
  orgId: string,
  options: { bbox: BoundingBox; limit: number; categoryId?: string; closedDays?: number },
): Promise<PublicRequest[]> {
  const closedSince = new Date(Date.now() - (options.closedDays ?? 30) * 86_400_000);
  const rows = await db
    .select(publicColumns)
    .from(serviceRequests)
    .innerJoin(
      requestCategories,
      inOrg(requestCategories, orgId, eq(requestCategories.id, serviceRequests.categoryId)),
    )
    .where(
      inOrg(
        serviceRequests,
        orgId,
        publicCondition(),
        insidePublicBox(options.bbox),
        options.categoryId ? eq(serviceRequests.categoryId, options.categoryId) : undefined,
        or(inArray(serviceRequests.phase, [...OPEN_PHASES]), gte(serviceRequests.updatedAt, closedSince)),
      ),
    )
    .orderBy(desc(serviceRequests.createdAt))
    .limit(options.limit);
  return rows.map(toPublicRequest);
}

/** How many confirmed people follow each request. */
export async function followerCounts(
  db: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ requestId: requestFollowers.requestId, n: count() })
    .from(requestFollowers)
    .where(
      inOrg(
        requestFollowers,
        orgId,
        inArray(requestFollowers.requestId, ids),
        isNotNull(requestFollowers.confirmedAt),
      ),
    )
    .groupBy(requestFollowers.requestId);
  return new Map(rows.map((r) => [r.requestId, Number(r.n)]));
}
