import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { regionContactRequests } from './schema.ts';

// The resource person's page posts an ordinary urlencoded form (no JavaScript): token in a hidden field.
let ctx: TestContext;
let mrc: { id: string; slug: string };
const secret = 'logement.secret@mrc.example';
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  ctx = await createTestContext();
  const m = await createOrg(ctx.db, { kind: 'mrc', geoCode: String(100 + Math.floor(Math.random() * 800)) });
  mrc = { id: m.id, slug: m.slug };
  const staff = ctx.client();
  await signInAs(
    ctx.db,
    staff,
    await createAccount(ctx.db, { roles: [{ orgId: mrc.id, role: 'attraction' }] }),
  );
  const c = await staff.post(`/api/orgs/${mrc.id}/region/staff/contacts`, {
    slug: 'aide-logement',
    name: 'Julie Pelletier',
    roleFr: 'Aide au logement',
    roleEn: 'Housing help',
    bioFr: 'Je vous aide à trouver un logement.',
    bioEn: 'I help you find a home.',
    topics: ['housing'],
    languages: ['fr'],
    email: secret,
    active: true,
  });
  expect(c.status).toBe(201);
});
afterAll(async () => ctx?.close());

/** A visitor without JavaScript: no CSRF header, only what the page's form holds. */
function browser(): TestClient {
  const c = ctx.client();
  c.sendCsrf = false;
  return c;
}
const pageUrl = (lang: 'fr' | 'en') => `/region/${mrc.slug}/${lang}/personnes-ressources/aide-logement`;
const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const good = {
  name: 'Amina Diallo',
  email: 'amina.form@example.test',
  message: 'Bonjour, je cherche un 4½ à La Pocatière.',
};

describe('contact form without JavaScript', () => {
  it('shows the person, never the address, with a token bound to a cookie and not cached', async () => {
    const v = browser();
    const res = await v.raw({ method: 'GET', url: pageUrl('fr') });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Julie Pelletier</h1>');
    expect(res.text).toContain('<form class="stack" method="post"');
    expect(res.text).not.toContain(secret);
    expect(tokenOf(res.text)).not.toBe('');
    expect(String(res.headers['set-cookie'])).toMatch(/civique_csrf=.+HttpOnly/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const en = await v.raw({ method: 'GET', url: pageUrl('en') });
    expect(en.text).toContain('Send the message');
    expect(en.text).toContain('<html lang="en-CA">');
  });

  it('sends the message by e-mail like the JSON route, then shows the confirmation', async () => {
    const v = browser();
    const token = tokenOf((await v.raw({ method: 'GET', url: pageUrl('fr') })).text);
    const res = await v.raw({
      method: 'POST',
      url: pageUrl('fr'),
      headers: { 'content-type': form },
      payload: body({ _csrf: token, ...good, website: '', consent: 'yes' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${pageUrl('fr')}/envoye`);
    const toContact = await ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, secret));
    expect(toContact).toHaveLength(1);
    expect(toContact[0]?.textBody).toContain('amina.form@example.test');
    const receipt = await ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, good.email));
    expect(receipt).toHaveLength(1);
    expect(receipt[0]?.textBody).not.toContain(secret);
    const stored = await ctx.db
      .select()
      .from(regionContactRequests)
      .where(eq(regionContactRequests.orgId, mrc.id));
    expect(stored.map((r) => r.senderEmail)).toEqual([good.email]);
    const done = await v.raw({ method: 'GET', url: `${pageUrl('fr')}/envoye` });
    expect(done.text).toContain('Votre message a été transmis à Julie Pelletier.');
  });

  it('bad input comes back with each error, in the page language, with what was typed kept', async () => {
    const v = browser();
    const token = tokenOf((await v.raw({ method: 'GET', url: pageUrl('en') })).text);
    const res = await v.raw({
      method: 'POST',
      url: pageUrl('en'),
      headers: { 'content-type': form },
      payload: body({ _csrf: token, name: 'Léo <b>', email: 'not-an-address', message: 'Too short' }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Give a valid e-mail address');
    expect(res.text).toContain('Write a message of at least 10 characters');
    expect(res.text).toContain('Tick the box');
    expect(res.text).not.toContain('Give your name');
    expect(res.text).toContain('value="Léo &lt;b&gt;"');
    expect(res.text).toContain('value="not-an-address"');
    expect(res.text).toContain('>Too short</textarea>');
    expect(res.text).toContain('aria-invalid="true" aria-describedby="f-email-error"');
    const none = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'not-an-address'));
    expect(none).toHaveLength(0);
  });

  it('refuses a post without the token (or with a forged one) and keeps the text', async () => {
    const v = browser();
    await v.raw({ method: 'GET', url: pageUrl('fr') });
    for (const token of [undefined, 'forged-token']) {
      const res = await v.raw({
        method: 'POST',
        url: pageUrl('fr'),
        headers: { 'content-type': form },
        payload: body({
          ...(token ? { _csrf: token } : {}),
          ...good,
          email: 'csrf@example.test',
          consent: 'yes',
        }),
      });
      expect(res.status).toBe(403);
      expect(res.text).toContain('Le formulaire avait expiré');
      expect(res.text).toContain(good.message);
    }
    // A cross-site page has no cookie at all.
    const stranger = browser();
    const res = await stranger.raw({
      method: 'POST',
      url: pageUrl('fr'),
      headers: { 'content-type': form },
      payload: body({ _csrf: 'x', ...good, email: 'csrf@example.test', consent: 'yes' }),
    });
    expect(res.status).toBe(403);
    const sent = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'csrf@example.test'));
    expect(sent).toHaveLength(0);
  });

  it('is rate limited: after five posts the sixth comes back with 429, its text kept', async () => {
    const v = browser();
    const token = tokenOf((await v.raw({ method: 'GET', url: pageUrl('fr') })).text);
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 6; i++) {
      const res = await v.raw({
        method: 'POST',
        url: pageUrl('fr'),
        headers: { 'content-type': form },
        payload: body({
          _csrf: token,
          name: 'Robot',
          email: 'r@example.test',
          message: `Message numéro ${i} assez long`,
        }),
      });
      statuses.push(res.status);
      last = res.text;
    }
    // Two posts above already counted against this address (the test client shares one).
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
    expect(last).toContain('Trop de messages');
    expect(last).toContain('Message numéro 5 assez long');
  });

  it('an unknown person is an HTML 404', async () => {
    const res = await browser().raw({
      method: 'GET',
      url: `/region/${mrc.slug}/fr/personnes-ressources/personne`,
    });
    expect(res.status).toBe(404);
    expect(res.text).toContain('Page introuvable.');
  });
});
