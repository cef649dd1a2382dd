import type { PostServiceRequestInput } from './post-service-request.ts';

// GeoReport clients post application/x-www-form-urlencoded bodies, with the category's fields as
// `attribute[code]=value` (and `attribute[code][]=value` for lists); JSON bodies are taken too.

/** An urlencoded body as a record; repeated names become lists. */
export function parseForm(text: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const before = result[name];
    result[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return result;
}

const FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'email',
  'device_id',
  'first_name',
  'last_name',
  'description',
] as const;

/** A POST body (form or JSON) as the use case's input. */
export function postInput(body: unknown): PostServiceRequestInput {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const input: PostServiceRequestInput = { attributes: {} };
  for (const name of FIELDS) {
    const value = record[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' || typeof text === 'number') input[name] = String(text);
  }
  for (const [name, value] of Object.entries(record)) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (match?.[1]) input.attributes[match[1]] = match[2] && !Array.isArray(value) ? [value] : value;
  }
  const nested = record.attribute;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested))
    Object.assign(input.attributes, nested as Record<string, unknown>);
  return input;
}
