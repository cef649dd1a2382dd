import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { ingest } from './ingest.ts';
import { loadStationRef } from './load-station.ts';
import { requireOperationsStaff } from './policies.ts';
import { checkReading, type RawReading, type ReadingRow } from './reading-rules.ts';

/**
 * An operator enters readings by hand (e.g. the daily chlorine rounds on a phone). All or nothing: a
 * bad value is sent back by field so the form keeps what was typed; out-of-range values raise alarms.
 */
export async function recordReadings(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  stationId: string;
  locale: Locale;
  readings: Array<Omit<RawReading, 'observedAt'> & { observedAt?: string }>;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const station = await loadStationRef(options.db, options.orgId, options.stationId);
  const now = new Date();
  const rows: ReadingRow[] = [];
  const fields: Record<string, { code: string; message: string }> = {};
  let firstProblem: { code: string; params?: Record<string, string | number> } | undefined;
  options.readings.forEach((raw, index) => {
    const checked = checkReading(station, { ...raw, observedAt: raw.observedAt ?? now }, now);
    if ('row' in checked) rows.push(checked.row);
    else {
      firstProblem ??= checked.problem;
      fields[`readings.${index}`] = {
        code: checked.problem.code,
        message: renderMessage(checked.problem.code, options.locale, checked.problem.params),
      };
    }
  });
  if (firstProblem)
    throw new AppError(firstProblem.code, 422, { params: firstProblem.params ?? {}, details: { fields } });
  const result = await ingest(options, options.orgId, rows, 'manual');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.readings.manual',
    targetType: 'ops_station',
    targetId: options.stationId,
    ip: options.ip,
    details: { count: rows.length, inserted: result.inserted },
  });
  return result;
}
