import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { partnersFor } from './get-organisation.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('organisations', () => {
  it('seeds the demonstration organisations with MAMH codes and the recreation partnership', async () => {
    await seedDemo(ctx.db, { modules: false });
    const res = await ctx
      .client()
      .get<Array<{ slug: string; geoCode: string; kind: string; mrcId: string | null; id: string }>>(
        '/api/orgs',
      );
    expect(res.status).toBe(200);
    const bySlug = new Map(res.body.map((o) => [o.slug, o]));
    expect(bySlug.get('joliette')?.geoCode).toBe('61025');
    expect(bySlug.get('saint-charles-borromee')?.geoCode).toBe('61035');
    expect(bySlug.get('riviere-du-loup')?.geoCode).toBe('12072');
    expect(bySlug.get('victoriaville')?.geoCode).toBe('39062');
    const mrc = bySlug.get('mrc-kamouraska');
    expect(mrc?.kind).toBe('mrc');
    const members = res.body.filter((o) => o.mrcId === mrc?.id).map((o) => o.slug);
    expect(members).toEqual(expect.arrayContaining(['saint-pascal', 'kamouraska', 'la-pocatiere']));
    const joliette = bySlug.get('joliette');
    const scb = bySlug.get('saint-charles-borromee');
    if (!joliette || !scb) throw new Error('missing demo orgs');
    expect(await partnersFor({ db: ctx.db, orgId: joliette.id, scope: 'recreation' })).toEqual(
      expect.arrayContaining([joliette.id, scb.id]),
    );
    expect(await partnersFor({ db: ctx.db, orgId: joliette.id, scope: 'transit' })).toEqual([joliette.id]);
  });

  it('answers 404 in the request language for an unknown organisation', async () => {
    const fr = await ctx
      .client({ locale: 'fr' })
      .get<{ error: { code: string; message: string } }>('/api/orgs/nowhere');
    expect(fr.status).toBe(404);
    expect(fr.body.error).toMatchObject({ code: 'org.not_found', message: 'Organisation introuvable.' });
    const en = await ctx.client({ locale: 'en' }).get<{ error: { message: string } }>('/api/orgs/nowhere');
    expect(en.body.error.message).toBe('Organisation not found.');
  });

  it('lets only installation administrators with TOTP passed create organisations', async () => {
    const input = {
      slug: 'saint-andre',
      kind: 'municipality',
      geoCode: '14040',
      nameFr: 'Saint-André-de-Kamouraska',
      nameEn: 'Saint-André-de-Kamouraska',
      refPrefix: 'SAK',
      branding: { primaryColor: '#112233', accentColor: '#445566' },
    };
    const anonymous = await ctx.client().post('/api/admin/orgs', input);
    expect(anonymous.status).toBe(401);

    const org = await createOrg(ctx.db);
    const staff = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'admin' }], totp: true });
    const staffClient = ctx.client();
    await signInAs(ctx.db, staffClient, staff, { mfa: true });
    expect((await staffClient.post('/api/admin/orgs', input)).status).toBe(403);

    const admin = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const noMfa = ctx.client();
    await signInAs(ctx.db, noMfa, admin, { mfa: false });
    const refused = await noMfa.post<{ error: { code: string } }>('/api/admin/orgs', input);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.totp_required');

    const adminClient = ctx.client();
    await signInAs(ctx.db, adminClient, admin, { mfa: true });
    const created = await adminClient.post<{ slug: string }>('/api/admin/orgs', input);
    expect(created.status).toBe(201);
    expect(created.body.slug).toBe('saint-andre');
    const clash = await adminClient.post<{ error: { code: string } }>('/api/admin/orgs', input);
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('org.slug_taken');
  });

  it('rejects invalid input with per-field bilingual messages', async () => {
    const admin = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const c = ctx.client({ locale: 'en' });
    await signInAs(ctx.db, c, admin, { mfa: true });
    const res = await c.post<{
      error: { code: string; details: { fields: Array<{ field: string; message: string }> } };
    }>('/api/admin/orgs', { slug: 'Bad Slug', kind: 'city' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation.failed');
    const fields = res.body.error.details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['slug', 'nameFr']));
  });
});
