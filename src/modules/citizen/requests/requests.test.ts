import { eq, inArray } from 'drizzle-orm';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../tests/support/harness.ts';
import { createTestContext } from '../../../../tests/support/harness.ts';
import { follow, jpegWithGps, multipartForm, pngBytes } from '../../../../tests/support/uploads.ts';
import { files } from '../../../platform/files/schema.ts';
import type { CitizenRequestView } from './get-citizen-request.ts';
import type { StaffRequestView } from './get-staff-request.ts';
import { serviceRequests } from './schema.ts';
import {
  clientFor,
  codeSentTo,
  emailsTo,
  JOLIETTE,
  potholeBody,
  registerAddresses,
  townWithCategories,
} from './test-support.ts';

type ErrorBody = {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
};
type Submitted = { id: string; reference: string; confirmed: boolean; guestToken: string | null } & ErrorBody;

let ctx: TestContext;
let town: Awaited<ReturnType<typeof townWithCategories>>;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await townWithCategories(ctx, 'JOL');
  orgId = town.org.id;
  await registerAddresses(ctx.db, orgId);
});
afterAll(async () => ctx?.close());

async function upload(
  client: ReturnType<TestContext['client']>,
  bytes: Buffer,
  name = 'photo.jpg',
  type = 'image/jpeg',
) {
  const form = await multipartForm({}, [{ name, type, content: bytes }]);
  return client.post<{ id: string; token: string | null } & ErrorBody>(
    `/api/orgs/${orgId}/requests/photos`,
    form.payload,
    form.headers,
  );
}

