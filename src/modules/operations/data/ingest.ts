import type { Executor } from '../../../platform/db/client.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { checkReadings } from '../water/check-readings.ts';
import { insertReadings, type ReadingSource } from './insert-readings.ts';
import type { ReadingRow } from './reading-rules.ts';

/** What one ingestion did. */
export interface IngestResult {
  inserted: number;
  duplicates: number;
  alarmsOpened: number;
}

/**
 * Stores checked readings (duplicates skipped, rollups updated) and checks the new ones against the
 * thresholds. Every way in (CSV import, telemetry API, manual entry, demo) goes through here.
 */
export async function ingest(
  ctx: { db: Executor; jobs: JobQueue },
  orgId: string,
  rows: readonly ReadingRow[],
  source: ReadingSource,
): Promise<IngestResult> {
  const inserted = await insertReadings(ctx.db, orgId, rows, source);
  const alarmsOpened = await checkReadings(ctx, orgId, inserted);
  return { inserted: inserted.length, duplicates: rows.length - inserted.length, alarmsOpened };
}
