import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../tests/support/harness.ts';
import { createTestContext } from '../../../../tests/support/harness.ts';
import { fileLink, multipartForm, pngBytes } from '../../../../tests/support/uploads.ts';
import { serviceRequests } from './schema.ts';
import { clientFor, codeSentTo, JOLIETTE, potholeBody, townWithCategories } from './test-support.ts';

type ErrorBody = { error: { code: string; message: string } };
type Submitted = { id: string; reference: string; guestToken: string | null };

let ctx: TestContext;
let a: Awaited<ReturnType<typeof townWithCategories>>;
let b: Awaited<ReturnType<typeof townWithCategories>>;
let reporter: Awaited<ReturnType<typeof clientFor>>;
let request: Submitted;
let photoId: string;
let guestToken: string;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await townWithCategories(ctx, 'AAA');
  b = await townWithCategories(ctx, 'BBB');
  reporter = await clientFor(ctx);
  const form = await multipartForm({}, [{ name: 'a.png', type: 'image/png', content: await pngBytes() }]);
  const photo = await reporter.client.post<{ id: string }>(
    `/api/orgs/${a.org.id}/requests/photos`,
    form.payload,
    form.headers,
  );
  photoId = photo.body.id;
  request = (
    await reporter.client.post<Submitted>(
      `/api/orgs/${a.org.id}/requests`,
      potholeBody(a.pothole.id, JOLIETTE, { photos: [{ id: photoId }] }),
    )
  ).body;
  const guest = await ctx
    .client()
    .post<Submitted>(
      `/api/orgs/${a.org.id}/requests`,
      potholeBody(a.pothole.id, JOLIETTE, { contact: { email: 'isolated.guest@example.test' } }),
    );
  guestToken = guest.body.guestToken ?? '';
});
afterAll(async () => ctx?.close());

describe('tenant isolation', () => {
  it('keeps every staff route of one town closed to another town’s staff', async () => {
    const other = b.desk.client;
    const A = `/api/orgs/${a.org.id}`;
    const B = `/api/orgs/${b.org.id}`;
    for (const path of [
      `${A}/staff/requests`,
      `${A}/staff/requests/map`,
      `${A}/staff/requests/export`,
      `${A}/staff/requests/stats`,
      `${A}/staff/requests/assignees`,
      `${A}/staff/requests/${request.id}`,
      `${A}/staff/request-categories`,
      `${A}/staff/request-departments`,
      `${A}/staff/request-statuses`,
      `${A}/staff/request-templates`,
    ])
      expect((await other.get(path)).status, path).toBe(403);
    for (const [path, body] of [
      [`${A}/staff/requests/${request.id}/status`, { status: 'closed' }],
      [`${A}/staff/requests/${request.id}/assign`, { assigneeAccountId: null }],
      [`${A}/staff/requests/${request.id}/comments`, { visibility: 'public', body: 'x' }],
      [`${A}/staff/requests/${request.id}/merge`, { intoId: request.id }],
      [`${A}/staff/requests/bulk`, { ids: [request.id], action: { type: 'status', status: 'closed' } }],
      [`${A}/staff/request-categories`, { code: 'intrus', nameFr: 'Intrus', nameEn: 'Intruder' }],
    ] as const)
      expect((await other.post(path, body)).status, path).toBe(403);
    expect(
      (await other.put(`${A}/staff/request-settings`, { reopenDays: 1, gridMetres: 100, nearbyMetres: 100 }))
        .status,
    ).toBe(403);

    // Through its own organisation's paths, another town's request does not exist.
    expect((await other.get(`${B}/staff/requests/${request.id}`)).status).toBe(404);
    expect((await other.post(`${B}/staff/requests/${request.id}/status`, { status: 'closed' })).status).toBe(
      404,
    );
    const bulk = await other.post<ErrorBody>(`${B}/staff/requests/bulk`, {
      ids: [request.id],
      action: { type: 'status', status: 'closed' },
    });
    expect(bulk.status).toBe(404);
    const own = (await b.desk.client.post<Submitted>(`${B}/requests`, potholeBody(b.pothole.id))).body;
    expect((await other.post(`${B}/staff/requests/${own.id}/merge`, { intoId: request.id })).status).toBe(
      404,
    );
    const listed = await other.get<{ items: Array<{ id: string }> }>(
      `${B}/staff/requests?status=all&confirmation=all`,
    );
    expect(listed.body.items.map((r) => r.id)).not.toContain(request.id);
    const [row] = await ctx.db.select().from(serviceRequests).where(eq(serviceRequests.id, request.id));
    expect(row?.status).toBe('submitted');
    // Another town's staff cannot open the photo either.
    expect((await fileLink(other, a.org.id, photoId)).status).toBe(403);
  });

  it('keeps the queues to request staff and the set-up to the requests desk', async () => {
    const A = `/api/orgs/${a.org.id}`;
    const recreation = await clientFor(ctx, [{ orgId: a.org.id, role: 'recreation' }]);
    expect((await recreation.client.get(`${A}/staff/requests`)).status).toBe(403);
    const works = await clientFor(ctx, [{ orgId: a.org.id, role: 'public_works' }]);
    expect((await works.client.get(`${A}/staff/requests`)).status).toBe(200);
    expect(
      (await works.client.post(`${A}/staff/request-departments`, { code: 'x-y', nameFr: 'Xy', nameEn: 'Xy' }))
        .status,
    ).toBe(403);
    expect((await ctx.client().get(`${A}/staff/requests`)).status).toBe(401);
    expect((await works.client.get<{ url: string }>(`/api/files/${a.org.id}/${photoId}/link`)).status).toBe(
      200,
    );
    expect((await recreation.client.get(`/api/files/${a.org.id}/${photoId}/link`)).status).toBe(403);
  });
});

