import { and, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { loadStatuses, type RequestOrg } from '../requests/context.ts';
import { publicColumns, publicCondition, toPublicRequest } from '../requests/public-requests.ts';
import { requestCategories, requestDepartments, serviceRequests } from '../requests/schema.ts';
import { OPEN_PHASES, statusLabel } from '../requests/statuses.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';
import { serviceRequestView } from './views.ts';

/** The standard's defaults: a 90-day window ending now, at most 1000 requests per answer. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

/** Filters of GET requests, as the standard names them. */
export interface RequestsQuery {
  jurisdiction_id?: string;
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('open311.date_invalid', 400, { params: { name } });
  return new Date(ms);
}

/** Reads public requests as GeoReport requests (agency = department, else the organisation). */
export async function selectServiceRequests(
  db: Executor,
  org: RequestOrg,
  where: SQL | undefined,
  options: { locale: Locale; limit: number },
) {
  const [rows, statuses] = await Promise.all([
    db
      .select({
        ...publicColumns,
        departmentFr: requestDepartments.nameFr,
        departmentEn: requestDepartments.nameEn,
      })
      .from(serviceRequests)
      .innerJoin(
        requestCategories,
        inOrg(requestCategories, org.id, eq(requestCategories.id, serviceRequests.categoryId)),
      )
      .leftJoin(
        requestDepartments,
        and(
          eq(requestDepartments.orgId, serviceRequests.orgId),
          eq(requestDepartments.id, serviceRequests.departmentId),
        ),
      )
      .where(inOrg(serviceRequests, org.id, publicCondition(), where))
      .orderBy(desc(serviceRequests.createdAt))
      .limit(options.limit),
    loadStatuses(db, org.id, { includeInactive: true }),
  ]);
  return rows.map((row) =>
    serviceRequestView(toPublicRequest(row), {
      locale: options.locale,
      agency: (options.locale === 'fr' ? row.departmentFr : row.departmentEn) ?? org.name[options.locale],
      statusLabel: statusLabel(row.status, statuses)[options.locale],
    }),
  );
}

/**
 * GET requests. With service_request_id (comma-separated references) every other filter is ignored, as
 * the standard says; otherwise service_code, status (open, closed) and a date window (by default the 90
 * days before end_date, which defaults to now), newest first, 1000 at most. Public.
 */
export async function listServiceRequests(options: { db: Executor; locale: Locale; query: RequestsQuery }) {
  const { db, query, locale } = options;
  const org = await resolveJurisdiction(db, query.jurisdiction_id);
  if (query.service_request_id) {
    const ids = query.service_request_id
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, MAX_REQUESTS);
    return selectServiceRequests(db, org, inArray(serviceRequests.reference, ids), {
      locale,
      limit: MAX_REQUESTS,
    });
  }
  const end = date('end_date', query.end_date) ?? new Date();
  const start =
    date('start_date', query.start_date) ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (start > end) throw new AppError('open311.date_range_invalid', 400);
  const statuses = (query.status ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new AppError('open311.status_invalid', 400);
  const phases =
    statuses.length === 1
      ? statuses[0] === 'open'
        ? [...OPEN_PHASES]
        : (['resolved', 'closed'] as const).slice()
      : undefined;
  let categoryCondition: SQL | undefined;
  if (query.service_code) {
    const codes = query.service_code
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    categoryCondition = inArray(requestCategories.code, codes);
  }
  return selectServiceRequests(
    db,
    org,
    and(
      gte(serviceRequests.createdAt, start),
      query.end_date
        ? lte(serviceRequests.createdAt, end)
        : lt(serviceRequests.createdAt, new Date(end.getTime() + 1)),
      phases ? inArray(serviceRequests.phase, phases) : undefined,
      categoryCondition,
    ),
    { locale, limit: MAX_REQUESTS },
  );
}
