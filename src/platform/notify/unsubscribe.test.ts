import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { defineNotification } from './notification-templates.ts';
import { notify } from './notify.ts';
import { emailMessages, notificationMessages } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: 'https://civique.example.ca' });
});
afterAll(async () => ctx?.close());

const NEWS = defineNotification<{ n: number }>('test.unsubscribe_news', {
  subject: (p, l) => (l === 'fr' ? `Infolettre no ${p.n}` : `Newsletter #${p.n}`),
  text: (_p, l) => (l === 'fr' ? 'Les nouvelles de votre ville.' : 'News from your town.'),
});

type Prefs = { categories: Array<{ category: string; channels: Record<string, boolean> }> };
const pathOf = (url: string | null | undefined) => new URL(url ?? 'https://x/missing').pathname;

async function subscribedCitizen(locale: 'fr' | 'en' = 'fr') {
  const account = await createAccount(ctx.db, { locale });
  const client = ctx.client({ locale });
  await signInAs(ctx.db, client, account);
  await client.put('/api/me/notification-preferences', {
    preferences: {
      newsletters: { email: true, sms: false, push: false, inapp: true },
      recreation: { email: true, sms: false, push: false, inapp: false },
    },
  });
  return { account, client };
}

async function emailOf(accountId: string, category: string) {
  const rows = await ctx.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.category, category)));
  return rows.at(-1);
}

async function channelsOf(client: ReturnType<TestContext['client']>, category: string) {
  const prefs = await client.get<Prefs>('/api/me/notification-preferences');
  return prefs.body.categories.find((c) => c.category === category)?.channels;
}