describe('citizen isolation', () => {
  it('shows a request only to its reporter and followers, through its own town', async () => {
    const A = `/api/orgs/${a.org.id}`;
    const stranger = await clientFor(ctx);
    for (const path of [`${A}/requests/${request.id}`, `/api/orgs/${b.org.id}/requests/${request.id}`])
      expect((await stranger.client.get(path)).status, path).toBe(404);
    expect(
      (await stranger.client.post(`${A}/requests/${request.id}/information`, { body: 'x' })).status,
    ).toBe(404);
    expect((await stranger.client.post(`${A}/requests/${request.id}/reopen`, {})).status).toBe(404);
    expect((await stranger.client.delete(`${A}/requests/${request.id}/follow`)).status).toBe(404);
    expect((await ctx.client().get(`${A}/requests/${request.id}`)).status).toBe(401);
    expect((await reporter.client.get(`/api/orgs/${b.org.id}/requests/${request.id}`)).status).toBe(404);
    const mine = await stranger.client.get<{ total: number }>(`${A}/requests/mine`);
    expect(mine.body.total).toBe(0);
    // Someone else's photo cannot be attached, nor opened.
    const stolen = await stranger.client.post<ErrorBody>(
      `${A}/requests`,
      potholeBody(a.pothole.id, JOLIETTE, { photos: [{ id: photoId }] }),
    );
    expect(stolen.body.error.code).toBe('requests.photo_invalid');
    expect((await fileLink(stranger.client, a.org.id, photoId)).status).toBe(403);
  });

  it('ties a guest’s link to its town and its follower, and refuses forged links', async () => {
    const guest = ctx.client();
    expect((await guest.get(`/api/orgs/${a.org.id}/requests/guest/${guestToken}`)).status).toBe(200);
    expect((await guest.get(`/api/orgs/${b.org.id}/requests/guest/${guestToken}`)).status).toBe(404);
    const forged = `${guestToken.slice(0, -2)}AA`;
    expect((await guest.get(`/api/orgs/${a.org.id}/requests/guest/${forged}`)).status).toBe(404);
    const code = await codeSentTo(ctx.db, 'isolated.guest@example.test');
    expect(
      (await guest.post(`/api/orgs/${b.org.id}/requests/guest/${guestToken}/confirm`, { code })).status,
    ).toBe(404);
    // Five wrong tries use the code up.
    for (let i = 0; i < 5; i++)
      await guest.post(`/api/orgs/${a.org.id}/requests/guest/${guestToken}/confirm`, {
        code: code === '111111' ? '222222' : '111111',
      });
    const spent = await guest.post<ErrorBody>(`/api/orgs/${a.org.id}/requests/guest/${guestToken}/confirm`, {
      code,
    });
    expect(spent.body.error.code).toBe('requests.code_invalid');
    expect((await guest.post(`/api/orgs/${a.org.id}/requests/guest/${guestToken}/resend`)).status).toBe(200);
    const fresh = await codeSentTo(ctx.db, 'isolated.guest@example.test');
    expect(
      (await guest.post(`/api/orgs/${a.org.id}/requests/guest/${guestToken}/confirm`, { code: fresh }))
        .status,
    ).toBe(200);
  });
});

