// Requests for the input fuzzer (fuzz.test.ts), derived from one operation of the OpenAPI document:
// garbage in the path, wrong or hostile query parameters, JSON bodies with wrong types, missing and extra
// fields, huge and hostile strings, malformed JSON, a wrong content type, and malformed multipart.
import fc from 'fast-check';
import {
  HOSTILE_STRINGS,
  hostileValue,
  type JsonSchema,
  pathsOf,
  REMOVE,
  replaceAt,
  validValue,
} from './fuzz-values.ts';

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  path: string;
  parameters: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  body?: JsonSchema;
  /** The body's declared content type (application/json, text/csv …). */
  bodyType?: string;
  multipart: boolean;
  /** A Server-Sent Events stream: an authorised request never ends, so app.inject cannot wait for it. */
  stream: boolean;
}

/** One request the fuzzer sends. */
export interface FuzzCase {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** What path parameters may be when they are meant to be right (so the request reaches validation). */
export interface FuzzTargets {
  orgIds: string[];
  slugs: string[];
}

/** Lists the operations of an OpenAPI 3.1 document. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as {
        parameters?: Operation['parameters'];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        description?: string;
        summary?: string;
      };
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: bodyType ? content[bodyType]?.schema : undefined,
        bodyType,
        multipart: /multipart\/form-data/.test(op.description ?? ''),
        stream: /\bSSE\b|Server-Sent Events/.test(op.summary ?? ''),
      });
    }
  }
  return ops;
}

/** Percent-encodes a path or query value; lone surrogates (which encodeURIComponent refuses) become invalid UTF-8. */
export function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function pathValue(name: string, schema: JsonSchema | undefined, targets: FuzzTargets): fc.Arbitrary<string> {
  if (name === 'orgId' || name === 'municipalityId') return fc.constantFrom(...targets.orgIds);
  if (name === 'org' || name === 'slug' || name === 'idOrSlug') return fc.constantFrom(...targets.slugs);
  if (name === 'format') return fc.constantFrom('json', 'xml');
  return validValue(schema).map((v) => String(v));
}

const PATH_GARBAGE: fc.Arbitrary<string> = fc.oneof(
  hostileValue.map(encode),
  fc.constantFrom('%', '%zz', '%ED%A0%80', '..%2F..%2F', '%00', 'a'.repeat(5000), '-1', '0', '1.5', 'null'),
);

/** Raw bodies that are not JSON, or JSON that parsers disagree on. */
const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e99999}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  '',
  ' ',
  'null',
  '"text"',
  '12',
];

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/json; charset=utf-16',
  'application/octet-stream',
];

