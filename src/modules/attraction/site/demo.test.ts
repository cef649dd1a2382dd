import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { seedRegionSite } from './demo.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const mrc = await createOrg(ctx.db, {
    kind: 'mrc',
    slug: 'mrc-kamouraska',
    geoCode: '140',
    nameFr: 'MRC de Kamouraska',
    nameEn: 'Kamouraska RCM',
  });
  const orgIds = new Map([['mrc-kamouraska', mrc.id]]);
  for (const slug of ['saint-pascal', 'kamouraska', 'la-pocatiere'])
    orgIds.set(slug, (await createOrg(ctx.db, { slug, mrcId: mrc.id })).id);
  const staff = await createAccount(ctx.db, { roles: [{ orgId: mrc.id, role: 'attraction' }] });
  await seedRegionSite(ctx.db, orgIds, new Map([['mrc-staff', staff.id]]));
});
afterAll(async () => ctx?.close());

describe('demonstration regional site (MRC de Kamouraska)', () => {
  it('serves the home page, the Vivre ici section with its menu, and the map list', async () => {
    const c = ctx.client();
    const home = await c.raw({ method: 'GET', url: '/region/mrc-kamouraska/fr' });
    expect(home.status).toBe(200);
    expect(home.text).toContain('Vivre ici');
    expect(home.text).toContain('Salon de l’emploi du Kamouraska');
    const section = await c.raw({ method: 'GET', url: '/region/mrc-kamouraska/en/vivre-ici' });
    expect(section.text).toContain('Housing');
    expect(section.text).toContain('In this section');
    const places = await c.raw({ method: 'GET', url: '/region/mrc-kamouraska/fr/lieux?categorie=daycare' });
    expect(places.text).toContain('CPE Les Pitchounes');
    const outlines = await c.get('/api/orgs/mrc-kamouraska/region/boundaries');
    const features = (outlines.body as { features: Array<{ properties: { approximate: boolean } }> })
      .features;
    expect(features).toHaveLength(3);
    expect(features.every((f) => f.properties.approximate)).toBe(true);
  });
  it('gives the immigration advisor open slots and builds a self-contained job-fair kit', async () => {
    const c = ctx.client();
    const advisor = await c.get('/api/orgs/mrc-kamouraska/region/contacts/conseiller-immigration');
    expect((advisor.body as { slots: unknown[] }).slots.length).toBeGreaterThan(10);
    const kit = await c.raw({ method: 'GET', url: '/region/mrc-kamouraska/fr/trousse-salon' });
    expect(kit.status).toBe(200);
    expect(kit.text).toContain('Moussa Ndiaye');
    expect(kit.text).toContain('<svg role="img" aria-label="Code QR');
    expect(kit.text).not.toMatch(/<script|<link |src="http/);
    expect(kit.text).not.toContain('@mrc-kamouraska.demo.civique.ca');
  });
});
