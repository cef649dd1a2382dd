import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { importView, KEPT_ERRORS } from './import-view.ts';
import { loadStationRef } from './load-station.ts';
import { requireOperationsStaff } from './policies.ts';
import {
  checkRecords,
  detectReadingMapping,
  mappingComplete,
  type ParsedCsv,
  parseReadingsCsv,
  unknownColumns,
} from './reading-csv.ts';
import type { StationRef } from './reading-rules.ts';
import { opsReadingImports, type ReadingMapping } from './schema.ts';

function parseOr422(text: string): ParsedCsv {
  try {
    return parseReadingsCsv(text);
  } catch (error) {
    throw new AppError('ops.import_csv_invalid', 422, {
      params: { reason: error instanceof Error ? error.message.slice(0, 200) : 'CSV' },
    });
  }
}

/** What a preview shows: the whole file checked against the mapping, and its first lines. */
function preview(station: StationRef, parsed: ParsedCsv, mapping: ReadingMapping) {
  const { rows, errors } = mappingComplete(mapping)
    ? checkRecords(station, parsed, mapping)
    : { rows: [], errors: [] };
  return {
    valid: rows.length,
    errors: errors.slice(0, KEPT_ERRORS),
    errorCount: errors.length,
    sample: parsed.records.slice(0, 10).map((r) => r.values),
  };
}

/**
 * Staff upload a CSV of readings for a station: it is read, its columns are guessed and every line is
 * checked, without storing a reading yet. The preview lists problems by line; staff fix the mapping, then start.
 */
export async function previewReadingImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  stationId: string;
  locale: Locale;
  fileName?: string;
  text: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const station = await loadStationRef(options.db, options.orgId, options.stationId);
  const parsed = parseOr422(options.text);
  if (parsed.records.length === 0) throw new AppError('ops.import_empty', 422);
  const mapping = detectReadingMapping(parsed.columns, [...station.measures.keys()]);
  const p = preview(station, parsed, mapping);
  const [row] = await options.db
    .insert(opsReadingImports)
    .values(
      scopeOf(options.orgId).rows({
        stationId: station.id,
        startedBy: who.account.id,
        fileName: options.fileName ?? null,
        columns: parsed.columns,
        mapping,
        content: options.text,
        total: parsed.records.length,
        errorCount: p.errorCount,
        errors: p.errors,
      }),
    )
    .returning();
  if (!row) throw new Error('import insert failed');
  return importView(row, options.locale, { sample: p.sample, valid: p.valid });
}

/** Staff change which column is what; the whole file is checked again. */
export async function remapReadingImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  importId: string;
  locale: Locale;
  mapping: ReadingMapping;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(opsReadingImports)
    .where(inOrg(opsReadingImports, options.orgId, eq(opsReadingImports.id, options.importId)));
  if (!row) throw new AppError('ops.import_not_found', 404);
  if (row.status !== 'previewed' || row.content === null)
    throw new AppError('ops.import_already_started', 409);
  // An empty choice in the form means "no column" (JSON null may arrive coerced to '').
  const orNull = (c: string | null) => (c ? c : null);
  const mapping: ReadingMapping = {
    observedAt: orNull(options.mapping.observedAt),
    measure: orNull(options.mapping.measure),
    value: orNull(options.mapping.value),
    direction: orNull(options.mapping.direction),
    measureColumns: Object.fromEntries(Object.entries(options.mapping.measureColumns).filter(([, c]) => c)),
  };
  const missing = unknownColumns(mapping, row.columns);
  if (missing.length)
    throw new AppError('ops.import_column_unknown', 422, { params: { column: missing[0] ?? '' } });
  const station = await loadStationRef(options.db, options.orgId, row.stationId);
  const p = preview(station, parseOr422(row.content), mapping);
  const [updated] = await options.db
    .update(opsReadingImports)
    .set({ mapping, errors: p.errors, errorCount: p.errorCount, updatedAt: sql`now()` })
    .where(inOrg(opsReadingImports, options.orgId, eq(opsReadingImports.id, row.id)))
    .returning();
  if (!updated) throw new AppError('ops.import_not_found', 404);
  return importView(updated, options.locale, { sample: p.sample, valid: p.valid });
}