/** Multipart bodies that are broken, or whole but hostile. */
function multipartBodies(): Array<{ type: string; body: string }> {
  const b = 'fuzzboundary';
  const part = (headers: string, content: string) => `--${b}\r\n${headers}\r\n\r\n${content}\r\n`;
  const type = `multipart/form-data; boundary=${b}`;
  return [
    { type, body: '' },
    { type, body: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc` },
    { type, body: `${part('Content-Disposition: form-data; name="purpose"', 'image')}--${b}--\r\n` },
    {
      type,
      body: `${part('Content-Disposition: form-data; name="file"; filename="../../etc/passwd\u0000.png"\r\nContent-Type: image/png', '<script>alert(1)</script>')}--${b}--\r\n`,
    },
    {
      type,
      body: `${part('Content-Disposition: form-data; name="file"; filename="x.xml"\r\nContent-Type: text/xml', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>')}--${b}--\r\n`,
    },
    {
      type,
      body: `${part(`Content-Disposition: form-data; name="${'n'.repeat(5000)}"`, 'v')}--${b}--\r\n`,
    },
    { type: 'multipart/form-data', body: 'no boundary at all' },
    { type: 'multipart/form-data; boundary=', body: '--\r\n\r\n--' },
    {
      type,
      body: `${part('Content-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg', 'not a jpeg')}${part('Content-Disposition: form-data; name="file"; filename="b.jpg"', 'second')}--${b}--\r\n`,
    },
  ];
}

function buildUrl(path: string, pathValues: Record<string, string>, query: Array<[string, string]>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? 'x');
  return query.length ? `${filled}?${query.map(([k, v]) => `${encode(k)}=${v}`).join('&')}` : filled;
}

/** The fuzz cases of one operation, as a fast-check arbitrary. */
export function casesFor(op: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const goodPath = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.name, p.schema, targets)])),
  ) as fc.Arbitrary<Record<string, string>>;
  const goodQuery = fc
    .tuple(
      ...queryParams.map((p) => {
        const pair = validValue(p.schema).map((v): [string, string] | undefined => [p.name, encode(v)]);
        return p.required ? pair : fc.option(pair, { nil: undefined, freq: 2 });
      }),
    )
    .map((pairs) => pairs.filter((p): p is [string, string] => p !== undefined));
  const jsonBody = op.body && (!op.bodyType || op.bodyType.includes('json')) ? op.body : undefined;
  const goodBody = jsonBody ? validValue(jsonBody) : fc.constant(undefined);
  const json = (body: unknown): Pick<FuzzCase, 'headers' | 'payload'> =>
    body === undefined
      ? { headers: {} }
      : { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' };
  const make = (
    kind: string,
    p: Record<string, string>,
    q: Array<[string, string]>,
    rest: Partial<FuzzCase>,
  ) => ({ kind, method: op.method, url: buildUrl(op.path, p, q), headers: {}, ...rest }) as FuzzCase;

  const arbitraries: Array<fc.WeightedArbitrary<FuzzCase>> = [];
  if (pathParams.length) {
    arbitraries.push({
      weight: 3,
      arbitrary: fc
        .tuple(goodPath, fc.constantFrom(...pathParams.map((p) => p.name)), PATH_GARBAGE, goodQuery, goodBody)
        .map(([p, name, garbage, q, body]) => make('path-garbage', { ...p, [name]: garbage }, q, json(body))),
    });
  }
  arbitraries.push({
    weight: 2,
    arbitrary: fc
      .tuple(
        goodPath,
        goodQuery,
        fc.oneof(
          fc.constantFrom(...(queryParams.length ? queryParams.map((p) => p.name) : ['page'])),
          fc.constantFrom('__proto__', 'limit', 'page[]', 'q', 'sort', 'a'.repeat(300)),
        ),
        hostileValue.map(encode),
        goodBody,
      )
      .map(([p, q, name, value, body]) =>
        make('query-hostile', p, [...q, [name, value], [name, encode('second value')]], json(body)),
      ),
  });
  if (jsonBody) {
    const mutated = goodBody.chain((base) => {
      const paths = pathsOf(base);
      const at = paths.length ? fc.constantFrom(...paths) : fc.constant([] as Array<string | number>);
      return fc.oneof(
        fc
          .tuple(at, hostileValue)
          .map(([path, v]) => ({ kind: 'body-wrong-value', body: replaceAt(base, path, v) })),
        fc.tuple(at, fc.constantFrom(...HOSTILE_STRINGS)).map(([path, v]) => ({
          kind: 'body-hostile-string',
          body: replaceAt(base, path, v),
        })),
        at.map((path) => ({ kind: 'body-missing-field', body: replaceAt(base, path, REMOVE) })),
        fc
          .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'orgId', 'id', 'isAdmin'), hostileValue)
          .map(([k, v]) => ({
            kind: 'body-extra-field',
            body: base && typeof base === 'object' && !Array.isArray(base) ? { ...base, [k]: v } : base,
          })),
        hostileValue.map((v) => ({ kind: 'body-whole-wrong', body: v })),
      );
    });
    arbitraries.push({
      weight: 8,
      arbitrary: fc.tuple(goodPath, goodQuery, mutated).map(([p, q, m]) => make(m.kind, p, q, json(m.body))),
    });
    arbitraries.push({
      weight: 2,
      arbitrary: fc.tuple(goodPath, goodQuery, fc.constantFrom(...MALFORMED_JSON)).map(([p, q, raw]) =>
        make('body-malformed-json', p, q, {
          headers: { 'content-type': 'application/json' },
          payload: raw,
        }),
      ),
    });
    arbitraries.push({
      weight: 1,
      arbitrary: fc
        .tuple(goodPath, goodQuery, goodBody, fc.constantFrom(...WRONG_CONTENT_TYPES))
        .map(([p, q, body, type]) =>
          make('body-wrong-content-type', p, q, {
            headers: { 'content-type': type },
            payload: JSON.stringify(body),
          }),
        ),
    });
  } else if (op.body) {
    // A text body (CSV, GeoJSON …): hostile text of the declared type.
    arbitraries.push({
      weight: 4,
      arbitrary: fc
        .tuple(
          goodPath,
          goodQuery,
          fc.oneof(fc.constantFrom(...HOSTILE_STRINGS, ...MALFORMED_JSON), fc.string()),
        )
        .map(([p, q, text]) =>
          make('body-hostile-text', p, q, {
            headers: { 'content-type': op.bodyType ?? 'text/plain' },
            payload: text,
          }),
        ),
    });
  }
  if (op.multipart) {
    arbitraries.push({
      weight: 6,
      arbitrary: fc
        .tuple(goodPath, goodQuery, fc.constantFrom(...multipartBodies()))
        .map(([p, q, m]) =>
          make('multipart-malformed', p, q, { headers: { 'content-type': m.type }, payload: m.body }),
        ),
    });
  }
  return fc.oneof(...arbitraries);
}
