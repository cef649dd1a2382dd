import type { AddressInput } from './address-fields.ts';
import { type ColumnMapping, mappingIsComplete } from './column-mapping.ts';
import type { ImportSource } from './import-sources.ts';
import { scanSource } from './scan-import.ts';
import type { StoredLineError } from './schema.ts';

/** Rows shown parsed in a preview; rows a preview checks; line errors an import keeps. */
export const PREVIEW_SAMPLE_ROWS = 10;
export const PREVIEW_CHECKED_ROWS = 2000;
export const MAX_STORED_ERRORS = 1000;

/** What a person sees before starting an import. */
export interface ImportPreview {
  mapping: ColumnMapping;
  mappingComplete: boolean;
  /** Data rows in the whole file. */
  total: number;
  /** Rows checked (the first PREVIEW_CHECKED_ROWS); valid, errorCount and errors are about these. */
  checked: number;
  valid: number;
  errorCount: number;
  errors: StoredLineError[];
  sample: Array<{ line: number; address: AddressInput }>;
}

/**
 * Checks the first rows of a file through a mapping: a sample parsed, the line errors found, counts.
 * A preview answers in a moment whatever the file's size (50 MiB holds about a million rows, which take
 * the import itself a while); the import then reports every line.
 */
export async function buildPreview(source: ImportSource, mapping: ColumnMapping): Promise<ImportPreview> {
  const errors: StoredLineError[] = [];
  const sample: ImportPreview['sample'] = [];
  let valid = 0;
  const total = source.count();
  const complete = mappingIsComplete(mapping, source.format === 'geojson');
  const scan = await scanSource(
    source,
    mapping,
    {
      onAddress: (line, address) => {
        valid++;
        if (sample.length < PREVIEW_SAMPLE_ROWS) sample.push({ line, address });
      },
      onProblem: (error) => {
        errors.push(error);
      },
    },
    { maxRows: PREVIEW_CHECKED_ROWS },
  );
  if (!complete) {
    // Every row fails the same way; the preview says so once (mappingComplete) rather than per line.
    const fatal = scan.fatal ? [scan.fatal] : [];
    return {
      mapping,
      mappingComplete: false,
      total,
      checked: scan.rows,
      valid: 0,
      errorCount: fatal.length,
      errors: fatal,
      sample: [],
    };
  }
  if (scan.fatal) errors.push(scan.fatal);
  return {
    mapping,
    mappingComplete: true,
    total,
    checked: scan.rows,
    valid,
    errorCount: errors.length,
    errors,
    sample,
  };
}
