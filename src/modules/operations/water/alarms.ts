import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { measureName } from '../data/catalogue.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { opsMeasures, opsStations } from '../data/schema.ts';
import { pageOnCall } from './page-on-call.ts';
import { type ALARM_STATUSES, opsAlarms, opsThresholds } from './schema.ts';

/** Minutes an alarm may stay unacknowledged before the next level of the roster is paged. */
export const ESCALATE_AFTER_MINUTES = 15;
/** The highest escalation level paged. */
export const MAX_ESCALATION_LEVEL = 3;

/** Alarms of the organisation with their station and measure, newest first. */
export async function alarmRows(
  db: Executor,
  orgId: string,
  filter: { status?: string; ids?: string[] } = {},
) {
  const rows = await db
    .select({
      alarm: opsAlarms,
      stationFr: opsStations.nameFr,
      stationEn: opsStations.nameEn,
      code: opsMeasures.code,
      unit: opsMeasures.unit,
      min: opsThresholds.min,
      max: opsThresholds.max,
      basis: opsThresholds.basis,
    })
    .from(opsAlarms)
    .innerJoin(
      opsStations,
      and(eq(opsStations.orgId, opsAlarms.orgId), eq(opsStations.id, opsAlarms.stationId)),
    )
    .innerJoin(
      opsMeasures,
      and(eq(opsMeasures.orgId, opsAlarms.orgId), eq(opsMeasures.id, opsAlarms.measureId)),
    )
    .innerJoin(
      opsThresholds,
      and(eq(opsThresholds.orgId, opsAlarms.orgId), eq(opsThresholds.id, opsAlarms.thresholdId)),
    )
    .where(
      inOrg(
        opsAlarms,
        orgId,
        filter.status ? eq(opsAlarms.status, filter.status as (typeof ALARM_STATUSES)[number]) : undefined,
        filter.ids ? inArray(opsAlarms.id, filter.ids) : undefined,
      ),
    )
    .orderBy(desc(opsAlarms.observedAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.alarm.id,
    stationId: r.alarm.stationId,
    station: { fr: r.stationFr, en: r.stationEn },
    measureCode: r.code,
    measure: measureName(r.code),
    unit: r.unit,
    min: r.min,
    max: r.max,
    basis: r.basis,
    severity: r.alarm.severity,
    observedAt: r.alarm.observedAt.toISOString(),
    value: r.alarm.value,
    worstValue: r.alarm.worstValue,
    readingsOutOfRange: r.alarm.readingsOutOfRange,
    status: r.alarm.status,
    escalationLevel: r.alarm.escalationLevel,
    acknowledgedAt: r.alarm.acknowledgedAt?.toISOString() ?? null,
    note: r.alarm.note,
    closedAt: r.alarm.closedAt?.toISOString() ?? null,
  }));
}

/** Staff list alarms (open ones first by default). */
export async function listAlarms(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  status?: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  return { items: await alarmRows(options.db, options.orgId, { status: options.status }) };
}

/**
 * The person on call takes the alarm: escalation stops. One conditional update, so two people answering
 * at once see one success and one 409.
 */
export async function acknowledgeAlarm(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  alarmId: string;
  note?: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .update(opsAlarms)
    .set({
      status: 'acknowledged',
      acknowledgedAt: sql`now()`,
      acknowledgedBy: who.account.id,
      note: options.note ?? null,
    })
    .where(inOrg(opsAlarms, options.orgId, eq(opsAlarms.id, options.alarmId), eq(opsAlarms.status, 'open')))
    .returning({ id: opsAlarms.id });
  if (!row) {
    const [exists] = await options.db
      .select({ id: opsAlarms.id })
      .from(opsAlarms)
      .where(inOrg(opsAlarms, options.orgId, eq(opsAlarms.id, options.alarmId)));
    throw exists ? new AppError('ops.alarm_not_open', 409) : new AppError('ops.alarm_not_found', 404);
  }
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.alarm.acknowledge',
    targetType: 'ops_alarm',
    targetId: row.id,
    ip: options.ip,
  });
  const [view] = await alarmRows(options.db, options.orgId, { ids: [row.id] });
  return view;
}

/** Staff close a handled alarm with what was done; the next out-of-range reading opens a new one. */
export async function closeAlarm(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  alarmId: string;
  note: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .update(opsAlarms)
    .set({ status: 'closed', closedAt: sql`now()`, note: options.note })
    .where(
      inOrg(
        opsAlarms,
        options.orgId,
        eq(opsAlarms.id, options.alarmId),
        eq(opsAlarms.status, 'acknowledged'),
      ),
    )
    .returning({ id: opsAlarms.id });
  if (!row) {
    const [exists] = await options.db
      .select({ id: opsAlarms.id })
      .from(opsAlarms)
      .where(inOrg(opsAlarms, options.orgId, eq(opsAlarms.id, options.alarmId)));
    throw exists ? new AppError('ops.alarm_not_acknowledged', 409) : new AppError('ops.alarm_not_found', 404);
  }
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.alarm.close',
    targetType: 'ops_alarm',
    targetId: row.id,
    ip: options.ip,
    details: { note: options.note },
  });
  const [view] = await alarmRows(options.db, options.orgId, { ids: [row.id] });
  return view;
}

/**
 * The escalation job (every minute): an `alarm` nobody acknowledged within ESCALATE_AFTER_MINUTES goes to
 * the next level of the roster. The level moves in one conditional update, so two workers never page twice.
 */
export async function escalateAlarms(
  ctx: { db: Executor; jobs: JobQueue },
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - ESCALATE_AFTER_MINUTES * 60_000);
  const result = await ctx.db.execute(sql`
    UPDATE ops_alarms SET escalation_level = least(escalation_level + 1, ${MAX_ESCALATION_LEVEL}),
      last_notified_at = ${now.toISOString()}::timestamptz
    WHERE status = 'open' AND severity = 'alarm' AND last_notified_at < ${cutoff.toISOString()}::timestamptz
    RETURNING org_id AS "orgId", id, station_id AS "stationId", measure_id AS "measureId",
      threshold_id AS "thresholdId", value, observed_at AS "observedAt", escalation_level AS level
  `);
  const rows = rowsOf<{
    orgId: string;
    id: string;
    stationId: string;
    measureId: string;
    thresholdId: string;
    value: number;
    observedAt: Date | string;
    level: number;
  }>(result);
  for (const r of rows)
    await pageOnCall(ctx, r.orgId, { ...r, value: Number(r.value), observedAt: new Date(r.observedAt) });
  return rows.length;
}
