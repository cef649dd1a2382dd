import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('installable driver app manifest', () => {
  it('is public, names the app in the browser’s language and starts on the town’s driver page', async () => {
    const org = await createOrg(ctx.db);
    const url = `/api/orgs/${org.id}/transit/driver/app.webmanifest`;
    const fr = await ctx.client().get<string>(url);
    expect(fr.status).toBe(200);
    expect(fr.headers['content-type']).toContain('application/manifest+json');
    const manifest = JSON.parse(fr.text) as {
      name: string;
      lang: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string }>;
    };
    expect(manifest.name).toBe(`TaxiBus — Chauffeur (${org.nameFr})`);
    expect(manifest.lang).toBe('fr-CA');
    expect(manifest.start_url).toBe(`/staff/${org.slug}/modules/transit_driver`);
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const en = await ctx.client().get<string>(url, { 'accept-language': 'en-CA,en;q=0.9' });
    expect((JSON.parse(en.text) as { name: string }).name).toBe(`TaxiBus — Driver (${org.nameEn})`);
    const missing = await ctx.client().get(`/api/orgs/${crypto.randomUUID()}/transit/driver/app.webmanifest`);
    expect(missing.status).toBe(404);
  });
});
