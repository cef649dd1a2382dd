import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { authenticateDevice } from './devices.ts';
import { ingest } from './ingest.ts';
import { loadStationRef } from './load-station.ts';
import { checkReading, type RawReading, type ReadingRow } from './reading-rules.ts';

/** Most readings one telemetry request may carry. */
export const TELEMETRY_BATCH_MAX = 5000;

/**
 * A device posts a batch of readings for its station. Good readings are stored (repeats skipped, so a
 * device may safely resend a batch it is unsure went through); bad ones are returned by index.
 */
export async function ingestTelemetry(options: {
  db: Executor;
  jobs: JobQueue;
  orgId: string;
  authorization: string | undefined;
  readings: RawReading[];
}) {
  const device = await authenticateDevice(options.db, options.orgId, options.authorization);
  if (options.readings.length > TELEMETRY_BATCH_MAX)
    throw new AppError('ops.batch_too_large', 413, { params: { max: TELEMETRY_BATCH_MAX } });
  const station = await loadStationRef(options.db, options.orgId, device.stationId);
  const rows: ReadingRow[] = [];
  const rejected: Array<{ index: number; code: string; params?: Record<string, string | number> }> = [];
  const now = new Date();
  options.readings.forEach((raw, index) => {
    const checked = checkReading(station, raw, now);
    if ('row' in checked) rows.push(checked.row);
    else rejected.push({ index, ...checked.problem });
  });
  const result = await ingest(options, options.orgId, rows, 'api');
  return {
    accepted: result.inserted,
    duplicates: result.duplicates,
    alarmsOpened: result.alarmsOpened,
    rejected,
  };
}