describe('reporting a request', () => {
  it('files a signed-in request with a photo whose GPS position is removed, with a JOL-year reference and an acknowledgement', async () => {
    const citizen = await clientFor(ctx);
    const original = await jpegWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.any(Number) });
    const photo = await upload(citizen.client, original);
    expect(photo.status).toBe(201);
    expect(photo.body.token).toBeNull();

    const body = potholeBody(town.pothole.id, JOLIETTE, { photos: [{ id: photo.body.id }] });
    const key = { 'idempotency-key': 'report-pothole-0001' };
    const res = await citizen.client.post<Submitted>(`/api/orgs/${orgId}/requests`, body, key);
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(new RegExp(`^JOL-${new Date().getFullYear()}-\\d{6}$`));
    expect(res.body.confirmed).toBe(true);
    // A retry with the same key does nothing twice.
    const again = await citizen.client.post<Submitted>(`/api/orgs/${orgId}/requests`, body, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.reference).toBe(res.body.reference);
    expect((await ctx.db.select().from(serviceRequests).where(eq(serviceRequests.orgId, orgId))).length).toBe(
      1,
    );

    const [ack] = await emailsTo(ctx.db, citizen.email);
    expect(ack?.template).toBe('requests.received');
    expect(ack?.textBody).toContain(res.body.reference);

    const view = await citizen.client.get<CitizenRequestView>(`/api/orgs/${orgId}/requests/${res.body.id}`);
    expect(view.status).toBe(200);
    expect(view.body.role).toBe('reporter');
    expect(view.body.address).toContain('Notre-Dame');
    expect(view.body.attributes.map((a) => a.value.fr)).toEqual(['Grand', '12']);
    expect(view.body.history.map((h) => h.kind)).toEqual(['submitted']);
    const [shown] = view.body.photos;
    if (!shown) throw new Error('no photo');
    const bytes = await follow(ctx, shown.url);
    expect(bytes.status).toBe(200);
    expect(await exifr.gps(bytes.bytes).catch(() => undefined)).toBeUndefined();
    // The photo is now the request's: it cannot be attached to another one.
    const reuse = await citizen.client.post<ErrorBody>(`/api/orgs/${orgId}/requests`, body);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('requests.photo_invalid');
  });

  it('refuses an unknown category, a bad location and a missing field with bilingual field messages', async () => {
    const citizen = await clientFor(ctx);
    const unknown = await citizen.client.post<ErrorBody>(
      `/api/orgs/${orgId}/requests`,
      // Another id: its last digit changed (one id in sixteen already ends in 0, so never "to 0").
      potholeBody(town.noise.id.replace(/.$/, (d) => (d === '0' ? '1' : '0'))),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('requests.category_unknown');
    expect(unknown.body.error.details?.fields?.[0]?.field).toBe('categoryId');
    expect(unknown.body.error.message).toMatch(/catégorie/);

    citizen.client.locale = 'en';
    const swapped = await citizen.client.post<ErrorBody>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id, { lat: JOLIETTE.lon, lon: JOLIETTE.lat }),
    );
    expect(swapped.status).toBe(400);
    expect(swapped.body.error.code).toBe('requests.location_invalid');
    expect(swapped.body.error.message).toMatch(/location given is not valid/);

    const faraway = await citizen.client.post<ErrorBody>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id, { lat: 46.8139, lon: -71.208 }),
    );
    expect(faraway.status).toBe(422);
    expect(faraway.body.error.code).toBe('requests.location_outside');
    expect(faraway.body.error.details?.fields?.[0]?.field).toBe('location');

    const missing = await citizen.client.post<ErrorBody>(`/api/orgs/${orgId}/requests`, {
      ...potholeBody(town.pothole.id),
      attributes: { profondeur: 'deep' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details?.fields?.map((f) => [f.field, f.message])).toEqual([
      ['attributes.taille', 'This field is required.'],
      ['attributes.profondeur', 'Enter a number.'],
    ]);
    citizen.client.locale = 'fr';
  });

  it('refuses a photo over the size limit in the person’s language', async () => {
    const citizen = await clientFor(ctx, [], { locale: 'en' });
    const big = Buffer.alloc(ctx.config.uploadMaxBytes + 1024, 1);
    big.write('\xff\xd8\xff', 0, 'latin1');
    const res = await upload(citizen.client, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('files.too_large');
    expect(res.body.error.message).toMatch(/larger than the 10 MB limit/);
  });

  it('takes a guest’s request with just an e-mail, confirmed by the code before staff see it as confirmed', async () => {
    const guest = ctx.client();
    const photo = await upload(guest, await pngBytes(), 'trou.png', 'image/png');
    expect(photo.status).toBe(201);
    expect(photo.body.token).toEqual(expect.any(String));
    const email = 'invitee.guest@example.test';
    const forged = await guest.post<ErrorBody>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id, JOLIETTE, {
        photos: [{ id: photo.body.id, token: 'AAAA.BBBB' }],
        contact: { email },
      }),
    );
    expect(forged.body.error.code).toBe('requests.photo_invalid');
    const noEmail = await guest.post<ErrorBody>(`/api/orgs/${orgId}/requests`, potholeBody(town.pothole.id));
    expect(noEmail.body.error.code).toBe('requests.contact_required');

    const res = await guest.post<Submitted>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id, JOLIETTE, {
        photos: [{ id: photo.body.id, token: photo.body.token }],
        contact: { email, name: 'Gabrielle Invitée' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.confirmed).toBe(false);
    const token = res.body.guestToken ?? '';
    const queue = (confirmation?: string) =>
      town.desk.client.get<{ items: Array<{ reference: string; confirmed: boolean }> }>(
        `/api/orgs/${orgId}/staff/requests${confirmation ? `?confirmation=${confirmation}` : ''}`,
      );
    expect((await queue()).body.items.map((r) => r.reference)).not.toContain(res.body.reference);
    expect((await queue('unconfirmed')).body.items.map((r) => r.reference)).toContain(res.body.reference);

    const wrong = await guest.post<ErrorBody>(`/api/orgs/${orgId}/requests/guest/${token}/confirm`, {
      code: '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('requests.code_invalid');
    const code = await codeSentTo(ctx.db, email);
    expect((await guest.post(`/api/orgs/${orgId}/requests/guest/${token}/confirm`, { code })).status).toBe(
      200,
    );
    expect((await queue()).body.items.map((r) => r.reference)).toContain(res.body.reference);
    const [ack] = await emailsTo(ctx.db, email);
    expect(ack?.template).toBe('requests.received');
    expect(ack?.textBody).toContain(`/requests/suivi/${token}`);

    const page = await ctx.client().get<CitizenRequestView>(`/api/orgs/${orgId}/requests/guest/${token}`);
    expect(page.body.role).toBe('reporter');
    expect(page.body.photos).toHaveLength(1);
    expect(page.body.history.map((h) => h.kind)).toEqual(['submitted', 'confirmed']);
  });
});

