import { asc, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { localDay } from './business-days.ts';
import { requireRequestStaff } from './policies.ts';
import { requestCategories } from './schema.ts';

/** Volume, backlog and time to resolution per category over a period, for staff charts and tables. */
export interface RequestStats {
  from: string;
  to: string;
  categories: Array<{ id: string; name: Bilingual }>;
  /** Requests received per week (weeks start on Monday), per category. */
  volume: Array<{ week: string; total: number; byCategory: Record<string, number> }>;
  /** Requests still open at the end of each week. */
  backlog: Array<{ week: string; open: number }>;
  /** Requests resolved in the period: how many, and in how many days on average and at the median. */
  resolution: Array<{ categoryId: string; resolved: number; averageDays: number; medianDays: number }>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 731;
const round1 = (v: unknown) => Math.round(Number(v ?? 0) * 10) / 10;

/**
 * Statistics of an organisation's confirmed requests between two days (Quebec time; by default the last
 * twelve weeks): weekly volume per category, weekly backlog, and time from confirmation to resolution.
 */
export async function getRequestStats(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  input: { from?: string; to?: string };
}): Promise<RequestStats> {
  const { db, orgId } = options;
  requireRequestStaff(options.auth, orgId);
  const to = options.input.to ?? localDay(new Date());
  const from = options.input.from ?? localDay(new Date(Date.parse(`${to}T12:00:00Z`) - 83 * 86_400_000));
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!DAY.test(from) || !DAY.test(to) || !(span >= 0) || span > MAX_DAYS)
    throw new AppError('validation.failed', 400, { details: { from, to } });
  const start = sql`(${from}::date)::timestamp AT TIME ZONE 'America/Toronto'`;
  const end = sql`(${to}::date + 1)::timestamp AT TIME ZONE 'America/Toronto'`;
  const week = sql`date_trunc('week', r.created_at AT TIME ZONE 'America/Toronto')`;

  const [categories, volumeRows, backlogRows, resolutionRows] = await Promise.all([
    db
      .select({
        id: requestCategories.id,
        nameFr: requestCategories.nameFr,
        nameEn: requestCategories.nameEn,
      })
      .from(requestCategories)
      .where(inOrg(requestCategories, orgId))
      .orderBy(asc(requestCategories.position), asc(requestCategories.nameFr)),
    db.execute(sql`
      SELECT to_char(${week}, 'YYYY-MM-DD') AS week, r.category_id, count(*)::int AS n
      FROM service_requests r
      WHERE r.org_id = ${orgId} AND r.confirmed_at IS NOT NULL AND r.created_at >= ${start} AND r.created_at < ${end}
      GROUP BY 1, 2 ORDER BY 1`),
    db.execute(sql`
      SELECT to_char(w, 'YYYY-MM-DD') AS week, (
        SELECT count(*)::int FROM service_requests r
        WHERE r.org_id = ${orgId} AND r.merged_into_id IS NULL
          AND r.confirmed_at < (w + interval '7 days') AT TIME ZONE 'America/Toronto'
          AND (greatest(r.resolved_at, r.closed_at) IS NULL
               OR greatest(r.resolved_at, r.closed_at) >= (w + interval '7 days') AT TIME ZONE 'America/Toronto')
      ) AS open
      FROM generate_series(date_trunc('week', ${from}::date::timestamp), date_trunc('week', ${to}::date::timestamp), interval '7 days') AS w
      ORDER BY 1`),
    db.execute(sql`
      SELECT r.category_id, count(*)::int AS n,
        avg(extract(epoch FROM r.resolved_at - r.confirmed_at)) / 86400 AS average,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.confirmed_at)) / 86400 AS median
      FROM service_requests r
      WHERE r.org_id = ${orgId} AND r.confirmed_at IS NOT NULL AND r.merged_into_id IS NULL
        AND r.resolved_at >= ${start} AND r.resolved_at < ${end}
      GROUP BY r.category_id`),
  ]);

  const volume = new Map<string, { week: string; total: number; byCategory: Record<string, number> }>();
  for (const row of rowsOf<{ week: string; category_id: string; n: number }>(volumeRows)) {
    const entry = volume.get(row.week) ?? { week: row.week, total: 0, byCategory: {} };
    entry.total += Number(row.n);
    entry.byCategory[row.category_id] = Number(row.n);
    volume.set(row.week, entry);
  }
  const backlog = rowsOf<{ week: string; open: number }>(backlogRows).map((r) => ({
    week: r.week,
    open: Number(r.open),
  }));
  // Weeks without any request still appear, so the chart's axis has no holes.
  const volumeByWeek = backlog.map((b) => volume.get(b.week) ?? { week: b.week, total: 0, byCategory: {} });
  return {
    from,
    to,
    categories: categories.map((c) => ({ id: c.id, name: { fr: c.nameFr, en: c.nameEn } })),
    volume: volumeByWeek,
    backlog,
    resolution: rowsOf<{ category_id: string; n: number; average: unknown; median: unknown }>(
      resolutionRows,
    ).map((r) => ({
      categoryId: r.category_id,
      resolved: Number(r.n),
      averageDays: round1(r.average),
      medianDays: round1(r.median),
    })),
  };
}
