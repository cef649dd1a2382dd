import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { ReadingRow } from '../data/reading-rules.ts';
import { opsMeasures } from '../data/schema.ts';
import { pageOnCall } from './page-on-call.ts';
import { outOfRange, severityOf } from './rules.ts';
import { opsThresholds } from './schema.ts';

/**
 * Compares new readings with their measures' active thresholds. Out-of-range readings open an alarm per
 * threshold, or add to the one still unresolved (one statement: two batches at once cannot open two);
 * a newly opened `alarm` pages the on-call operator at once. Returns how many alarms were opened.
 */
export async function checkReadings(
  ctx: { db: Executor; jobs: JobQueue },
  orgId: string,
  readings: readonly ReadingRow[],
): Promise<number> {
  if (readings.length === 0) return 0;
  const measureIds = [...new Set(readings.map((r) => r.measureId))];
  const thresholds = await ctx.db
    .select({
      id: opsThresholds.id,
      measureId: opsThresholds.measureId,
      min: opsThresholds.min,
      max: opsThresholds.max,
      severity: opsThresholds.severity,
      stationId: opsMeasures.stationId,
    })
    .from(opsThresholds)
    .innerJoin(
      opsMeasures,
      and(eq(opsMeasures.orgId, opsThresholds.orgId), eq(opsMeasures.id, opsThresholds.measureId)),
    )
    .where(
      inOrg(
        opsThresholds,
        orgId,
        eq(opsThresholds.active, true),
        inArray(opsThresholds.measureId, measureIds),
      ),
    );
  let opened = 0;
  for (const t of thresholds) {
    const bad = readings.filter((r) => r.measureId === t.measureId && outOfRange(r.value, t));
    if (bad.length === 0) continue;
    const first = bad.reduce((a, b) => (b.observedAt < a.observedAt ? b : a));
    const worst = bad.reduce((a, b) => (severityOf(b.value, t) > severityOf(a.value, t) ? b : a));
    const worseSql =
      t.min !== null
        ? sql`least(a.worst_value, excluded.worst_value)`
        : sql`greatest(a.worst_value, excluded.worst_value)`;
    const result = await ctx.db.execute(sql`
      INSERT INTO ops_alarms AS a (org_id, id, station_id, measure_id, threshold_id, severity, observed_at, value,
        worst_value, readings_out_of_range, last_notified_at)
      VALUES (${orgId}::uuid, ${newId()}::uuid, ${t.stationId}::uuid, ${t.measureId}::uuid, ${t.id}::uuid, ${t.severity},
        ${first.observedAt.toISOString()}::timestamptz, ${first.value}, ${worst.value}, ${bad.length}, now())
      ON CONFLICT (org_id, threshold_id) WHERE status <> 'closed' DO UPDATE SET
        readings_out_of_range = a.readings_out_of_range + excluded.readings_out_of_range,
        worst_value = ${worseSql}
      RETURNING id, (xmax = 0) AS created
    `);
    const [row] = rowsOf<{ id: string; created: boolean }>(result);
    if (!row?.created) continue;
    opened++;
    if (t.severity === 'alarm')
      await pageOnCall(ctx, orgId, {
        id: row.id,
        stationId: t.stationId,
        measureId: t.measureId,
        thresholdId: t.id,
        value: first.value,
        observedAt: first.observedAt,
        level: 1,
      });
  }
  return opened;
}
