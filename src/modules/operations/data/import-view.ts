import { renderMessage } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { ImportLineError, opsReadingImports } from './schema.ts';

/** How many line errors are kept with an import (the count covers them all). */
export const KEPT_ERRORS = 500;

/** An import as the API shows it: status, progress, counts and the first line errors in the person's language. */
export function importView(
  row: typeof opsReadingImports.$inferSelect,
  locale: Locale,
  extra: { sample?: Array<Record<string, string>>; valid?: number } = {},
) {
  return {
    id: row.id,
    stationId: row.stationId,
    fileName: row.fileName,
    status: row.status,
    columns: row.columns,
    mapping: row.mapping,
    total: row.total,
    processed: row.processed,
    inserted: row.inserted,
    duplicates: row.duplicates,
    errorCount: row.errorCount,
    errors: row.errors.map((e: ImportLineError) => ({
      line: e.line,
      code: e.code,
      message: renderMessage(e.code, locale, e.params),
    })),
    sample: extra.sample ?? [],
    valid: extra.valid ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
