import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';

let ctx: TestContext;
let orgId: string;
let planner: TestClient;
let stranger: TestClient;

const square = (west: number, south: number, zone: string | null) => ({
  type: 'Feature',
  properties: zone ? { ZONE: zone, AFFECTATION: 'Résidentielle' } : {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + 0.01, south],
        [west + 0.01, south + 0.01],
        [west, south + 0.01],
        [west, south],
      ],
    ],
  },
});

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  planner = ctx.client();
  await signInAs(
    ctx.db,
    planner,
    await createAccount(ctx.db, { roles: [{ orgId, role: 'urban_planning' }] }),
  );
  const other = await createOrg(ctx.db);
  stranger = ctx.client();
  await signInAs(
    ctx.db,
    stranger,
    await createAccount(ctx.db, { roles: [{ orgId: other.id, role: 'urban_planning' }] }),
  );
});
afterAll(async () => ctx?.close());

describe('citizen map', () => {
  it('imports a zoning plan from GeoJSON whole or not at all', async () => {
    const url = `/api/orgs/${orgId}/portal/map/zoning`;
    const plan = {
      type: 'FeatureCollection',
      features: [square(-69.54, 47.82, 'H-101'), square(-69.53, 47.82, 'C-102')],
    };
    expect((await stranger.put(url, plan)).status).toBe(403);
    const bad = await planner.put<{ error: { details: { rejected: unknown[] } } }>(url, {
      type: 'FeatureCollection',
      features: [
        square(-69.54, 47.82, 'H-101'),
        square(-69.53, 47.82, null),
        { type: 'Feature', properties: { zone: 'X' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.rejected).toEqual([
      { feature: 1, reason: 'code' },
      { feature: 2, reason: 'geometry' },
    ]);
    const layerUrl = `/api/orgs/${orgId}/map/layers/portal.zoning?bbox=-69.6,47.8,-69.5,47.9`;
    expect((await ctx.client().get<{ features: unknown[] }>(layerUrl)).body.features).toEqual([]);
    expect((await planner.put<{ imported: number }>(url, plan)).body).toEqual({ imported: 2 });
    const zones = await ctx.client().get<{ features: Array<{ properties: { label: string } }> }>(layerUrl);
    expect(zones.body.features.map((f) => f.properties.label)).toEqual([
      'C-102 — Résidentielle',
      'H-101 — Résidentielle',
    ]);
    const outside = await ctx
      .client()
      .get<{ features: unknown[] }>(`/api/orgs/${orgId}/map/layers/portal.zoning?bbox=-70,46,-69.9,46.1`);
    expect(outside.body.features).toEqual([]);
  });

  it('lets staff place facilities, lists every layer and opens on the town', async () => {
    const place = {
      category: 'library',
      nameFr: 'Bibliothèque',
      nameEn: 'Library',
      latitude: 47.836,
      longitude: -69.536,
    };
    expect((await stranger.post(`/api/orgs/${orgId}/portal/map/places`, place)).status).toBe(403);
    const created = await planner.post<{ id: string }>(`/api/orgs/${orgId}/portal/map/places`, place);
    expect(created.status).toBe(201);
    const layers = await ctx.client().get<{ items: Array<{ id: string }> }>(`/api/orgs/${orgId}/map/layers`);
    expect(layers.body.items.map((l) => l.id)).toEqual(
      expect.arrayContaining(['portal.places', 'portal.zoning', 'portal.permits', 'portal.roll']),
    );
    const places = await ctx
      .client()
      .get<{ features: Array<{ properties: { label: string; categoryNameEn: string } }> }>(
        `/api/orgs/${orgId}/map/layers/portal.places?bbox=-69.6,47.8,-69.5,47.9`,
      );
    expect(places.body.features[0]?.properties).toMatchObject({
      label: 'Bibliothèque',
      categoryNameEn: 'Library',
    });
    const extent = await ctx.client().get<{ bbox: number[] }>(`/api/orgs/${orgId}/portal/map/extent`);
    expect(extent.body.bbox).toEqual([-69.54, 47.82, -69.52, 47.836]);
    expect((await planner.delete(`/api/orgs/${orgId}/portal/map/places/${created.body.id}`)).status).toBe(
      200,
    );
  });
});
