import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { accounts } from '../auth/schema.ts';
import { defineNotification } from './notification-templates.ts';
import { notify } from './notify.ts';
import { emailMessages, notificationMessages } from './schema.ts';
import { smsSegments } from './sms-text.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: 'https://civique.example.ca' });
});
afterAll(async () => ctx?.close());

const CAMP = defineNotification<{ child: string }>('test.notify_camp', {
  subject: (p, l) =>
    l === 'fr' ? `Camp de jour : ${p.child} est inscrit` : `Day camp: ${p.child} is registered`,
  text: (p, l) =>
    l === 'fr'
      ? `L’inscription de ${p.child} au camp de jour « Les Débrouillards » est confirmée. La fête de clôture aura lieu vendredi à la plage municipale; apportez crème solaire, chapeau et bouteille d’eau.`
      : `${p.child}’s registration to the “Les Débrouillards” day camp is confirmed. The closing party is on Friday at the town beach; bring sunscreen, a hat and a water bottle.`,
  url: () => '/loisirs/inscriptions',
});

type Prefs = Record<string, { email: boolean; sms: boolean; push: boolean; inapp: boolean }>;
const none = { email: false, sms: false, push: false, inapp: false };

async function citizen(options: { locale?: 'fr' | 'en'; phone?: string } = {}) {
  const account = await createAccount(ctx.db, { locale: options.locale });
  if (options.phone)
    await ctx.db.update(accounts).set({ phone: options.phone }).where(eq(accounts.id, account.id));
  const client = ctx.client({ locale: options.locale });
  await signInAs(ctx.db, client, account);
  return { account, client };
}

async function messagesOf(accountId: string) {
  const emails = await ctx.db.select().from(emailMessages).where(eq(emailMessages.accountId, accountId));
  const others = await ctx.db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.accountId, accountId));
  return { emails, others, channels: [...emails.map(() => 'email'), ...others.map((o) => o.channel)].sort() };
}

describe('notify(): channels chosen by the person', () => {
  it('starts from the most private defaults: e-mail only for transactional categories, newsletters off', async () => {
    const { account, client } = await citizen();
    const prefs = await client.get<{
      categories: Array<{ category: string; channels: Prefs[string]; alwaysOn: boolean }>;
    }>('/api/me/notification-preferences');
    expect(prefs.status).toBe(200);
    const by = new Map(prefs.body.categories.map((c) => [c.category, c]));
    expect(by.get('recreation')?.channels).toEqual({ ...none, email: true });
    expect(by.get('newsletters')?.channels).toEqual(none);
    expect(by.get('emergency')).toMatchObject({
      channels: { ...none, email: true, inapp: true },
      alwaysOn: true,
    });
    expect(by.get('account')?.channels).toEqual({ ...none, email: true, inapp: true });

    const org = await createOrg(ctx.db);
    await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'recreation',
      template: CAMP,
      params: { child: 'Léa' },
    });
    await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'newsletters',
      template: CAMP,
      params: { child: 'Léa' },
    });
    const { emails, channels } = await messagesOf(account.id);
    expect(channels).toEqual(['email']);
    expect(emails[0]).toMatchObject({ category: 'recreation', status: 'queued', locale: 'fr' });
  });

  it('respects each channel of each category, and sends text messages only to a person with a phone', async () => {
    const { account, client } = await citizen({ phone: '+15145550101' });
    const put = await client.put<{ categories: Array<{ category: string; channels: Prefs[string] }> }>(
      '/api/me/notification-preferences',
      {
        preferences: {
          recreation: { email: false, sms: true, push: true, inapp: true },
          transit: { email: false, sms: false, push: false, inapp: false },
        },
      },
    );
    expect(put.status).toBe(200);
    expect(put.body.categories.find((c) => c.category === 'recreation')?.channels).toEqual({
      email: false,
      sms: true,
      push: true,
      inapp: true,
    });
    const org = await createOrg(ctx.db, {
      nameFr: 'Ville de Joliette',
      nameEn: 'City of Joliette',
      contactEmail: 'info@joliette.example',
    });
    const result = await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'recreation',
      template: CAMP,
      params: { child: 'Léa' },
    });
    // Push was chosen but this person has no subscribed device: it is left out.
    expect(result.messages.map((m) => m.channel).sort()).toEqual(['inapp', 'sms']);
    const transit = await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'transit',
      template: CAMP,
      params: { child: 'Léa' },
    });
    expect(transit.messages).toEqual([]);

    const { emails, others } = await messagesOf(account.id);
    expect(emails).toEqual([]);
    const sms = others.find((o) => o.channel === 'sms');
    expect(sms).toMatchObject({ toAddress: '+15145550101', status: 'queued', category: 'recreation' });
    expect(smsSegments(sms?.body ?? '').segments).toBeLessThanOrEqual(2);
    expect(sms?.body.startsWith('Ville de Joliette : ')).toBe(true);
    expect(sms?.body).toContain('Désabonnement : https://civique.example.ca/api/notify/unsubscribe/');
    const inbox = others.find((o) => o.channel === 'inapp');
    expect(inbox).toMatchObject({
      status: 'sent',
      transport: 'inapp',
      url: 'https://civique.example.ca/loisirs/inscriptions',
    });
    expect(inbox?.body).toContain('Ce message vous est envoyé par Ville de Joliette.');
    expect(inbox?.body).toContain('Pour nous joindre : info@joliette.example');

    // A person without a phone who chose text messages only gets nothing by text.
    const noPhone = await citizen();
    await noPhone.client.put('/api/me/notification-preferences', {
      preferences: { recreation: { ...none, sms: true } },
    });
    const r = await notify(ctx, {
      accountId: noPhone.account.id,
      category: 'recreation',
      template: CAMP,
      params: { child: 'Noé' },
    });
    expect(r.messages).toEqual([]);
  });

  it('renders in the person’s language with the sender’s identity, and an unsubscribe link outside exempt categories', async () => {
    const { account } = await citizen({ locale: 'en' });
    const org = await createOrg(ctx.db, {
      nameFr: 'Ville de Rivière-du-Loup',
      nameEn: 'Town of Rivière-du-Loup',
    });
    await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'recreation',
      template: CAMP,
      params: { child: 'Sam' },
    });
    await notify(ctx, {
      accountId: account.id,
      orgId: org.id,
      category: 'emergency',
      template: CAMP,
      params: { child: 'Sam' },
    });
    const { emails } = await messagesOf(account.id);
    const recreation = emails.find((e) => e.category === 'recreation');
    const emergency = emails.find((e) => e.category === 'emergency');
    expect(recreation?.subject).toBe('Day camp: Sam is registered');
    expect(recreation?.textBody).toContain('This message is sent to you by Town of Rivière-du-Loup.');
    // No contact e-mail for this town: its public address is the contact.
    expect(recreation?.textBody).toContain('To reach us: https://civique.example.ca');
    expect(recreation?.unsubscribeUrl).toMatch(
      /^https:\/\/civique\.example\.ca\/api\/notify\/unsubscribe\/[A-Za-z0-9_-]{43}$/,
    );
    expect(recreation?.textBody).toContain(recreation?.unsubscribeUrl ?? 'missing');
    expect(recreation?.htmlBody).toContain(`href="${recreation?.unsubscribeUrl}"`);
    expect(emergency?.unsubscribeUrl).toBeNull();
    expect(emergency?.textBody).not.toContain('/unsubscribe/');
    expect(emergency?.textBody).toContain('This message is sent to you by Town of Rivière-du-Loup.');
  });

  it('reaches an address with no account on the channels it gives', async () => {
    const result = await notify(ctx, {
      to: { email: 'employeur@example.test', phone: '+14185550199', locale: 'fr' },
      category: 'jobs',
      template: CAMP,
      params: { child: 'X' },
    });
    expect(result.messages.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    const [email] = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'employeur@example.test'));
    expect(email?.accountId).toBeNull();
    expect(email?.unsubscribeUrl).toContain('/api/notify/unsubscribe/');
  });
});

