import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { BoundingBox } from '../../../platform/geo/geojson.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { insidePublicBox } from './public-requests.ts';
import {
  requestCategories,
  requestDepartmentMembers,
  requestDepartments,
  serviceRequests,
} from './schema.ts';
import { OPEN_PHASES, type Phase, type StatusView } from './statuses.ts';
import { statusOf } from './views.ts';

// The staff queues: one filter shared by the list, the map, the export and bulk selection.

/** Filters of the staff queues. */
export interface StaffFilters {
  /** A department's queue, `mine` for the queues of the departments the viewer works, `none` for requests
   * no department holds. */
  departmentId?: string;
  categoryId?: string;
  /** A status code, or a phase group: `open` (default view), `closed`, `all`. */
  status?: string;
  /** `me`, `none` or an account id. */
  assignee?: string;
  overdue?: boolean;
  /** Guests' requests wait for their e-mail code: `confirmed` (default), `unconfirmed` or `all`. */
  confirmation?: 'confirmed' | 'unconfirmed' | 'all';
  /** Part of the reference, the description or the address. */
  q?: string;
  /** Creation dates, `YYYY-MM-DD`, `to` included. */
  from?: string;
  to?: string;
  bbox?: BoundingBox;
  sort?: 'newest' | 'oldest' | 'due' | 'updated';
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Whether a request missed a target: not acknowledged in time, or not resolved in time. */
export const ackOverdue = sql<boolean>`(${serviceRequests.phase} = 'submitted' AND ${serviceRequests.ackDueAt} < now())`;
export const resolveOverdue = sql<boolean>`(${serviceRequests.phase} IN ('submitted', 'acknowledged', 'in_progress') AND ${serviceRequests.resolveDueAt} < now())`;

/** The WHERE clause of a staff queue inside one organisation. */
export function staffWhere(orgId: string, viewerId: string, f: StaffFilters): SQL {
  const status = f.status ?? 'open';
  const confirmation = f.confirmation ?? 'confirmed';
  const day = (d: string, plus = 0) =>
    sql`(${d}::date + ${plus}::int)::timestamp AT TIME ZONE 'America/Toronto'`;
  return inOrg(
    serviceRequests,
    orgId,
    f.departmentId === 'none'
      ? isNull(serviceRequests.departmentId)
      : f.departmentId === 'mine'
        ? inArray(
            serviceRequests.departmentId,
            sql`(SELECT ${requestDepartmentMembers.departmentId} FROM ${requestDepartmentMembers}
              WHERE ${requestDepartmentMembers.orgId} = ${orgId} AND ${requestDepartmentMembers.accountId} = ${viewerId})`,
          )
        : f.departmentId
          ? eq(serviceRequests.departmentId, f.departmentId)
          : undefined,
    f.categoryId ? eq(serviceRequests.categoryId, f.categoryId) : undefined,
    status === 'all'
      ? undefined
      : status === 'open'
        ? inArray(serviceRequests.phase, [...OPEN_PHASES])
        : status === 'closed'
          ? inArray(serviceRequests.phase, ['resolved', 'closed'])
          : eq(serviceRequests.status, status),
    f.assignee === 'me'
      ? eq(serviceRequests.assigneeAccountId, viewerId)
      : f.assignee === 'none'
        ? isNull(serviceRequests.assigneeAccountId)
        : f.assignee
          ? eq(serviceRequests.assigneeAccountId, f.assignee)
          : undefined,
    f.overdue ? or(ackOverdue, resolveOverdue) : undefined,
    confirmation === 'confirmed'
      ? isNotNull(serviceRequests.confirmedAt)
      : confirmation === 'unconfirmed'
        ? isNull(serviceRequests.confirmedAt)
        : undefined,
    f.q
      ? or(
          ilike(serviceRequests.reference, like(f.q.trim())),
          ilike(serviceRequests.description, like(f.q.trim())),
          ilike(serviceRequests.address, like(f.q.trim())),
        )
      : undefined,
    f.from ? gte(serviceRequests.createdAt, day(f.from)) : undefined,
    f.to ? lt(serviceRequests.createdAt, day(f.to, 1)) : undefined,
    f.bbox ? insidePublicBox(f.bbox) : undefined,
  );
}

/** A request in a staff queue. */
export interface StaffListItem {
  id: string;
  reference: string;
  category: { id: string; name: Bilingual; sensitive: boolean };
  department: { id: string; name: Bilingual } | null;
  status: { code: string; phase: Phase; label: Bilingual };
  assignee: { id: string; name: string } | null;
  description: string;
  address: string | null;
  lat: number;
  lon: number;
  source: string;
  confirmed: boolean;
  createdAt: string;
  updatedAt: string;
  ackDueAt: string | null;
  resolveDueAt: string | null;
  /** Which target was missed, if any: acknowledgement first. */
  overdue: 'ack' | 'resolve' | null;
  reopenCount: number;
  merged: boolean;
}

const assignee = alias(accounts, 'assignee');

/** Reads one page of a staff queue, its total, with names resolved. */
export async function selectStaffRequests(
  db: Executor,
  orgId: string,
  where: SQL,
  options: { limit: number; offset: number; sort?: StaffFilters['sort']; statuses: readonly StatusView[] },
): Promise<{ items: StaffListItem[]; total: number }> {
  const order =
    options.sort === 'oldest'
      ? [asc(serviceRequests.createdAt)]
      : options.sort === 'updated'
        ? [desc(serviceRequests.updatedAt)]
        : options.sort === 'due'
          ? [
              sql`CASE WHEN ${serviceRequests.phase} = 'submitted' THEN coalesce(${serviceRequests.ackDueAt}, ${serviceRequests.resolveDueAt}) ELSE ${serviceRequests.resolveDueAt} END ASC NULLS LAST`,
            ]
          : [desc(serviceRequests.createdAt)];
  const [rows, totals] = await Promise.all([
    db
      .select({
        r: serviceRequests,
        categoryFr: requestCategories.nameFr,
        categoryEn: requestCategories.nameEn,
        sensitive: requestCategories.sensitive,
        departmentFr: requestDepartments.nameFr,
        departmentEn: requestDepartments.nameEn,
        assigneeGiven: assignee.givenName,
        assigneeFamily: assignee.familyName,
        ackLate: ackOverdue,
        resolveLate: resolveOverdue,
      })
      .from(serviceRequests)
      .innerJoin(
        requestCategories,
        inOrg(requestCategories, orgId, eq(requestCategories.id, serviceRequests.categoryId)),
      )
      .leftJoin(
        requestDepartments,
        and(
          eq(requestDepartments.orgId, serviceRequests.orgId),
          eq(requestDepartments.id, serviceRequests.departmentId),
        ),
      )
      .leftJoin(assignee, eq(assignee.id, serviceRequests.assigneeAccountId))
      .where(where)
      .orderBy(...order, desc(serviceRequests.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(serviceRequests).where(where),
  ]);
  return {
    total: Number(totals[0]?.n ?? 0),
    items: rows.map((x) => ({
      id: x.r.id,
      reference: x.r.reference,
      category: { id: x.r.categoryId, name: { fr: x.categoryFr, en: x.categoryEn }, sensitive: x.sensitive },
      department:
        x.r.departmentId && x.departmentFr
          ? { id: x.r.departmentId, name: { fr: x.departmentFr, en: x.departmentEn ?? x.departmentFr } }
          : null,
      status: statusOf(x.r.status, x.r.phase, options.statuses),
      assignee: x.r.assigneeAccountId
        ? { id: x.r.assigneeAccountId, name: `${x.assigneeGiven ?? ''} ${x.assigneeFamily ?? ''}`.trim() }
        : null,
      description: x.r.description,
      address: x.r.address,
      lat: x.r.latitude,
      lon: x.r.longitude,
      source: x.r.source,
      confirmed: x.r.confirmedAt !== null,
      createdAt: x.r.createdAt.toISOString(),
      updatedAt: x.r.updatedAt.toISOString(),
      ackDueAt: x.r.ackDueAt?.toISOString() ?? null,
      resolveDueAt: x.r.resolveDueAt?.toISOString() ?? null,
      overdue: x.ackLate ? 'ack' : x.resolveLate ? 'resolve' : null,
      reopenCount: x.r.reopenCount,
      merged: x.r.mergedIntoId !== null,
    })),
  };
}
