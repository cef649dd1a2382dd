import { and, gte, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { isWaterKind } from '../data/catalogue.ts';
import { stationViews } from '../data/get-station.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { alarmRows } from './alarms.ts';
import { exceedanceRows } from './exceedances.ts';
import { outOfRange } from './rules.ts';
import { samplingCalendar } from './sampling.ts';
import { opsAlarms } from './schema.ts';

/**
 * The drinking-water compliance dashboard: each water station's latest readings against its thresholds,
 * unresolved alarms, out-of-range counts over 30 days, this month's sampling against s. 11–12, and
 * open exceedances.
 */
export async function complianceDashboard(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  now?: Date;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const now = options.now ?? new Date();
  const stations = (await stationViews(options.db, options.orgId)).filter((s) => isWaterKind(s.kind));
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [counts] = await options.db
    .select({
      alarms: sql<number>`count(*) FILTER (WHERE ${opsAlarms.severity} = 'alarm')::int`,
      reports: sql<number>`count(*) FILTER (WHERE ${opsAlarms.severity} = 'report')::int`,
    })
    .from(opsAlarms)
    .where(and(inOrg(opsAlarms, options.orgId), gte(opsAlarms.observedAt, since)));
  const month = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .slice(0, 7);
  const calendar = await samplingCalendar({ ...options, month });
  const unresolved = [
    ...(await alarmRows(options.db, options.orgId, { status: 'open' })),
    ...(await alarmRows(options.db, options.orgId, { status: 'acknowledged' })),
  ];
  const exceedances = (await exceedanceRows(options.db, options.orgId)).filter((e) => e.status !== 'closed');
  return {
    stations: stations.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      measures: s.measures.map((m) => ({
        code: m.code,
        name: m.name,
        unit: m.unit,
        latest: m.latest,
        compliant:
          m.latest === null
            ? null
            : !m.thresholds.some((t) => t.active && outOfRange(m.latest?.value ?? 0, t)),
      })),
    })),
    alarms: unresolved,
    last30Days: { alarms: counts?.alarms ?? 0, reports: counts?.reports ?? 0 },
    sampling: {
      month,
      required: calendar.required,
      extremityRequired: calendar.extremityRequired,
      planned: calendar.planned,
      taken: calendar.taken,
      extremityTaken: calendar.extremityTaken,
    },
    exceedances,
  };
}