describe('emergency alerts cannot be turned off', () => {
  it('refuses switching every channel off with a bilingual 422, and routes them where the person prefers', async () => {
    const fr = await citizen({ phone: '+15145550102' });
    const refused = await fr.client.put<{ error: { code: string; message: string } }>(
      '/api/me/notification-preferences',
      {
        preferences: { emergency: none },
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('notify.channel_required');
    expect(refused.body.error.message).toMatch(/^Les alertes d’urgence/);
    const en = await citizen({ locale: 'en' });
    const refusedEn = await en.client.put<{ error: { message: string } }>(
      '/api/me/notification-preferences',
      {
        preferences: { emergency: none, recreation: none },
      },
    );
    expect(refusedEn.status).toBe(422);
    expect(refusedEn.body.error.message).toMatch(/^Emergency alerts/);
    // Nothing of the refused request was saved.
    const after = await en.client.get<{ categories: Array<{ category: string; channels: Prefs[string] }> }>(
      '/api/me/notification-preferences',
    );
    expect(after.body.categories.find((c) => c.category === 'recreation')?.channels.email).toBe(true);

    const routed = await fr.client.put('/api/me/notification-preferences', {
      preferences: { emergency: { ...none, sms: true } },
    });
    expect(routed.status).toBe(200);
    const alert = await notify(ctx, {
      accountId: fr.account.id,
      category: 'emergency',
      template: CAMP,
      params: { child: 'Y' },
    });
    expect(alert.messages.map((m) => m.channel)).toEqual(['sms']);
    expect(alert.urgency).toBe('high');
    const [sms] = await ctx.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.id, alert.messages[0]?.id ?? ''));
    expect(sms).toMatchObject({ urgency: 'high', unsubscribeUrl: null });
    expect(sms?.body).not.toContain('/unsubscribe/');

    // Routed to text messages but the phone number is gone: the alert still arrives, by e-mail and inbox.
    await ctx.db.update(accounts).set({ phone: null }).where(eq(accounts.id, fr.account.id));
    const fallback = await notify(ctx, {
      accountId: fr.account.id,
      category: 'emergency',
      template: CAMP,
      params: { child: 'Y' },
    });
    expect(fallback.messages.map((m) => m.channel).sort()).toEqual(['email', 'inapp']);
  });

  it('asks the person to be signed in for preferences', async () => {
    expect((await ctx.client().get('/api/me/notification-preferences')).status).toBe(401);
    expect((await ctx.client().put('/api/me/notification-preferences', { preferences: {} })).status).toBe(
      401,
    );
  });
});
