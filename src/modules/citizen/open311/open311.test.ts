import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../tests/support/harness.ts';
import { createTestContext } from '../../../../tests/support/harness.ts';
import { serviceRequests } from '../requests/schema.ts';
import { clientFor, emailsTo, JOLIETTE, potholeBody, townWithCategories } from '../requests/test-support.ts';

// The GeoReport v2 JSON schemas kept beside the repository (shared/data/standards), read in place.
const SCHEMAS = fileURLToPath(
  new URL('../../../../../shared/data/standards/open311-georeport-v2/', import.meta.url),
);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const name of ['request', 'service', 'service-definition'])
  ajv.addSchema(JSON.parse(readFileSync(`${SCHEMAS}${name}.json`, 'utf8')), `${name}.json`);
const standard = (name: string): ValidateFunction =>
  ajv.getSchema(`${name}.json`) ?? ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}${name}.json`, 'utf8')));
// Answers the folder has no schema for, written from the specification's text.
const local = {
  errors: ajv.compile({
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['code', 'description'],
      properties: { code: { type: 'integer' }, description: { type: 'string' } },
    },
  }),
  posted: ajv.compile({
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['service_request_id'],
      properties: {
        service_request_id: { type: 'string' },
        token: { type: 'string' },
        service_notice: { type: ['string', 'null'] },
        account_id: { type: ['string', 'null'] },
      },
    },
  }),
  tokens: ajv.compile({
    type: 'array',
    items: { type: 'object', required: ['service_request_id', 'token'] },
  }),
  discovery: ajv.compile({
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: { formats: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  }),
};

function conforms(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  expect(ok, JSON.stringify(validate.errors)).toBe(true);
}

const parser = new XMLParser();
/** An XML answer: well-formed, UTF-8 declared, parsed. */
function xml(text: string): Record<string, unknown> {
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

let ctx: TestContext;
let town: Awaited<ReturnType<typeof townWithCategories>>;
let slug: string;
let apiKey: string;
let keyId: string;
let admin: Awaited<ReturnType<typeof clientFor>>;
let reference: string;
let other: Awaited<ReturnType<typeof townWithCategories>>;

const V2 = '/open311/v2';
const get = (url: string, locale: 'fr' | 'en' = 'fr') => ctx.client({ locale }).get(`${V2}${url}`);
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const post = (format: 'json' | 'xml', fields: Record<string, string>) => {
  const body = form(fields);
  // A machine client: no cookie, no CSRF token.
  return ctx.app.inject({ method: 'POST', url: `${V2}/requests.${format}`, ...body });
};

beforeAll(async () => {
  ctx = await createTestContext();
  town = await townWithCategories(ctx, 'JOL');
  slug = town.org.slug;
  other = await townWithCategories(ctx, 'AUT');
  const citizen = await clientFor(ctx);
  const created = await citizen.client.post<{ reference: string; id: string }>(
    `/api/orgs/${town.org.id}/requests`,
    potholeBody(town.pothole.id),
  );
  reference = created.body.reference;
  await town.desk.client.post(`/api/orgs/${town.org.id}/staff/requests/${created.body.id}/status`, {
    status: 'resolved',
    message: 'Réparé hier.',
  });
  admin = await clientFor(ctx, [{ orgId: town.org.id, role: 'admin' }]);
  const key = await admin.client.post<{ key: string; id: string }>(`/api/orgs/${town.org.id}/open311/keys`, {
    name: 'Appli citoyenne',
    ratePerMinute: 4,
  });
  apiKey = key.body.key;
  keyId = key.body.id;
});
afterAll(async () => ctx?.close());

describe('GeoReport v2 conformance', () => {
  it('answers discovery in JSON and XML', async () => {
    const json = await get('/discovery.json');
    expect(json.status).toBe(200);
    conforms(local.discovery, json.body);
    const parsed = xml((await get('/discovery.xml')).text);
    expect(parsed).toHaveProperty('discovery.endpoints.endpoint.formats.format');
  });

  it('lists services and their definitions with datatypes, required, order and values', async () => {
    const services = await get(`/services.json?jurisdiction_id=${slug}`);
    conforms(standard('services'), services.body);
    expect(
      (services.body as Array<{ service_code: string; metadata: boolean }>).map((s) => [
        s.service_code,
        s.metadata,
      ]),
    ).toEqual([
      ['bruit', false],
      ['nid-de-poule', true],
    ]);
    const english = await get(`/services.json?jurisdiction_id=${slug}`, 'en');
    expect((english.body as Array<{ service_name: string }>).map((s) => s.service_name)).toEqual([
      'Noise',
      'Pothole',
    ]);
    const servicesXml = xml((await get(`/services.xml?jurisdiction_id=${slug}`)).text);
    expect(servicesXml).toHaveProperty('services.service');

    const definition = await get(`/services/nid-de-poule.json?jurisdiction_id=${slug}`);
    conforms(standard('service-definition'), definition.body);
    const attributes = (definition.body as { attributes: Array<Record<string, unknown>> }).attributes;
    expect(attributes.map((a) => [a.code, a.datatype, a.required, a.order])).toEqual([
      ['taille', 'singlevaluelist', true, 1],
      ['profondeur', 'number', false, 2],
      ['note', 'text', false, 3],
    ]);
    expect(attributes[0]?.values).toEqual([
      { key: 'petit', name: 'Petit' },
      { key: 'grand', name: 'Grand' },
    ]);
    const definitionXml = xml((await get(`/services/nid-de-poule.xml?jurisdiction_id=${slug}`)).text);
    expect(definitionXml).toHaveProperty('service_definition.attributes.attribute');
  });

  it('lists requests with the standard’s defaults and filters, without personal data', async () => {
    const all = await get(`/requests.json?jurisdiction_id=${slug}`);
    conforms(standard('requests'), all.body);
    const [one] = all.body as Array<Record<string, unknown>>;
    expect(one).toMatchObject({
      service_request_id: reference,
      status: 'closed',
      status_notes: 'Réparé hier.',
      service_code: 'nid-de-poule',
      agency_responsible: 'Travaux publics',
      description: null,
    });
    expect(JSON.stringify(all.body)).not.toMatch(/Gros trou|@/);
    xml((await get(`/requests.xml?jurisdiction_id=${slug}`)).text);

    const open = await get(`/requests.json?jurisdiction_id=${slug}&status=open`);
    conforms(standard('requests'), open.body);
    expect(open.body).toEqual([]);
    expect(
      ((await get(`/requests.json?jurisdiction_id=${slug}&status=closed`)).body as unknown[]).length,
    ).toBe(1);
    expect(
      ((await get(`/requests.json?jurisdiction_id=${slug}&service_code=bruit`)).body as unknown[]).length,
    ).toBe(0);
    const byId = await get(
      `/requests.json?jurisdiction_id=${slug}&service_request_id=${reference},JOL-1999-000001&status=open`,
    );
    expect((byId.body as Array<{ service_request_id: string }>).map((r) => r.service_request_id)).toEqual([
      reference,
    ]);

    // 90 days before end_date by default: an older request appears only with an earlier start_date.
    const [row] = await ctx.db.select().from(serviceRequests).where(eq(serviceRequests.reference, reference));
    await ctx.db
      .update(serviceRequests)
      .set({ createdAt: new Date(Date.now() - 100 * 86_400_000) })
      .where(eq(serviceRequests.id, row?.id ?? ''));
    expect((await get(`/requests.json?jurisdiction_id=${slug}`)).body).toEqual([]);
    const start = new Date(Date.now() - 120 * 86_400_000).toISOString();
    const older = await get(`/requests.json?jurisdiction_id=${slug}&start_date=${encodeURIComponent(start)}`);
    expect((older.body as unknown[]).length).toBe(1);
    await ctx.db
      .update(serviceRequests)
      .set({ createdAt: row?.createdAt })
      .where(eq(serviceRequests.id, row?.id ?? ''));

    const single = await get(`/requests/${reference}.json?jurisdiction_id=${slug}`);
    conforms(standard('requests'), single.body);
    const singleXml = xml((await get(`/requests/${reference}.xml?jurisdiction_id=${slug}`)).text);
    expect(singleXml).toHaveProperty('service_requests.request.service_request_id', reference);
  });

  it('creates requests with an API key (form-encoded, no CSRF), counts them against the key’s limit', async () => {
    const fields = {
      api_key: apiKey,
      jurisdiction_id: slug,
      service_code: 'nid-de-poule',
      lat: String(JOLIETTE.lat),
      long: String(JOLIETTE.lon),
      email: 'appli.user@example.test',
      first_name: 'Léon',
      description: 'Signalé par l’application',
      'attribute[taille]': 'petit',
    };
    const created = await post('json', fields);
    expect(created.statusCode).toBe(201);
    const body = created.json() as Array<{ service_request_id: string; token: string }>;
    conforms(local.posted, body);
    expect(body[0]?.service_request_id).toMatch(/^JOL-\d{4}-\d{6}$/);
    expect((await emailsTo(ctx.db, 'appli.user@example.test'))[0]?.template).toBe('requests.received');

    const token = await get(`/tokens/${body[0]?.token}.json?jurisdiction_id=${slug}`);
    conforms(local.tokens, token.body);
    expect(token.body).toEqual([{ service_request_id: body[0]?.service_request_id, token: body[0]?.token }]);
    xml((await get(`/tokens/${body[0]?.token}.xml?jurisdiction_id=${slug}`)).text);

    const createdXml = await post('xml', fields);
    expect(createdXml.statusCode).toBe(201);
    expect(xml(createdXml.body)).toHaveProperty('service_requests.request.service_request_id');

    const missing = await post('json', { ...fields, 'attribute[taille]': '' });
    expect(missing.statusCode).toBe(400);
    conforms(local.errors, missing.json());
    expect(JSON.stringify(missing.json())).toContain('attributes.taille');

    // The key allows 4 per minute: the fourth passes, the fifth is refused.
    expect((await post('json', fields)).statusCode).toBe(201);
    const limited = await post('json', fields);
    expect(limited.statusCode).toBe(429);
    conforms(local.errors, limited.json());
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers errors in the standard’s shape and status codes, in JSON and XML', async () => {
    const noJurisdiction = await get('/services.json');
    expect(noJurisdiction.status).toBe(400);
    conforms(local.errors, noJurisdiction.body);
    const unknownJurisdiction = await get('/services.json?jurisdiction_id=nowhere');
    expect(unknownJurisdiction.status).toBe(404);
    const unknownService = await get(`/services/inconnu.xml?jurisdiction_id=${slug}`);
    expect(unknownService.status).toBe(404);
    expect(xml(unknownService.text)).toHaveProperty('errors.error.code', 404);
    const unknownRequest = await get(`/requests/JOL-1999-000001.json?jurisdiction_id=${slug}`);
    expect(unknownRequest.status).toBe(404);
    conforms(local.errors, unknownRequest.body);
    const badDate = await get(`/requests.json?jurisdiction_id=${slug}&start_date=yesterday`);
    expect(badDate.status).toBe(400);
    const english = await get(`/requests.json?jurisdiction_id=${slug}&status=pending`, 'en');
    expect((english.body as Array<{ description: string }>)[0]?.description).toMatch(
      /status must be open or closed/,
    );
    expect((await get('/nowhere.json')).status).toBe(404);

    const noKey = await post('json', {
      jurisdiction_id: slug,
      service_code: 'nid-de-poule',
      lat: '46.02',
      long: '-73.44',
    });
    expect(noKey.statusCode).toBe(403);
    conforms(local.errors, noKey.json());
    const otherTown = await post('xml', {
      api_key: apiKey,
      jurisdiction_id: 'ville-inexistante',
      service_code: 'nid-de-poule',
    });
    expect(otherTown.statusCode).toBe(404);
    xml(otherTown.body);
    // One town's key, requests and references mean nothing in another jurisdiction.
    const elsewhere = await post('json', {
      api_key: apiKey,
      jurisdiction_id: other.org.slug,
      service_code: 'nid-de-poule',
      lat: '46.02',
      long: '-73.44',
    });
    expect(elsewhere.statusCode).toBe(403);
    const theirs = await get(
      `/requests.json?jurisdiction_id=${other.org.slug}&start_date=2000-01-01T00:00:00Z`,
    );
    expect(JSON.stringify(theirs.body)).not.toContain(reference);
    expect((await get(`/requests/${reference}.json?jurisdiction_id=${other.org.slug}`)).status).toBe(404);
    await admin.client.delete(`/api/orgs/${town.org.id}/open311/keys/${keyId}`);
    const revoked = await post('json', {
      api_key: apiKey,
      jurisdiction_id: slug,
      service_code: 'nid-de-poule',
      lat: '46.02',
      long: '-73.44',
    });
    expect(revoked.statusCode).toBe(403);
    const badFormat = await get(`/services.yaml?jurisdiction_id=${slug}`);
    expect(badFormat.status).toBe(400);
  });
});
