import type { AddressInput } from './address-fields.ts';
import { type ColumnMapping, type LineProblem, rowToAddress } from './column-mapping.ts';
import type { ImportSource } from './import-sources.ts';
import type { StoredLineError } from './schema.ts';

/** What reading a file found: rows read, and the problem that stopped it, if any. */
export interface ScanResult {
  rows: number;
  fatal?: StoredLineError;
}

/**
 * Reads the rows of a source (all, or the first `maxRows`) through a mapping, handing each address or
 * line problem to the caller in file order (awaiting `onAddress`, so a slow database slows the reading
 * rather than filling memory).
 */
export async function scanSource(
  source: ImportSource,
  mapping: ColumnMapping,
  handlers: {
    onAddress: (line: number, address: AddressInput) => void | Promise<void>;
    onProblem: (error: StoredLineError) => void | Promise<void>;
  },
  options: { maxRows?: number } = {},
): Promise<ScanResult> {
  let rows = 0;
  const iterator = source.rows();
  for (;;) {
    if (options.maxRows !== undefined && rows >= options.maxRows) {
      await iterator.return(undefined);
      return { rows };
    }
    const next = await iterator.next();
    if (next.done) {
      const fatal = next.value;
      return fatal ? { rows, fatal: toStored(fatal.line, fatal) } : { rows };
    }
    rows++;
    const row = next.value;
    const result = row.problem ? { problem: row.problem } : rowToAddress(row.values, mapping, row.point);
    if ('problem' in result) await handlers.onProblem(toStored(row.line, result.problem));
    else await handlers.onAddress(row.line, result.address);
  }
}

function toStored(line: number, problem: LineProblem): StoredLineError {
  return problem.params ? { line, code: problem.code, params: problem.params } : { line, code: problem.code };
}

/** Codes of problems that stop the reading of a whole file (it cannot be imported as it is). */
export const FATAL_CODES: ReadonlySet<string> = new Set([
  'address_import.csv_malformed',
  'address_import.json_malformed',
  'address_import.geojson_not_features',
]);
