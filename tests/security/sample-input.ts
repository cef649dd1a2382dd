/**
 * The smallest input a route's JSON schema accepts, so that a request reaches the route's handler (and its
 * policy) instead of stopping at validation. Validation runs before the handler, so a refused role sent an
 * invalid body would see 400 and the policy would never be exercised.
 */
type Schema = Record<string, unknown>;

// Strings that satisfy the patterns the routes use (tried in order; the first that matches is taken).
const PATTERN_CANDIDATES = [
  'a',
  'abc',
  'a-b',
  'ab',
  'A1',
  '1',
  '12345',
  '123456',
  '2026-01',
  '2026-01-01',
  '12:00',
  'H0H 0H0',
  '+1 514 555 0100',
  'ABC-123',
  'services',
  'AB',
  'ABC',
  '#004b87',
  'video',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
];

const FORMATS: Record<string, string> = {
  email: 'someone@example.test',
  uuid: '00000000-0000-7000-8000-000000000000',
  date: '2026-06-01',
  'date-time': '2026-06-01T12:00:00.000Z',
  uri: 'https://example.test/',
  time: '12:00:00',
};

function sampleString(schema: Schema): string {
  if (typeof schema.format === 'string' && FORMATS[schema.format]) return FORMATS[schema.format] as string;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern, 'u');
    const fits = (s: string) => re.test(s) && s.length >= min && s.length <= max;
    const found = PATTERN_CANDIDATES.find(fits);
    if (found) return found;
    for (let n = 1; n <= 64; n++) for (const c of ['a', '1']) if (fits(c.repeat(n))) return c.repeat(n);
  }
  return 'x'.repeat(Math.max(min, 1));
}

/** A value the schema accepts (best effort: enough for every body and querystring of the route table). */
export function sampleOf(schema: Schema | undefined): unknown {
  if (!schema) return undefined;
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      // Prefer a non-null branch: a null is rarely what a handler needs to do real work.
      const branch = (options as Schema[]).find((o) => o.type !== 'null') ?? options[0];
      return sampleOf(branch as Schema);
    }
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => sampleOf(s) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
      const exclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
      return min ?? exclusive ?? 1;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const n = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: n }, () => sampleOf(schema.items as Schema));
    }
    case 'object':
    case undefined: {
      if (!schema.properties && type === undefined) return undefined;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) if (required.has(k)) out[k] = sampleOf(v);
      return out;
    }
    default:
      return undefined;
  }
}
