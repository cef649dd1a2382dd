// Reading a CSV of readings: delimiter, header, which column is what, and line-precise problems. No I/O.
import { parse } from 'csv-parse/sync';
import {
  checkReading,
  parseTime,
  type RawReading,
  type ReadingRow,
  type StationRef,
} from './reading-rules.ts';
import type { ImportLineError, ReadingMapping } from './schema.ts';

/** A parsed file: its columns and its records with the line each starts on (1 = the header). */
export interface ParsedCsv {
  columns: string[];
  records: Array<{ line: number; values: Record<string, string> }>;
}

/** The delimiter used in the header line: Quebec's Excel writes `;`, instruments often `,` or tabs. */
export function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** Parses the file; throws a CsvError (with a reason) when it cannot be read at all. */
export function parseReadingsCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const out = parse(text, {
    bom: true,
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    info: true,
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const first = parse(text, { bom: true, delimiter, to_line: 1 }) as string[][];
  const columns = (first[0] ?? []).map((c) => c.trim());
  return { columns, records: out.map((r) => ({ line: r.info.lines, values: r.record })) };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const TIME_NAMES = [
  'date',
  'dateheure',
  'datetime',
  'horodatage',
  'timestamp',
  'time',
  'heure',
  'observedat',
];
const MEASURE_NAMES = ['mesure', 'measure', 'parametre', 'parameter', 'code'];
const VALUE_NAMES = ['valeur', 'value', 'lecture', 'reading'];
const DIRECTION_NAMES = ['direction', 'sens', 'dir'];

/** Guesses the mapping from the header and the station's measure codes (wide files name a column per measure). */
export function detectReadingMapping(
  columns: readonly string[],
  measureCodes: readonly string[],
): ReadingMapping {
  const find = (names: string[]) => columns.find((c) => names.includes(fold(c))) ?? null;
  const measureColumns: Record<string, string> = {};
  for (const code of measureCodes) {
    const column = columns.find((c) => fold(c) === fold(code));
    if (column) measureColumns[code] = column;
  }
  return {
    observedAt: find(TIME_NAMES),
    measure: find(MEASURE_NAMES),
    value: find(VALUE_NAMES),
    direction: find(DIRECTION_NAMES),
    measureColumns,
  };
}

/** Whether the mapping says where the time and at least one value are. */
export function mappingComplete(mapping: ReadingMapping): boolean {
  const long = mapping.measure !== null && mapping.value !== null;
  return mapping.observedAt !== null && (long || Object.keys(mapping.measureColumns).length > 0);
}

/** Columns the mapping names that the file does not have. */
export function unknownColumns(mapping: ReadingMapping, columns: readonly string[]): string[] {
  const named = [
    mapping.observedAt,
    mapping.measure,
    mapping.value,
    mapping.direction,
    ...Object.values(mapping.measureColumns),
  ];
  return named.filter((c): c is string => c !== null && !columns.includes(c));
}

/** The readings of one record (one per measure column in a wide file; empty cells are no reading). */
export function recordReadings(values: Record<string, string>, mapping: ReadingMapping): RawReading[] {
  const observedAt = mapping.observedAt ? (values[mapping.observedAt] ?? '') : '';
  const direction = mapping.direction ? (values[mapping.direction] ?? '') : '';
  const readings: RawReading[] = [];
  if (mapping.measure && mapping.value)
    readings.push({
      measure: values[mapping.measure] ?? '',
      value: values[mapping.value] ?? '',
      observedAt,
      direction,
    });
  for (const [code, column] of Object.entries(mapping.measureColumns)) {
    const value = values[column] ?? '';
    if (value !== '') readings.push({ measure: code, value, observedAt, direction });
  }
  return readings;
}

/** Checks every record: the rows to insert and the problems, each with its line in the file. */
export function checkRecords(
  station: StationRef,
  parsed: ParsedCsv,
  mapping: ReadingMapping,
  now = new Date(),
): { rows: ReadingRow[]; errors: ImportLineError[] } {
  const rows: ReadingRow[] = [];
  const errors: ImportLineError[] = [];
  for (const record of parsed.records) {
    if (mapping.observedAt && !(record.values[mapping.observedAt] ?? '')) {
      errors.push({ line: record.line, code: 'ops.cell_missing', params: { column: mapping.observedAt } });
      continue;
    }
    const time = mapping.observedAt ? parseTime(record.values[mapping.observedAt] ?? '') : null;
    if (!time) {
      errors.push({
        line: record.line,
        code: 'ops.time_invalid',
        params: { value: record.values[mapping.observedAt ?? ''] ?? '' },
      });
      continue;
    }
    for (const raw of recordReadings(record.values, mapping)) {
      const checked = checkReading(station, raw, now);
      if ('row' in checked) rows.push(checked.row);
      else errors.push({ line: record.line, ...checked.problem });
    }
  }
  return { rows, errors };
}
