import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { pngBytes, uploadFile } from '../../../../tests/support/uploads.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { purgeContactData } from '../contacts/purge.ts';
import { companies } from '../employers/schema.ts';
import { imageProblems, renderMarkdown } from './markdown.ts';

let ctx: TestContext;
let mrc: { id: string; slug: string };
let other: { id: string; slug: string };
let town: string;
let staff: TestClient;
let otherStaff: TestClient;
let resident: TestClient;
let visitor: TestClient;

const api = (p: string) => `/api/orgs/${mrc.id}/region${p}`;
const page = (over: Record<string, unknown> = {}) => ({
  slug: 'logement',
  kind: 'page',
  section: null,
  inMenu: true,
  menuOrder: 1,
  titleFr: 'Se loger au Kamouraska',
  titleEn: 'Housing in Kamouraska',
  summaryFr: 'Trouver un logement.',
  summaryEn: 'Finding a home.',
  bodyFr: 'Premier **paragraphe** sur le logement.',
  bodyEn: 'First **paragraph** about housing.',
  imageFileId: null,
  imageAltFr: null,
  imageAltEn: null,
  eventStartsAt: null,
  eventEndsAt: null,
  eventLocation: null,
  eventAddress: null,
  ...over,
});

/** The JSON-LD blocks of an HTML page, parsed. */
function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? 'null'),
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  const m = await createOrg(ctx.db, { kind: 'mrc', geoCode: String(100 + Math.floor(Math.random() * 800)) });
  const o = await createOrg(ctx.db, { kind: 'mrc', geoCode: String(100 + Math.floor(Math.random() * 800)) });
  mrc = { id: m.id, slug: m.slug };
  other = { id: o.id, slug: o.slug };
  town = (await createOrg(ctx.db, { mrcId: mrc.id })).id;
  const mk = async (roles: Array<{ orgId: string; role: 'attraction' }> = []) => {
    const c = ctx.client();
    await signInAs(ctx.db, c, await createAccount(ctx.db, { roles }));
    return c;
  };
  staff = await mk([{ orgId: mrc.id, role: 'attraction' }]);
  otherStaff = await mk([{ orgId: other.id, role: 'attraction' }]);
  resident = await mk();
  visitor = ctx.client();
});
afterAll(async () => ctx?.close());

describe('safe rich text', () => {
  it('strips scripts, event handlers and dangerous links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[clic](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n<a href="#" onclick="x()">a</a> ![chat](https://evil.example/x.png)',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<a[^>]*onclick/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).not.toMatch(/<img[^>]*evil\.example/);
    expect(html).toContain('&lt;script&gt;');
  });
  it('requires alt text and platform files for images', () => {
    expect(imageProblems('![](image:0190a0a0-0000-7000-8000-000000000000)')).toEqual([
      { src: 'image:0190a0a0-0000-7000-8000-000000000000', problem: 'alt_missing' },
    ]);
    expect(imageProblems('![chat](https://evil.example/x.png)')[0]?.problem).toBe('not_platform_file');
  });
});

