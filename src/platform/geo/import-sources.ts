// Reading an uploaded CSV or GeoJSON file row by row, each row with the line it starts on.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { LineProblem } from './column-mapping.ts';
import { jsonErrorLine } from './json-error-line.ts';

/** One data row: its cells or properties, the point of a GeoJSON feature, or what made it unreadable. */
export interface SourceRow {
  line: number;
  values: Record<string, unknown>;
  point?: readonly [number, number];
  problem?: LineProblem;
}

/** A file opened for import: its column names and a reader of its rows. */
export interface ImportSource {
  format: 'csv' | 'geojson';
  columns: string[];
  delimiter: string | null;
  /** How many data rows the file holds, counted without parsing them (progress needs it up front). */
  count(): number;
  /** The rows in file order; the return value is a problem that stopped the reading of the whole file. */
  rows(): AsyncGenerator<SourceRow, (LineProblem & { line: number }) | undefined>;
}

/** Upload formats by content type. */
export function formatOfContentType(contentType: string): 'csv' | 'geojson' | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv' || type === 'text/plain') return 'csv';
  if (type === 'application/geo+json' || type === 'application/json') return 'geojson';
  return undefined;
}

/**
 * Decodes an upload: UTF-8 when it is valid UTF-8, else Windows-1252, which is what spreadsheet
 * software in Quebec still saves CSV files in.
 */
export function decodeUpload(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

const CHUNK = 64 * 1024;

function* chunks(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

/** The delimiter of a CSV file: the most frequent of `,` `;` tab `|` on its first line. */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = first.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Data records of a CSV text: non-blank lines outside quoted fields, less the header. */
export function countCsvRecords(text: string): number {
  let records = 0;
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    if (!inQuotes && c === 10) {
      if (!blank) records++;
      blank = true;
    } else if (c !== 32 && c !== 9 && c !== 13) blank = false;
  }
  if (!blank) records++;
  return Math.max(0, records - 1);
}

function csvReader(text: string, delimiter: string) {
  return Readable.from(chunks(text)).pipe(
    parse({ delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  ) as AsyncIterable<{ record: string[]; info: { lines: number } }>;
}

/** Opens a CSV file: the first line names the columns. */
export async function openCsv(text: string): Promise<ImportSource> {
  const delimiter = detectDelimiter(text);
  let columns: string[] = [];
  try {
    for await (const { record } of csvReader(text.slice(0, 64 * 1024), delimiter)) {
      columns = record;
      break;
    }
  } catch {
    // A broken header is reported as the first line's problem by rows().
  }
  async function* rows(): AsyncGenerator<SourceRow, (LineProblem & { line: number }) | undefined> {
    let header = true;
    try {
      for await (const { record, info } of csvReader(text, delimiter)) {
        if (header) {
          header = false;
          continue;
        }
        const line = info.lines;
        if (record.length !== columns.length) {
          yield {
            line,
            values: {},
            problem: {
              code: 'address_import.line.column_count',
              params: { expected: columns.length, found: record.length },
            },
          };
          continue;
        }
        const values: Record<string, string> = {};
        columns.forEach((column, i) => {
          values[column] = record[i] ?? '';
        });
        yield { line, values };
      }
    } catch (error) {
      // csv-parse errors carry the parser's context, `lines` included.
      const lines = (error as { lines?: unknown }).lines;
      const line = typeof lines === 'number' ? lines : 0;
      return { line, code: 'address_import.csv_malformed', params: { line } };
    }
    return undefined;
  }
  return { format: 'csv', columns, delimiter, count: () => countCsvRecords(text), rows };
}

/**
 * The line on which each feature of a FeatureCollection starts (JSON.parse keeps no positions): a single
 * pass tracking strings and nesting, noting every object that opens directly inside top-level "features".
 */
export function featureStartLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastString = '';
  let lastKey = '';
  let featuresDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) {
        inString = false;
        if (depth === 1) lastString = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === 34) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 58 && depth === 1) lastKey = lastString;
    else if (c === 123 || c === 91) {
      if (c === 123 && depth === featuresDepth) lines.push(line);
      if (c === 91 && depth === 1 && lastKey === 'features' && featuresDepth === -1) featuresDepth = 2;
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (c === 93 && depth === 1 && featuresDepth === 2) featuresDepth = -3;
    }
  }
  return lines;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Opens a GeoJSON FeatureCollection (or a single Feature) of Point features. */
export function openGeoJson(text: string): ImportSource {
  let document: unknown;
  let fatal: (LineProblem & { line: number }) | undefined;
  try {
    document = JSON.parse(text);
  } catch {
    const line = jsonErrorLine(text);
    fatal = { line, code: 'address_import.json_malformed', params: { line } };
  }
  let features: unknown[] = [];
  if (!fatal) {
    if (isObject(document) && document.type === 'FeatureCollection' && Array.isArray(document.features))
      features = document.features;
    else if (isObject(document) && document.type === 'Feature') features = [document];
    else fatal = { line: 1, code: 'address_import.geojson_not_features', params: { line: 1 } };
  }
  const starts = features.length > 1 ? featureStartLines(text) : [];
  const lineOf = (i: number) => (starts.length === features.length ? (starts[i] ?? i + 1) : i + 1);
  const columns = [
    ...new Set(
      features
        .slice(0, 1000)
        .flatMap((f) => (isObject(f) && isObject(f.properties) ? Object.keys(f.properties) : [])),
    ),
  ];
  async function* rows(): AsyncGenerator<SourceRow, (LineProblem & { line: number }) | undefined> {
    if (fatal) return fatal;
    for (const [i, feature] of features.entries()) {
      const line = lineOf(i);
      const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
      const geometry = isObject(feature) ? feature.geometry : undefined;
      const coordinates = isObject(geometry) ? geometry.coordinates : undefined;
      if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(coordinates)) {
        yield { line, values: properties, problem: { code: 'address_import.line.not_a_point' } };
        continue;
      }
      const [lon, lat] = coordinates;
      if (
        typeof lon !== 'number' ||
        typeof lat !== 'number' ||
        !Number.isFinite(lon) ||
        !Number.isFinite(lat)
      ) {
        yield { line, values: properties, problem: { code: 'address_import.line.position_invalid' } };
        continue;
      }
      yield { line, values: properties, point: [lon, lat] };
    }
    return undefined;
  }
  return { format: 'geojson', columns, delimiter: null, count: () => features.length, rows };
}

/** Opens an upload in its format. */
export async function openSource(format: 'csv' | 'geojson', text: string): Promise<ImportSource> {
  return format === 'csv' ? openCsv(text) : openGeoJson(text);
}
