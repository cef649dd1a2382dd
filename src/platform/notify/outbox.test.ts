import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { PERSONAL_DATA_ACCESS } from '../audit/record-personal-data-access.ts';
import { auditLog } from '../audit/schema.ts';
import { readableTextOn } from './render.ts';
import { emailMessages } from './schema.ts';
import { sendEmail } from './send-email.ts';
import { defineEmailTemplate } from './templates.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const REMINDER = defineEmailTemplate<{ activity: string }>('test.outbox_reminder', {
  subject: (p, l) => (l === 'fr' ? `Rappel : ${p.activity}` : `Reminder: ${p.activity}`),
  text: (p, l) =>
    l === 'fr'
      ? `Votre activité « ${p.activity} » commence demain.`
      : `Your activity “${p.activity}” starts tomorrow.`,
});

interface Item {
  id: string;
  orgId: string | null;
  to: string;
  subject: string;
  status: string;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
type Paged<T> = { items: T[]; total: number };

async function orgAdmin(orgId: string) {
  const admin = await createAccount(ctx.db, { roles: [{ orgId, role: 'admin' }], totp: true });
  const client = ctx.client();
  await signInAs(ctx.db, client, admin, { mfa: true });
  return { admin, client };
}

describe('e-mail outbox (no SMTP configured)', () => {
  it('delivers to the outbox through the job queue and shows the message to installation administrators', async () => {
    const resident = await createAccount(ctx.db);
    const org = await createOrg(ctx.db, { nameFr: 'Ville de Joliette', nameEn: 'City of Joliette' });
    const id = await sendEmail(ctx, {
      to: resident.email,
      locale: 'fr',
      template: REMINDER,
      params: { activity: 'Natation' },
      orgId: org.id,
    });
    const [queued] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, id));
    expect(queued?.status).toBe('queued');

    expect(await ctx.jobs.runPending(['email.deliver'])).toBeGreaterThanOrEqual(1);
    const [sent] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, id));
    expect(sent).toMatchObject({ status: 'sent', transport: 'outbox', attempts: 1, lastError: null });
    expect(sent?.sentAt).not.toBeNull();

    const installationAdmin = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const client = ctx.client();
    await signInAs(ctx.db, client, installationAdmin, { mfa: true });
    const list = await client.get<Paged<Item>>(`/api/admin/outbox?status=sent&orgId=${org.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      id,
      to: resident.email,
      subject: 'Rappel : Natation',
      status: 'sent',
      transport: 'outbox',
      attempts: 1,
    });
    expect(list.body.items[0]).not.toHaveProperty('text');

    const one = await client.get<Item & { text: string; html: string }>(`/api/admin/outbox/${id}`);
    expect(one.status).toBe(200);
    // Branded: the organisation's name and colour in the header, its name in both footers.
    expect(one.body.html).toContain('Ville de Joliette</header>');
    expect(one.body.html).toContain('background:#004b87');
    expect(one.body.html).toContain('<html lang="fr">');
    expect(one.body.text).toContain('Votre activité « Natation » commence demain.');
    expect(one.body.text).toContain('Ce message vous est envoyé par Ville de Joliette.');
    expect(one.body.html).toContain('Ce message vous est envoyé par Ville de Joliette.');

    // Reading the body is recorded as access to the recipient's personal data.
    const [logged] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, PERSONAL_DATA_ACCESS), eq(auditLog.targetId, id)));
    expect(logged).toMatchObject({
      actorAccountId: installationAdmin.id,
      subjectAccountId: resident.id,
      orgId: org.id,
      targetType: 'email_message',
    });
  });

  it('uses the installation’s name and an English footer for messages of no organisation', async () => {
    const id = await sendEmail(ctx, {
      to: 'someone@example.test',
      locale: 'en',
      template: REMINDER,
      params: { activity: 'Swimming' },
    });
    const [row] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, id));
    expect(row?.subject).toBe('Reminder: Swimming');
    expect(row?.textBody).toContain('This message is sent to you by Civique.');
    expect(row?.htmlBody).toContain('Civique</header>');
  });

  it('picks readable header text for light and dark brand colours', () => {
    expect(readableTextOn('#004b87')).toBe('#ffffff');
    expect(readableTextOn('#f2e600')).toBe('#1a1a1a');
  });

  it('shows an organisation’s administrators their outbox only, and refuses another organisation’s', async () => {
    const orgA = await createOrg(ctx.db);
    const orgB = await createOrg(ctx.db);
    const toA = await sendEmail(ctx, {
      to: 'a@example.test',
      locale: 'fr',
      template: REMINDER,
      params: { activity: 'Soccer' },
      orgId: orgA.id,
    });
    const toB = await sendEmail(ctx, {
      to: 'b@example.test',
      locale: 'fr',
      template: REMINDER,
      params: { activity: 'Hockey' },
      orgId: orgB.id,
    });
    const { client } = await orgAdmin(orgA.id);

    const mine = await client.get<Paged<Item>>(`/api/orgs/${orgA.id}/outbox`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((m) => m.id)).toEqual([toA]);
    const queued = await client.get<Paged<Item>>(`/api/orgs/${orgA.id}/outbox?status=queued`);
    expect(queued.body.total).toBe(1);
    const none = await client.get<Paged<Item>>(`/api/orgs/${orgA.id}/outbox?status=failed`);
    expect(none.body.total).toBe(0);
    const body = await client.get<{ text: string }>(`/api/orgs/${orgA.id}/outbox/${toA}`);
    expect(body.status).toBe(200);
    expect(body.body.text).toContain('Soccer');

    expect((await client.get(`/api/orgs/${orgB.id}/outbox`)).status).toBe(403);
    expect((await client.get(`/api/orgs/${orgB.id}/outbox/${toB}`)).status).toBe(403);
    // B's message through A's own outbox: not found, and not logged as an access.
    const crossed = await client.get<{ error: { code: string } }>(`/api/orgs/${orgA.id}/outbox/${toB}`);
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe('notify.message_not_found');
    const logged = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, toB));
    expect(logged).toEqual([]);
    expect((await client.get('/api/admin/outbox')).status).toBe(403);
    expect((await client.get(`/api/admin/outbox/${toA}`)).status).toBe(403);

    const clerk = await createAccount(ctx.db, { roles: [{ orgId: orgA.id, role: 'clerk' }] });
    const clerkClient = ctx.client();
    await signInAs(ctx.db, clerkClient, clerk);
    expect((await clerkClient.get(`/api/orgs/${orgA.id}/outbox`)).status).toBe(403);
    expect((await ctx.client().get(`/api/orgs/${orgA.id}/outbox`)).status).toBe(401);
  });
});