describe('pages: draft, preview, publish, revisions, restore', () => {
  let pageId: string;
  it('a draft is never public', async () => {
    const res = await staff.post(api('/pages'), page());
    expect(res.status).toBe(201);
    pageId = (res.body as { id: string }).id;
    expect((res.body as { publishedRevision: null }).publishedRevision).toBeNull();
    const pub = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/logement` });
    expect(pub.status).toBe(404);
    const map = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/sitemap.xml` });
    expect(map.text).not.toContain('/logement');
  });
  it('refuses images without alternative text', async () => {
    const bad = await staff.put(
      api(`/pages/${pageId}`),
      page({ bodyFr: '![](image:0190a0a0-0000-7000-8000-000000000000)' }),
    );
    expect(bad.status).toBe(422);
    expect((bad.body as { error: { code: string } }).error.code).toBe('region.image_alt_required');
  });
  it('publishes, and the page is server-rendered HTML with meta tags and JSON-LD', async () => {
    const res = await staff.post(api(`/pages/${pageId}/publish`), {});
    expect(res.status).toBe(200);
    const pub = await visitor.raw({
      method: 'GET',
      url: `/region/${mrc.slug}/fr/logement`,
      headers: { 'user-agent': 'Mozilla/5.0' },
    });
    expect(pub.status).toBe(200);
    expect(pub.headers['content-type']).toContain('text/html');
    expect(pub.text).toContain('<title>Se loger au Kamouraska');
    expect(pub.text).toContain('<strong>paragraphe</strong>');
    expect(pub.text).toMatch(/<meta name="description" content="Trouver un logement\.">/);
    expect(pub.text).toMatch(/<meta property="og:title" content="Se loger au Kamouraska">/);
    expect(pub.text).toContain(
      `<link rel="canonical" href="${ctx.config.publicUrl}/region/${mrc.slug}/fr/logement">`,
    );
    expect(pub.text).toContain(
      `hreflang="en-CA" href="${ctx.config.publicUrl}/region/${mrc.slug}/en/logement"`,
    );
    expect(pub.text).toMatch(/<nav aria-label="Menu principal">[\s\S]*Se loger au Kamouraska/);
    expect(String(pub.headers['content-security-policy'])).toContain("script-src 'self'");
    const en = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/en/logement` });
    expect(en.text).toContain('<html lang="en-CA">');
    expect(en.text).toContain('First <strong>paragraph</strong>');
    const home = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr` });
    const [org] = jsonLd(home.text);
    expect(org).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentOrganization',
      url: `${ctx.config.publicUrl}/region/${mrc.slug}/fr`,
    });
  });
  it('a new revision stays a draft until published; preview shows it to staff only; restore copies an old one', async () => {
    const v2 = await staff.put(
      api(`/pages/${pageId}`),
      page({
        titleFr: 'Logement (mis à jour)',
        bodyFr: 'Nouveau texte <script>alert(1)</script>',
        baseRevision: 1,
      }),
    );
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ latestRevision: 2, publishedRevision: 1, hasUnpublishedChanges: true });
    const stale = await staff.put(api(`/pages/${pageId}`), page({ baseRevision: 1 }));
    expect(stale.status).toBe(409);
    const pub = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/logement` });
    expect(pub.text).toContain('Se loger au Kamouraska');
    expect(pub.text).not.toContain('Nouveau texte');
    const preview = await staff.raw({ method: 'GET', url: api(`/pages/${pageId}/preview`) });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Nouveau texte &lt;script&gt;');
    expect(preview.text).toContain('noindex');
    expect((await visitor.raw({ method: 'GET', url: api(`/pages/${pageId}/preview`) })).status).toBe(401);
    expect((await staff.post(api(`/pages/${pageId}/publish`), {})).status).toBe(200);
    expect((await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/logement` })).text).toContain(
      'Logement (mis à jour)',
    );
    const restored = await staff.post(api(`/pages/${pageId}/restore`), { revision: 1 });
    expect(restored.body).toMatchObject({
      latestRevision: 3,
      publishedRevision: 2,
      draft: { titleFr: 'Se loger au Kamouraska' },
    });
    const detail = await staff.get(api(`/pages/${pageId}`));
    expect(
      (detail.body as { revisions: Array<{ number: number; restoredFrom: number | null }> }).revisions.map(
        (r) => [r.number, r.restoredFrom],
      ),
    ).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    await staff.post(api(`/pages/${pageId}/publish`), {});
    expect((await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/logement` })).text).toContain(
      'Se loger au Kamouraska',
    );
  });
  it('events carry Event JSON-LD; the sitemap lists published pages with alternates', async () => {
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const res = await staff.post(
      api('/pages'),
      page({
        slug: 'salon-emploi',
        kind: 'event',
        inMenu: false,
        titleFr: 'Salon de l’emploi',
        titleEn: 'Job fair',
        eventStartsAt: start,
        eventEndsAt: null,
        eventLocation: 'Centre Robert-Côté',
        eventAddress: '50, rue Roger',
      }),
    );
    expect(res.status).toBe(201);
    await staff.post(api(`/pages/${(res.body as { id: string }).id}/publish`), {});
    const html = (await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/en/evenements/salon-emploi` }))
      .text;
    const [ev] = jsonLd(html);
    expect(ev).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Job fair',
      startDate: start,
      location: {
        '@type': 'Place',
        name: 'Centre Robert-Côté',
        address: { '@type': 'PostalAddress', streetAddress: '50, rue Roger', addressCountry: 'CA' },
      },
    });
    const map = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/sitemap.xml` });
    expect(map.headers['content-type']).toContain('application/xml');
    expect(map.text).toContain(`<loc>${ctx.config.publicUrl}/region/${mrc.slug}/fr/logement</loc>`);
    expect(map.text).toContain(
      `<loc>${ctx.config.publicUrl}/region/${mrc.slug}/en/evenements/salon-emploi</loc>`,
    );
    expect(map.text).toContain('hreflang="en-CA"');
    const robots = await visitor.raw({ method: 'GET', url: '/robots.txt' });
    expect(robots.text).toContain(`Sitemap: ${ctx.config.publicUrl}/region/${mrc.slug}/sitemap.xml`);
    expect(robots.text).toContain('Disallow: /api/');
  });
  it('shows an uploaded image with its alternative text once, and only once, its page is published', async () => {
    const up = await uploadFile(staff, mrc.id, 'region.image', {
      name: 'fleuve.png',
      type: 'image/png',
      content: await pngBytes(),
    });
    expect(up.status).toBe(201);
    const fileId = (up.body as { id: string }).id;
    const missingAlt = await staff.post(
      api('/pages'),
      page({ slug: 'plein-air', imageFileId: fileId, imageAltFr: 'Le fleuve', imageAltEn: null }),
    );
    expect(missingAlt.status).toBe(422);
    const res = await staff.post(
      api('/pages'),
      page({
        slug: 'plein-air',
        bodyFr: `Le fleuve :\n\n![Coucher de soleil sur le fleuve](image:${fileId})`,
        imageFileId: fileId,
        imageAltFr: 'Le fleuve',
        imageAltEn: 'The river',
      }),
    );
    expect(res.status).toBe(201);
    expect((await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/images/${fileId}` })).status).toBe(
      404,
    );
    await staff.post(api(`/pages/${(res.body as { id: string }).id}/publish`), {});
    const img = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/images/${fileId}` });
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    const html = (await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/plein-air` })).text;
    expect(html).toContain(
      `<img src="/region/${mrc.slug}/images/${fileId}" alt="Coucher de soleil sur le fleuve" loading="lazy">`,
    );
    expect(html).toContain(
      `<meta property="og:image" content="${ctx.config.publicUrl}/region/${mrc.slug}/images/${fileId}">`,
    );
    // Another MRC cannot serve it, nor reference it.
    expect((await visitor.raw({ method: 'GET', url: `/region/${other.slug}/images/${fileId}` })).status).toBe(
      404,
    );
    const foreign = await otherStaff.post(
      `/api/orgs/${other.id}/region/pages`,
      page({ slug: 'vol', imageFileId: fileId, imageAltFr: 'x', imageAltEn: 'x' }),
    );
    expect([403, 404, 422]).toContain(foreign.status);
  });
  it('another MRC’s staff and a resident can neither read nor change the pages', async () => {
    expect((await otherStaff.get(api('/pages'))).status).toBe(403);
    expect((await otherStaff.put(api(`/pages/${pageId}`), page({ titleFr: 'Piraté' }))).status).toBe(403);
    expect((await otherStaff.post(api(`/pages/${pageId}/publish`), {})).status).toBe(403);
    expect((await resident.post(api('/pages'), page({ slug: 'x-y' }))).status).toBe(403);
    // Their own MRC does not see this MRC's page either.
    expect((await visitor.raw({ method: 'GET', url: `/region/${other.slug}/fr/logement` })).status).toBe(404);
  });
  it('counts visits anonymously for the staff charts', async () => {
    const stats = await staff.get(api('/stats?days=7'));
    expect(stats.status).toBe(200);
    const body = stats.body as {
      days: Array<{ visits: number }>;
      topPages: Array<{ path: string; visits: number }>;
    };
    expect(body.days).toHaveLength(7);
    expect(body.days.reduce((a, d) => a + d.visits, 0)).toBeGreaterThan(0);
    expect(body.topPages.some((p) => p.path.endsWith('/logement'))).toBe(true);
    expect((await otherStaff.get(api('/stats'))).status).toBe(403);
  });
});