describe('following, updates and reopening', () => {
  it('offers nearby open requests of the category, lets a neighbour follow one, and tells them of public updates only', async () => {
    const reporter = await clientFor(ctx);
    const at = { lat: JOLIETTE.lat + 0.0005, lon: JOLIETTE.lon };
    const created = await reporter.client.post<Submitted>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id, at),
    );
    const neighbour = await clientFor(ctx);
    const near = await neighbour.client.get<{ items: Array<{ id: string; distanceMetres: number }> }>(
      `/api/orgs/${orgId}/requests/nearby?categoryId=${town.pothole.id}&lat=${at.lat + 0.0003}&lon=${at.lon}`,
    );
    expect(near.body.items.map((r) => r.id)).toContain(created.body.id);
    const far = await neighbour.client.get<{ items: unknown[] }>(
      `/api/orgs/${orgId}/requests/nearby?categoryId=${town.pothole.id}&lat=${at.lat + 0.02}&lon=${at.lon}`,
    );
    expect(far.body.items).toEqual([]);

    expect(
      (await neighbour.client.post(`/api/orgs/${orgId}/requests/${created.body.id}/follow`, {})).status,
    ).toBe(200);
    const guest = ctx.client();
    const guestFollow = await guest.post<{ guestToken: string; following: boolean }>(
      `/api/orgs/${orgId}/requests/${created.body.id}/follow`,
      { email: 'voisine@example.test' },
    );
    expect(guestFollow.body.following).toBe(false);
    const code = await codeSentTo(ctx.db, 'voisine@example.test');
    await guest.post(`/api/orgs/${orgId}/requests/guest/${guestFollow.body.guestToken}/confirm`, { code });

    const desk = town.desk.client;
    const base = `/api/orgs/${orgId}/staff/requests/${created.body.id}`;
    expect(
      (await desk.post(`${base}/comments`, { visibility: 'internal', body: 'Secret: budget épuisé' })).status,
    ).toBe(201);
    expect(
      (await desk.post(`${base}/comments`, { visibility: 'public', body: 'Équipe en route demain.' })).status,
    ).toBe(201);
    expect(
      (await desk.post(`${base}/status`, { status: 'in_progress', message: 'Travaux commencés' })).status,
    ).toBe(200);

    const seen = await neighbour.client.get<CitizenRequestView>(
      `/api/orgs/${orgId}/requests/${created.body.id}`,
    );
    expect(seen.body.role).toBe('follower');
    expect(seen.body.description).toBeNull();
    expect(seen.body.status.code).toBe('in_progress');
    const bodies = seen.body.history.map((h) => h.body);
    expect(bodies).toContain('Équipe en route demain.');
    expect(bodies).not.toContain('Secret: budget épuisé');
    const inbox = await emailsTo(ctx.db, neighbour.email);
    expect(inbox.map((m) => m.template)).toEqual(['requests.status_changed', 'requests.public_update']);
    expect(inbox[0]?.textBody).toContain('Travaux commencés');
    const guestInbox = await emailsTo(ctx.db, 'voisine@example.test');
    expect(guestInbox[0]?.template).toBe('requests.status_changed');
    expect(guestInbox[0]?.textBody).toContain(`/requests/suivi/${guestFollow.body.guestToken}`);

    const staffView = await desk.get<StaffRequestView>(base);
    expect(staffView.body.history.map((h) => h.body)).toContain('Secret: budget épuisé');
    expect(staffView.body.followers).toBe(3);
  });

  it('lets the reporter add information and reopen within the delay, and refuses once it has passed', async () => {
    const reporter = await clientFor(ctx);
    const created = await reporter.client.post<Submitted>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id),
    );
    const mine = `/api/orgs/${orgId}/requests/${created.body.id}`;
    const added = await reporter.client.post(`${mine}/information`, { body: 'Le trou s’est agrandi.' });
    expect(added.status).toBe(201);
    const notYet = await reporter.client.post<ErrorBody>(`${mine}/reopen`, {});
    expect(notYet.body.error.code).toBe('requests.reopen_not_closed');

    const staffBase = `/api/orgs/${orgId}/staff/requests/${created.body.id}`;
    await town.desk.client.post(`${staffBase}/status`, { status: 'resolved', message: 'Réparé.' });
    const resolved = await reporter.client.get<CitizenRequestView>(mine);
    expect(resolved.body.canReopen).toBe(true);
    expect((await reporter.client.post(`${mine}/reopen`, { reason: 'Le trou est revenu.' })).status).toBe(
      200,
    );
    const reopened = await town.desk.client.get<StaffRequestView>(staffBase);
    expect(reopened.body.status.code).toBe('submitted');
    expect(reopened.body.reopenCount).toBe(1);
    expect(reopened.body.history.map((h) => h.kind)).toContain('information');

    await town.desk.client.post(`${staffBase}/status`, { status: 'closed' });
    await town.desk.client.put(`/api/orgs/${orgId}/staff/request-settings`, {
      reopenDays: 0,
      gridMetres: 250,
      nearbyMetres: 200,
    });
    const late = await reporter.client.post<ErrorBody>(`${mine}/reopen`, {});
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('requests.reopen_expired');
    await town.desk.client.put(`/api/orgs/${orgId}/staff/request-settings`, {
      reopenDays: 30,
      gridMetres: 250,
      nearbyMetres: 200,
    });
  });
});

