import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { forbidden } from '../http/errors.ts';
import type { AddressInput } from './address-fields.ts';
import { boxAround, boxContains, type FeatureCollection, haversineMeters, parseBbox } from './geojson.ts';
import { registerMapLayer } from './map-layers.ts';
import { upsertAddresses } from './upsert-addresses.ts';

let ctx: TestContext;
let orgId: string;
let otherId: string;

const at = (civicNumber: number, latitude: number | null, longitude: number | null): AddressInput => ({
  civicNumber,
  civicSuffix: null,
  streetType: 'rue',
  streetName: 'Lafontaine',
  unit: null,
  municipality: 'Rivière-du-Loup',
  postalCode: 'G5R 3A1',
  latitude,
  longitude,
});

// A layer only staff may read, registered as a module would.
registerMapLayer({
  id: 'test.staff-only',
  title: { fr: 'Réservée au personnel', en: 'Staff only' },
  policy: (auth, org) => {
    if (!auth?.memberships.some((m) => m.orgId === org)) throw forbidden();
  },
  query: async () => [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-69.53, 47.83] },
      properties: { label: 'Garage municipal' },
    },
  ],
});

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  otherId = (await createOrg(ctx.db)).id;
  await upsertAddresses({
    db: ctx.db,
    orgId,
    source: 'test',
    rows: [
      at(1, 47.83, -69.53),
      at(2, 47.84, -69.54),
      at(3, 47.9, -69.6),
      at(4, null, null),
      at(5, 47.835, -69.535),
    ],
  });
  await upsertAddresses({ db: ctx.db, orgId: otherId, source: 'test', rows: [at(9, 47.831, -69.531)] });
});
afterAll(async () => ctx?.close());

const layer = (bbox: string, org = orgId, locale: 'fr' | 'en' = 'fr') =>
  ctx
    .client({ locale })
    .get<FeatureCollection & { error?: { code: string; message: string } }>(
      `/api/orgs/${org}/map/layers/addresses?bbox=${bbox}`,
    );