describe('map of the territory and employer directory', () => {
  it('lists places by category with search, a page per place with Place JSON-LD, and outlines', async () => {
    const place = {
      slug: 'cpe-les-pitchounes',
      category: 'daycare',
      nameFr: 'CPE Les Pitchounes',
      nameEn: 'Les Pitchounes daycare',
      descriptionFr: '80 places',
      descriptionEn: '80 spots',
      address: '555, avenue Patry',
      municipalityOrgId: town,
      latitude: 47.53,
      longitude: -69.8,
      phone: '418 555-0100',
      website: null,
      published: true,
    };
    expect((await staff.post(api('/staff/places'), place)).status).toBe(201);
    expect(
      (
        await staff.post(api('/staff/places'), {
          ...place,
          slug: 'clsc',
          category: 'health',
          nameFr: 'CLSC',
          nameEn: 'CLSC',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await otherStaff.post(`/api/orgs/${other.id}/region/staff/places`, {
          ...place,
          municipalityOrgId: town,
        })
      ).status,
    ).toBe(422);
    const list = await visitor.get(`/api/orgs/${mrc.slug}/region/places?category=daycare&q=pitchoune`);
    expect((list.body as { items: Array<{ slug: string }> }).items.map((p) => p.slug)).toEqual([
      'cpe-les-pitchounes',
    ]);
    const html = (
      await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/lieux/cpe-les-pitchounes` })
    ).text;
    expect(jsonLd(html)[0]).toMatchObject({
      '@type': 'ChildCare',
      name: 'CPE Les Pitchounes',
      geo: { '@type': 'GeoCoordinates', latitude: 47.53, longitude: -69.8 },
    });
    const noJs = (await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/lieux?categorie=health` }))
      .text;
    expect(noJs).toContain('CLSC');
    expect(noJs).not.toContain('CPE Les Pitchounes');
    const ring = [
      [-69.9, 47.5],
      [-69.7, 47.5],
      [-69.7, 47.6],
      [-69.9, 47.5],
    ];
    expect(
      (
        await staff.put(api(`/staff/boundaries/${town}`), {
          geometry: { type: 'Polygon', coordinates: [ring] },
          approximate: true,
          source: 'test',
        })
      ).status,
    ).toBe(200);
    const b = await visitor.get(`/api/orgs/${mrc.slug}/region/boundaries`);
    expect(b.body).toMatchObject({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { approximate: true } }],
    });
  });
  it('shows only approved, listed employers, with their page', async () => {
    const base = {
      orgId: mrc.id,
      naicsCode: '311515',
      municipalityOrgId: town,
      size: '10-49' as const,
      latitude: 47.5,
      longitude: -69.8,
    };
    await ctx.db.insert(companies).values([
      {
        ...base,
        name: 'Fromagerie Approuvée',
        slug: 'fromagerie-approuvee',
        status: 'approved',
        sectorFr: 'Fromagerie',
        housingHelp: true,
      },
      { ...base, name: 'Entreprise En Attente', slug: 'en-attente', status: 'pending' },
      { ...base, name: 'Entreprise Discrète', slug: 'discrete', status: 'approved', directoryListed: false },
    ]);
    const list = await visitor.get(`/api/orgs/${mrc.slug}/region/employers`);
    expect((list.body as { items: Array<{ slug: string }> }).items.map((e) => e.slug)).toEqual([
      'fromagerie-approuvee',
    ]);
    const html = (
      await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/employeurs/fromagerie-approuvee` })
    ).text;
    expect(jsonLd(html)[0]).toMatchObject({
      '@type': 'Organization',
      name: 'Fromagerie Approuvée',
      naics: '311515',
    });
    expect(
      (await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/employeurs/en-attente` })).status,
    ).toBe(404);
    const onMap = await visitor.get(`/api/orgs/${mrc.slug}/region/places?category=employers`);
    expect((onMap.body as { items: Array<{ slug: string }> }).items.map((e) => e.slug)).toEqual([
      'fromagerie-approuvee',
    ]);
    await ctx.db.delete(companies).where(eq(companies.orgId, mrc.id));
  });
});