describe('staff work', () => {
  it('merges a duplicate so its followers follow the survivor, and applies bulk actions', async () => {
    const a = await clientFor(ctx);
    const b = await clientFor(ctx);
    const first = await a.client.post<Submitted>(`/api/orgs/${orgId}/requests`, potholeBody(town.pothole.id));
    const second = await b.client.post<Submitted>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id),
    );
    const desk = town.desk.client;
    const merged = await desk.post(`/api/orgs/${orgId}/staff/requests/${second.body.id}/merge`, {
      intoId: first.body.id,
    });
    expect(merged.status).toBe(200);
    const followed = await b.client.get<CitizenRequestView>(`/api/orgs/${orgId}/requests/${first.body.id}`);
    expect(followed.status).toBe(200);
    expect(followed.body.role).toBe('follower');
    const [notice] = await emailsTo(ctx.db, b.email);
    expect(notice?.template).toBe('requests.merged');
    const dup = await b.client.get<CitizenRequestView>(`/api/orgs/${orgId}/requests/${second.body.id}`);
    expect(dup.body.mergedInto?.reference).toBe(first.body.reference);
    const again = await desk.post<ErrorBody>(`/api/orgs/${orgId}/staff/requests/${first.body.id}/merge`, {
      intoId: second.body.id,
    });
    expect(again.body.error.code).toBe('requests.merge_target_merged');

    const third = await a.client.post<Submitted>(`/api/orgs/${orgId}/requests`, potholeBody(town.pothole.id));
    const bulk = await desk.post<{ updated: number; skipped: Array<{ id: string }> }>(
      `/api/orgs/${orgId}/staff/requests/bulk`,
      {
        ids: [first.body.id, second.body.id, third.body.id],
        action: { type: 'status', status: 'acknowledged', message: 'Pris en charge.' },
      },
    );
    expect(bulk.body.updated).toBe(2);
    expect(bulk.body.skipped.map((s) => s.id)).toEqual([second.body.id]);
    const assign = await desk.post(`/api/orgs/${orgId}/staff/requests/bulk`, {
      ids: [first.body.id, third.body.id],
      action: { type: 'assign', assigneeAccountId: town.desk.id },
    });
    expect(assign.status).toBe(200);
    const mineOnly = await desk.get<{ items: Array<{ id: string; assignee: { id: string } | null }> }>(
      `/api/orgs/${orgId}/staff/requests?assignee=me`,
    );
    expect(mineOnly.body.items.map((r) => r.id).sort()).toEqual([first.body.id, third.body.id].sort());
  });

  it('exports the queue as CSV and XLSX, draws it on a map, and counts volume, backlog and resolution', async () => {
    const desk = town.desk.client;
    const csv = await desk.get(`/api/orgs/${orgId}/staff/requests/export?format=csv&status=all`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.text).toContain('Numéro');
    expect(csv.text).toMatch(/JOL-\d{4}-\d{6}/);
    const xlsx = await desk.get(`/api/orgs/${orgId}/staff/requests/export?format=xlsx`);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const map = await desk.get<{ type: string; features: unknown[] }>(
      `/api/orgs/${orgId}/staff/requests/map?status=all`,
    );
    expect(map.body.type).toBe('FeatureCollection');
    expect(map.body.features.length).toBeGreaterThan(3);
    const stats = await desk.get<{
      volume: Array<{ total: number }>;
      backlog: Array<{ open: number }>;
      resolution: Array<{ resolved: number }>;
    }>(`/api/orgs/${orgId}/staff/requests/stats`);
    expect(stats.status).toBe(200);
    const total = stats.body.volume.reduce((n, w) => n + w.total, 0);
    const confirmed = await ctx.db.select().from(serviceRequests).where(eq(serviceRequests.orgId, orgId));
    expect(total).toBe(confirmed.filter((r) => r.confirmedAt).length);
    expect(stats.body.backlog.at(-1)?.open).toBeGreaterThan(0);
    expect(stats.body.resolution.reduce((n, r) => n + r.resolved, 0)).toBeGreaterThanOrEqual(0);
  });

  it('alerts the assignee once when a target is missed', async () => {
    const citizen = await clientFor(ctx);
    const created = await citizen.client.post<Submitted>(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id),
    );
    await town.desk.client.post(`/api/orgs/${orgId}/staff/requests/${created.body.id}/assign`, {
      assigneeAccountId: town.desk.id,
    });
    await ctx.db
      .update(serviceRequests)
      .set({ ackDueAt: new Date(Date.now() - 3600_000) })
      .where(eq(serviceRequests.id, created.body.id));
    const { alertOverdueRequests } = await import('./alert-overdue-requests.ts');
    const first = await alertOverdueRequests({ db: ctx.db, jobs: ctx.jobs });
    expect(first.ack).toBeGreaterThanOrEqual(1);
    const second = await alertOverdueRequests({ db: ctx.db, jobs: ctx.jobs });
    expect(second.ack).toBe(0);
    const late = await town.desk.client.get<{ items: Array<{ id: string; overdue: string | null }> }>(
      `/api/orgs/${orgId}/staff/requests?overdue=true`,
    );
    expect(late.body.items.find((r) => r.id === created.body.id)?.overdue).toBe('ack');
    const alerts = await emailsTo(ctx.db, town.desk.email);
    expect(
      alerts.some((m) => m.template === 'requests.overdue' && m.textBody.includes(created.body.reference)),
    ).toBe(true);
  });

  it('purges photos never attached to a request, and keeps attached ones', async () => {
    const citizen = await clientFor(ctx);
    const kept = await upload(citizen.client, await pngBytes(), 'kept.png', 'image/png');
    await citizen.client.post(
      `/api/orgs/${orgId}/requests`,
      potholeBody(town.pothole.id, JOLIETTE, { photos: [{ id: kept.body.id }] }),
    );
    const abandoned = await upload(citizen.client, await pngBytes(), 'abandoned.png', 'image/png');
    const aged = new Date(Date.now() - 2 * 86_400_000);
    await ctx.db
      .update(files)
      .set({ createdAt: aged })
      .where(inArray(files.id, [kept.body.id, abandoned.body.id]));
    const { purgeUnusedPhotos } = await import('./purge-unused-photos.ts');
    expect(await purgeUnusedPhotos({ db: ctx.db, config: ctx.config })).toBe(1);
    const left = await ctx.db
      .select({ id: files.id })
      .from(files)
      .where(inArray(files.id, [kept.body.id, abandoned.body.id]));
    expect(left.map((f) => f.id)).toEqual([kept.body.id]);
  });
});
