import { createReadStream } from 'node:fs';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../http/errors.ts';
import { FILE_TYPES, type FilePurpose, type FileTypeKey } from './purposes.ts';

const GEOJSON_TYPES = new Set([
  'FeatureCollection',
  'Feature',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

// Reads the whole file as strict UTF-8 (a NUL byte means binary); returns the text only when asked.
async function readCleanText(path: string, keep: boolean): Promise<{ ok: boolean; text: string }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return { ok: false, text: '' };
      const part = decoder.decode(bytes, { stream: true });
      if (keep) text += part;
    }
    const rest = decoder.decode();
    if (keep) text += rest;
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, text: '' };
    throw error;
  }
  return { ok: true, text };
}

function isGeoJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === 'object' &&
      value !== null &&
      GEOJSON_TYPES.has(String((value as { type?: unknown }).type))
    );
  } catch {
    return false;
  }
}

/**
 * Decides the type of an uploaded file: its extension must name a type the purpose accepts, the
 * declared type must be one clients use for it, and the content itself must be of that type
 * (magic numbers for binary formats, clean UTF-8 for text ones). Throws 415 otherwise.
 */
export async function identifyUpload(options: {
  path: string;
  name: string;
  declaredMime: string;
  purpose: FilePurpose;
}): Promise<FileTypeKey> {
  const { purpose, name } = options;
  const extension = extensionOf(name);
  const claimed = purpose.types.find((key) =>
    (FILE_TYPES[key].extensions as readonly string[]).includes(extension),
  );
  if (!claimed) {
    throw new AppError('files.type_not_allowed', 415, {
      params: { allowed: purpose.types.map((key) => FILE_TYPES[key].label).join(', ') },
    });
  }
  const type = FILE_TYPES[claimed];
  const mismatch = new AppError('files.type_mismatch', 415, { params: { name } });
  const declared = options.declaredMime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(type.declared as readonly string[]).includes(declared)) throw mismatch;

  const detected = await fileTypeFromFile(options.path);
  if (type.content === 'binary') {
    if (detected?.mime !== type.mime) throw mismatch;
    return claimed;
  }
  // A text format must not look like any known binary format.
  if (detected) throw mismatch;
  const wantsJson = claimed === 'geojson';
  const { ok, text } = await readCleanText(options.path, wantsJson);
  if (!ok || (wantsJson && !isGeoJson(text))) throw mismatch;
  return claimed;
}
