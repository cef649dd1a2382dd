import { and, eq, inArray, sql } from 'drizzle-orm';
import { memberships } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { opsMeasures, opsStations } from '../data/schema.ts';
import { staffUrl } from '../data/staff-url.ts';
import { WATER_ALARM } from './notifications.ts';
import { opsOnCall, opsThresholds } from './schema.ts';

/** An alarm as paging needs it. */
export interface AlarmToPage {
  id: string;
  stationId: string;
  measureId: string;
  thresholdId: string;
  value: number;
  observedAt: Date;
  level: number;
}

/**
 * The people paged at an escalation level: that level of the roster, or (no one at that level) the
 * highest level below it, or (no roster at all) every operations staff member of the organisation.
 */
export async function onCallAt(db: Executor, orgId: string, level: number): Promise<string[]> {
  const roster = await db
    .select({ accountId: opsOnCall.accountId, level: opsOnCall.level })
    .from(opsOnCall)
    .where(inOrg(opsOnCall, orgId, sql`${opsOnCall.level} <= ${level}`));
  if (roster.length > 0) {
    const top = Math.max(...roster.map((r) => r.level));
    return roster.filter((r) => r.level === top).map((r) => r.accountId);
  }
  const staff = await db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ['operations'])));
  return [...new Set(staff.map((s) => s.accountId))];
}

/** Sends the alarm to everyone on call at its level, on every channel they can be reached on, urgently. */
export async function pageOnCall(
  ctx: { db: Executor; jobs: JobQueue },
  orgId: string,
  alarm: AlarmToPage,
): Promise<number> {
  const [info] = await ctx.db
    .select({
      nameFr: opsStations.nameFr,
      nameEn: opsStations.nameEn,
      code: opsMeasures.code,
      unit: opsMeasures.unit,
      min: opsThresholds.min,
      max: opsThresholds.max,
    })
    .from(opsThresholds)
    .innerJoin(
      opsMeasures,
      and(eq(opsMeasures.orgId, opsThresholds.orgId), eq(opsMeasures.id, opsThresholds.measureId)),
    )
    .innerJoin(
      opsStations,
      and(eq(opsStations.orgId, opsMeasures.orgId), eq(opsStations.id, opsMeasures.stationId)),
    )
    .where(inOrg(opsThresholds, orgId, eq(opsThresholds.id, alarm.thresholdId)));
  if (!info) return 0;
  const people = await onCallAt(ctx.db, orgId, alarm.level);
  const url = await staffUrl(ctx.db, orgId, 'water');
  for (const accountId of people)
    await notify(ctx, {
      accountId,
      orgId,
      category: 'emergency',
      urgency: 'high',
      template: WATER_ALARM,
      params: {
        station: { fr: info.nameFr, en: info.nameEn },
        measureCode: info.code,
        unit: info.unit,
        value: alarm.value,
        min: info.min,
        max: info.max,
        observedAt: alarm.observedAt.toISOString(),
        level: alarm.level,
        url,
      },
    });
  return people.length;
}