describe('public map', () => {
  it('shows no personal data, and sensitive requests only at their grid cell', async () => {
    const citizen = await clientFor(ctx);
    const point = { lat: 46.02531, lon: -73.44217 };
    const noisy = (
      await citizen.client.post<Submitted>(`/api/orgs/${a.org.id}/requests`, {
        categoryId: a.noise.id,
        description: 'Musique forte chez mon voisin Jean Tremblay',
        location: point,
      })
    ).body;
    const box = (d: number) => `${point.lon - d},${point.lat - d},${point.lon + d},${point.lat + d}`;
    type Collection = {
      features: Array<{
        id: string;
        geometry: { coordinates: [number, number] };
        properties: Record<string, unknown>;
      }>;
    };
    const wide = await ctx.client().get<Collection>(`/api/orgs/${a.org.id}/requests/map?bbox=${box(0.05)}`);
    const feature = wide.body.features.find((f) => f.id === noisy.id);
    if (!feature) throw new Error('sensitive request missing from the public map');
    const [lon, lat] = feature.geometry.coordinates;
    expect(lon === point.lon && lat === point.lat).toBe(false);
    expect(Math.abs(lat - point.lat)).toBeLessThan(0.003);
    expect(feature.properties.approximate).toBe(true);
    expect(feature.properties.address).toBeNull();
    expect(JSON.stringify(wide.body)).not.toMatch(/Tremblay|@|description/);
    // A tiny box around the true point does not reveal it.
    const tiny = await ctx
      .client()
      .get<Collection>(`/api/orgs/${a.org.id}/requests/map?bbox=${box(0.00005)}`);
    expect(tiny.body.features.map((f) => f.id)).not.toContain(noisy.id);
    // The platform's map layer serves the same features; another town's map shows none of them.
    const layer = await ctx
      .client()
      .get<Collection>(`/api/orgs/${a.org.id}/map/layers/requests?bbox=${box(0.05)}`);
    expect(layer.body.features.map((f) => f.id)).toContain(noisy.id);
    const elsewhere = await ctx
      .client()
      .get<Collection>(`/api/orgs/${b.org.id}/requests/map?bbox=${box(0.05)}`);
    expect(elsewhere.body.features.map((f) => f.id)).not.toContain(noisy.id);
    // Turning sensitivity off shows the point itself.
    await a.desk.client.put(`/api/orgs/${a.org.id}/staff/request-categories/${a.noise.id}`, {
      code: 'bruit',
      nameFr: 'Bruit',
      nameEn: 'Noise',
      sensitive: false,
    });
    const exact = await ctx
      .client()
      .get<Collection>(`/api/orgs/${a.org.id}/requests/map?bbox=${box(0.00005)}`);
    expect(exact.body.features.map((f) => f.id)).toContain(noisy.id);
  });
});

describe('set-up', () => {
  it('checks categories’ fields and codes, and custom statuses', async () => {
    const A = `/api/orgs/${a.org.id}/staff`;
    const desk = a.desk.client;
    const list = await desk.post<ErrorBody>(`${A}/request-categories`, {
      code: 'collecte',
      nameFr: 'Collecte',
      nameEn: 'Collection',
      fields: [
        { code: 'type', datatype: 'singlevaluelist', required: true, labelFr: 'Type', labelEn: 'Kind' },
      ],
    });
    expect(list.status).toBe(400);
    expect(list.body.error.code).toBe('requests.field_values_missing');
    const taken = await desk.post<ErrorBody>(`${A}/request-categories`, {
      code: 'nid-de-poule',
      nameFr: 'Nid',
      nameEn: 'Hole',
    });
    expect(taken.status).toBe(409);
    const status = await desk.post<{ code: string; phase: string }>(`${A}/request-statuses`, {
      code: 'attente-entrepreneur',
      labelFr: 'En attente de l’entrepreneur',
      labelEn: 'Waiting for the contractor',
      phase: 'in_progress',
    });
    expect(status.status).toBe(201);
    const builtIn = await desk.post<ErrorBody>(`${A}/request-statuses`, {
      code: 'closed',
      labelFr: 'Ff',
      labelEn: 'Ff',
      phase: 'closed',
    });
    expect(builtIn.status).toBe(409);
    expect(
      (await desk.post(`${A}/requests/${request.id}/status`, { status: 'attente-entrepreneur' })).status,
    ).toBe(200);
    const seen = await reporter.client.get<{ status: { label: { fr: string } } }>(
      `/api/orgs/${a.org.id}/requests/${request.id}`,
    );
    expect(seen.body.status.label.fr).toBe('En attente de l’entrepreneur');
  });

  it('lets only the organisation’s administrators create and revoke Open311 keys, shown once', async () => {
    const A = `/api/orgs/${a.org.id}/open311/keys`;
    expect((await a.desk.client.post(A, { name: 'Appli 311' })).status).toBe(403);
    const admin = await clientFor(ctx, [{ orgId: a.org.id, role: 'admin' }]);
    const created = await admin.client.post<{ id: string; key: string; prefix: string }>(A, {
      name: 'Appli 311',
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^o311_[0-9a-f]{16}_/);
    const listed = await admin.client.get<{ items: Array<Record<string, unknown>> }>(A);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    const otherAdmin = await clientFor(ctx, [{ orgId: b.org.id, role: 'admin' }]);
    expect((await otherAdmin.client.delete(`${A}/${created.body.id}`)).status).toBe(403);
    expect(
      (await otherAdmin.client.delete(`/api/orgs/${b.org.id}/open311/keys/${created.body.id}`)).status,
    ).toBe(404);
    expect((await admin.client.delete(`${A}/${created.body.id}`)).status).toBe(200);
    const after = await admin.client.get<{ items: Array<{ revokedAt: string | null }> }>(A);
    expect(after.body.items[0]?.revokedAt).not.toBeNull();
  });
});
