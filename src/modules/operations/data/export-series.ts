import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { type ExportTable, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { measureName } from './catalogue.ts';
import { requireOperationsStaff } from './policies.ts';
import { measureInfo, seriesPoints } from './query-series.ts';
import type { Grain } from './schema.ts';

/** A local time of Quebec as "2026-03-01 14:00", the way spreadsheets sort it. */
export function localStamp(iso: string | Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A series as a CSV or XLSX table (bucket in local time, count, mean, min, max, sum). */
export async function exportSeries(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  measureId: string;
  grain: Grain;
  from: string;
  to: string;
  direction?: string;
  format: 'csv' | 'xlsx';
  locale: Locale;
}): Promise<{ body: string | Buffer; fileName: string }> {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const info = await measureInfo(options.db, options.orgId, options.measureId);
  const points = await seriesPoints(
    options.db,
    options.orgId,
    info.id,
    options.grain,
    new Date(options.from),
    new Date(options.to),
    options.direction,
  );
  const fr = options.locale === 'fr';
  const table: ExportTable = {
    columns: [
      { key: 'bucket', header: fr ? 'Période (heure du Québec)' : 'Period (Quebec time)' },
      { key: 'n', header: fr ? 'Lectures' : 'Readings' },
      { key: 'mean', header: `${fr ? 'Moyenne' : 'Mean'} (${info.unit})` },
      { key: 'min', header: `Min (${info.unit})` },
      { key: 'max', header: `Max (${info.unit})` },
      { key: 'sum', header: `${fr ? 'Somme' : 'Sum'} (${info.unit})` },
    ],
    rows: points.map((p) => ({
      bucket: localStamp(p.bucket),
      n: p.n,
      mean: Math.round(p.mean * 1000) / 1000,
      min: p.min,
      max: p.max,
      sum: Math.round(p.sum * 1000) / 1000,
    })),
  };
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.series.export',
    targetType: 'ops_measure',
    targetId: info.id,
    ip: options.ip,
    details: { grain: options.grain, from: options.from, to: options.to, format: options.format },
  });
  const fileName = `${info.stationCode}-${info.code}-${options.grain}.${options.format}`;
  const name = measureName(info.code)[options.locale];
  return {
    body: options.format === 'csv' ? tableToCsv(table) : await tableToXlsx(table, name),
    fileName,
  };
}