describe('map layers', () => {
  it('lists the layers a reader may see, the address register first', async () => {
    const res = await ctx
      .client()
      .get<{ items: Array<{ id: string; title: { fr: string } }> }>(`/api/orgs/${orgId}/map/layers`);
    expect(res.body.items[0]).toEqual({ id: 'addresses', title: { fr: 'Adresses', en: 'Addresses' } });
    expect(res.body.items.map((l) => l.id)).not.toContain('test.staff-only');
    const staff = ctx.client();
    await signInAs(ctx.db, staff, await createAccount(ctx.db, { roles: [{ orgId, role: 'clerk' }] }));
    const seen = await staff.get<{ items: Array<{ id: string }> }>(`/api/orgs/${orgId}/map/layers`);
    expect(seen.body.items.map((l) => l.id)).toContain('test.staff-only');
    expect(
      (await ctx.client().get(`/api/orgs/${orgId}/map/layers/test.staff-only?bbox=-70,47,-69,48`)).status,
    ).toBe(403);
    expect((await staff.get(`/api/orgs/${orgId}/map/layers/test.staff-only?bbox=-70,47,-69,48`)).status).toBe(
      200,
    );
  });

  it('returns only the features inside the box, as valid GeoJSON in longitude, latitude order', async () => {
    const res = await layer('-69.545,47.825,-69.525,47.845');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.body.type).toBe('FeatureCollection');
    const labels = res.body.features.map((f) => f.properties.label).sort();
    expect(labels).toEqual(['1, rue Lafontaine', '2, rue Lafontaine', '5, rue Lafontaine']);
    for (const f of res.body.features) {
      expect(f.type).toBe('Feature');
      if (f.geometry?.type !== 'Point') throw new Error('not a point');
      const [lon, lat] = f.geometry.coordinates;
      expect(boxContains(parseBbox('-69.545,47.825,-69.525,47.845'), [lon, lat])).toBe(true);
      expect(lon).toBeLessThan(-60);
      expect(lat).toBeGreaterThan(40);
    }
    const one = res.body.features.find((f) => f.properties.label === '1, rue Lafontaine');
    expect(one?.geometry).toEqual({ type: 'Point', coordinates: [-69.53, 47.83] });
    expect(one?.properties).toMatchObject({ postalCode: 'G5R 3A1', municipality: 'Rivière-du-Loup' });
    // The neighbouring town's address at the same place is not in this organisation's layer.
    const empty = await layer('-69.5315,47.8305,-69.5305,47.8315');
    expect(empty.body.features.map((f) => f.properties.label)).toEqual([]);
    const theirs = await layer('-69.5315,47.8305,-69.5305,47.8315', otherId);
    expect(theirs.body.features.map((f) => f.properties.label)).toEqual(['9, rue Lafontaine']);
  });

  it('refuses a malformed box with a message in the request language', async () => {
    for (const bbox of [
      '',
      '1,2,3',
      '-69.6,47.9,-69.5,47.8',
      '-200,47,-69,48',
      'a,b,c,d',
      '-70,47,-69,48,1',
      '-70,,-69,48',
    ]) {
      const fr = await layer(encodeURIComponent(bbox));
      expect(fr.status, bbox).toBe(400);
      expect(fr.body.error?.code).toBe('geo.bbox_invalid');
      expect(fr.body.error?.message).toMatch(/^La zone doit/);
    }
    const en = await layer('1,2,3', orgId, 'en');
    expect(en.body.error?.message).toMatch(/^The area must/);
    const missing = await ctx.client().get(`/api/orgs/${orgId}/map/layers/addresses`);
    expect(missing.status).toBe(400);
    const unknown = await ctx
      .client()
      .get<{ error: { code: string } }>(`/api/orgs/${orgId}/map/layers/nothing?bbox=-70,47,-69,48`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('geo.layer_not_found');
  });

  it('reads boxes that cross the antimeridian, and boxes around a point hold the whole circle', () => {
    const crossing = parseBbox('170,-20,-170,-10');
    expect(boxContains(crossing, [175, -15])).toBe(true);
    expect(boxContains(crossing, [-175, -15])).toBe(true);
    expect(boxContains(crossing, [0, -15])).toBe(false);
    for (const [lat, lon] of [
      [47.83, -69.53],
      [-45, 179.99],
      [89.9, 10],
    ] as const) {
      const box = boxAround(lat, lon, 5000);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        // A point 4.9 km away in every direction lies inside the 5 km box.
        const d = 4900 / 6_371_008.8;
        const b = (bearing * Math.PI) / 180;
        const la1 = (lat * Math.PI) / 180;
        const la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
        const lo2 =
          (lon * Math.PI) / 180 +
          Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
        const p: [number, number] = [(((lo2 * 180) / Math.PI + 540) % 360) - 180, (la2 * 180) / Math.PI];
        expect(haversineMeters(lat, lon, p[1], p[0])).toBeCloseTo(4900, 0);
        expect(boxContains(box, p), `${lat},${lon} bearing ${bearing}`).toBe(true);
      }
    }
  });

  it('describes the addresses and maps routes in the OpenAPI document', async () => {
    const res = await ctx
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/orgs/{orgId}/addresses/search',
        '/api/orgs/{orgId}/addresses/reverse',
        '/api/orgs/{orgId}/addresses/imports',
        '/api/orgs/{orgId}/addresses/imports/{importId}',
        '/api/orgs/{orgId}/map/layers/{layerId}',
        '/api/config/map',
      ]),
    );
    const upload = res.body.paths['/api/orgs/{orgId}/addresses/imports']?.post as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(upload.requestBody.content)).toEqual(
      expect.arrayContaining(['text/csv', 'application/geo+json']),
    );
  });

  it('tells the web app how to draw maps (no tiles by default)', async () => {
    const res = await ctx.client().get('/api/config/map');
    expect(res.body).toEqual({ tileUrl: null, attribution: null });
    const tiled = await createTestContext({
      MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png',
      MAP_ATTRIBUTION: '© OpenStreetMap',
    });
    try {
      const configured = await tiled.client().get('/api/config/map');
      expect(configured.body).toEqual({
        tileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap',
      });
    } finally {
      await tiled.close();
    }
  });
});