describe('one-click unsubscribe (no sign-in)', () => {
  it('shows a bilingual page on GET without changing anything, and unsubscribes on POST: that category, channel and person only', async () => {
    const org = await createOrg(ctx.db, {
      nameFr: 'Ville de Joliette',
      nameEn: 'City of Joliette',
      contactEmail: 'info@joliette.example',
    });
    const alice = await subscribedCitizen('fr');
    const bob = await subscribedCitizen('fr');
    for (const who of [alice, bob]) {
      await notify(ctx, {
        accountId: who.account.id,
        orgId: org.id,
        category: 'newsletters',
        template: NEWS,
        params: { n: 1 },
      });
      await notify(ctx, {
        accountId: who.account.id,
        orgId: org.id,
        category: 'recreation',
        template: NEWS,
        params: { n: 1 },
      });
    }
    const link = (await emailOf(alice.account.id, 'newsletters'))?.unsubscribeUrl;
    expect(link).toBeTruthy();

    const anonymous = ctx.client();
    const page = await anonymous.get(pathOf(link), { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Ne plus recevoir les messages « Infolettres » par courriel ?');
    expect(page.text).toContain('Stop receiving “Newsletters” messages by e-mail?');
    expect(page.text).toContain('Expéditeur : Ville de Joliette');
    expect(page.text).toContain('Pour nous joindre : info@joliette.example');
    expect(page.text).toContain(`<form method="post" action="${pathOf(link)}">`);
    expect((await channelsOf(alice.client, 'newsletters'))?.email).toBe(true);

    // The browser's form post: no CSRF token, no session.
    anonymous.sendCsrf = false;
    const done = await anonymous.raw({
      method: 'POST',
      url: pathOf(link),
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain(
      'C’est fait : vous ne recevrez plus les messages « Infolettres » par courriel.',
    );

    expect(await channelsOf(alice.client, 'newsletters')).toEqual({
      email: false,
      sms: false,
      push: false,
      inapp: true,
    });
    expect((await channelsOf(alice.client, 'recreation'))?.email).toBe(true);
    expect((await channelsOf(bob.client, 'newsletters'))?.email).toBe(true);

    const next = await notify(ctx, {
      accountId: alice.account.id,
      orgId: org.id,
      category: 'newsletters',
      template: NEWS,
      params: { n: 2 },
    });
    expect(next.messages.map((m) => m.channel)).toEqual(['inapp']);
    const bobNext = await notify(ctx, {
      accountId: bob.account.id,
      orgId: org.id,
      category: 'newsletters',
      template: NEWS,
      params: { n: 2 },
    });
    expect(bobNext.messages.map((m) => m.channel).sort()).toEqual(['email', 'inapp']);
  });

  it('answers a mail client’s RFC 8058 one-click POST, twice with the same result', async () => {
    const carol = await subscribedCitizen('en');
    await notify(ctx, {
      accountId: carol.account.id,
      category: 'recreation',
      template: NEWS,
      params: { n: 1 },
    });
    const link = (await emailOf(carol.account.id, 'recreation'))?.unsubscribeUrl;
    const mailClient = ctx.client();
    mailClient.sendCsrf = false;
    for (let i = 0; i < 2; i++) {
      const res = await mailClient.raw<{ ok: boolean; category: string; channel: string }>({
        method: 'POST',
        url: pathOf(link),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, category: 'recreation', channel: 'email' });
    }
    expect((await channelsOf(carol.client, 'recreation'))?.email).toBe(false);
  });

  it('carries a link on inbox messages too, which stops that channel only', async () => {
    const dan = await subscribedCitizen('fr');
    const sent = await notify(ctx, {
      accountId: dan.account.id,
      category: 'newsletters',
      template: NEWS,
      params: { n: 3 },
    });
    const inboxId = sent.messages.find((m) => m.channel === 'inapp')?.id ?? '';
    const [item] = await ctx.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.id, inboxId));
    expect(item?.body).toContain(item?.unsubscribeUrl ?? 'missing');
    const res = await ctx.client().post(pathOf(item?.unsubscribeUrl));
    expect(res.status).toBe(200);
    expect(await channelsOf(dan.client, 'newsletters')).toEqual({
      email: true,
      sms: false,
      push: false,
      inapp: false,
    });
  });

  it('refuses an altered link with 404, as a page and as JSON, in both languages', async () => {
    const eve = await subscribedCitizen('fr');
    await notify(ctx, {
      accountId: eve.account.id,
      category: 'newsletters',
      template: NEWS,
      params: { n: 1 },
    });
    const link = pathOf((await emailOf(eve.account.id, 'newsletters'))?.unsubscribeUrl);
    const token = link.split('/').at(-1) ?? '';
    // Flip one bit of the person's id inside the token: it now names someone else, and the MAC says no.
    const raw = Buffer.from(token, 'base64url');
    raw[5] = (raw[5] ?? 0) ^ 1;
    const forged = `/api/notify/unsubscribe/${raw.toString('base64url')}`;
    const page = await ctx.client({ locale: 'en' }).get(forged, { accept: 'text/html' });
    expect(page.status).toBe(404);
    expect(page.text).toContain('This unsubscribe link is not valid.');
    expect(page.text).toContain('Ce lien de désabonnement n’est pas valide.');
    const json = await ctx.client().post<{ error: { code: string; message: string } }>(forged);
    expect(json.status).toBe(404);
    expect(json.body.error).toMatchObject({
      code: 'notify.unsubscribe_invalid',
      message: 'Ce lien de désabonnement n’est pas valide.',
    });
    expect((await ctx.client().post('/api/notify/unsubscribe/not-a-token')).status).toBe(404);
    expect((await channelsOf(eve.client, 'newsletters'))?.email).toBe(true);
  });

  it('remembers an address with no account that unsubscribed, for that category only', async () => {
    const to = { email: 'voisin@example.test', locale: 'fr' as const };
    await notify(ctx, { to, category: 'participation', template: NEWS, params: { n: 1 } });
    const [first] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, to.email));
    expect((await ctx.client().post(pathOf(first?.unsubscribeUrl))).status).toBe(200);
    expect(
      (await notify(ctx, { to, category: 'participation', template: NEWS, params: { n: 2 } })).messages,
    ).toEqual([]);
    expect(
      (await notify(ctx, { to, category: 'jobs', template: NEWS, params: { n: 2 } })).messages,
    ).toHaveLength(1);
  });
});