describe('resource people', () => {
  let contactId: string;
  let slots: string[];
  const secret = 'immigration.secret@mrc.example';
  it('the directory never shows the address', async () => {
    const c = await staff.post(api('/staff/contacts'), {
      slug: 'conseiller-immigration',
      name: 'Moussa Ndiaye',
      roleFr: 'Conseiller en immigration',
      roleEn: 'Immigration advisor',
      bioFr: '',
      bioEn: '',
      topics: ['immigration'],
      languages: ['fr', 'en'],
      email: secret,
      active: true,
    });
    expect(c.status).toBe(201);
    contactId = (c.body as { id: string }).id;
    const start = Date.now() + 3 * 86_400_000;
    const s = await staff.post(api(`/staff/contacts/${contactId}/slots`), {
      slots: [0, 1].map((i) => ({
        startsAt: new Date(start + i * 3_600_000).toISOString(),
        endsAt: new Date(start + i * 3_600_000 + 1_800_000).toISOString(),
        mode: 'video',
      })),
    });
    slots = (s.body as { ids: string[] }).ids;
    const pub = await visitor.get(`/api/orgs/${mrc.slug}/region/contacts?topic=immigration&language=en`);
    expect(pub.text).toContain('Moussa Ndiaye');
    expect(pub.text).not.toContain(secret);
    const one = await visitor.get(`/api/orgs/${mrc.slug}/region/contacts/conseiller-immigration`);
    expect(one.text).not.toContain(secret);
    expect((one.body as { slots: unknown[] }).slots).toHaveLength(2);
    const html = await visitor.raw({ method: 'GET', url: `/region/${mrc.slug}/fr/personnes-ressources` });
    expect(html.text).toContain('Moussa Ndiaye');
    expect(html.text).not.toContain(secret);
    expect((await otherStaff.get(api('/staff/contacts'))).status).toBe(403);
    const mine = await staff.get(api('/staff/contacts'));
    expect((mine.body as { items: Array<{ email: string; active: boolean }> }).items[0]).toMatchObject({
      email: secret,
      active: true,
    });
  });
  it('routes a message by e-mail without exposing the address; the honeypot drops robots; rate limited', async () => {
    const msg = {
      name: 'Amina',
      email: 'amina@example.test',
      message: 'Bonjour, je cherche des renseignements sur le CAQ.',
      consent: true,
    };
    const res = await visitor.post(`/api/orgs/${mrc.slug}/region/contacts/${contactId}/messages`, msg);
    expect(res.status).toBe(202);
    expect(res.text).not.toContain(secret);
    const sent = await ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, secret));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain('amina@example.test');
    const receipt = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'amina@example.test'));
    expect(receipt[0]?.textBody).not.toContain(secret);
    const bot = await visitor.post(`/api/orgs/${mrc.slug}/region/contacts/${contactId}/messages`, {
      ...msg,
      email: 'bot@example.test',
      website: 'http://spam.example',
    });
    expect(bot.status).toBe(202);
    expect(
      await ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, 'bot@example.test')),
    ).toHaveLength(0);
    let last = 0;
    for (let i = 0; i < 4; i++)
      last = (await visitor.post(`/api/orgs/${mrc.slug}/region/contacts/${contactId}/messages`, msg)).status;
    expect(last).toBe(429);
  });
  it('books a slot atomically: of two people at once, exactly one gets it; both sides get the invitation', async () => {
    const a = ctx.client();
    const b = ctx.client();
    const [ra, rb] = await Promise.all([
      a.post(`/api/orgs/${mrc.slug}/region/slots/${slots[0]}/booking`, {
        name: 'A',
        email: 'a@example.test',
        consent: true,
      }),
      b.post(`/api/orgs/${mrc.slug}/region/slots/${slots[0]}/booking`, {
        name: 'B',
        email: 'b@example.test',
        consent: true,
      }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([201, 409]);
    const won = (ra.status === 201 ? ra : rb).body as { calendarUrl: string };
    expect(won.calendarUrl).not.toContain(secret);
    const ics = await visitor.raw({ method: 'GET', url: won.calendarUrl });
    expect(ics.status).toBe(200);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toContain('METHOD:REQUEST');
    const toContact = await ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, secret));
    expect(toContact.some((m) => m.template === 'region.appointment_booked')).toBe(true);
    const open = await visitor.get(`/api/orgs/${mrc.slug}/region/contacts/conseiller-immigration`);
    expect((open.body as { slots: Array<{ id: string }> }).slots.map((s) => s.id)).toEqual([slots[1]]);
    expect((await staff.raw({ method: 'DELETE', url: api(`/staff/slots/${slots[0]}`) })).status).toBe(409);
    expect(
      (
        await otherStaff.raw({
          method: 'DELETE',
          url: `/api/orgs/${other.id}/region/staff/slots/${slots[1]}`,
        })
      ).status,
    ).toBe(404);
  });
  it('forgets visitors after the retention period (Law 25), organisation by organisation', async () => {
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await purgeContactData(ctx.db, other.id, later)).toEqual({ messages: 0, appointments: 0 });
    const done = await purgeContactData(ctx.db, mrc.id, later);
    expect(done.messages).toBeGreaterThan(0);
    expect(done.appointments).toBe(1);
    const left = await staff.get(api(`/staff/contacts/${contactId}/slots`));
    const first = (left.body as { items: Array<{ booked: boolean; bookerEmail: string | null }> }).items[0];
    expect(first).toMatchObject({ booked: true, bookerEmail: null });
  });
});
