import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { accounts } from '../auth/schema.ts';
import { CAMPAIGN_BATCH_QUEUE, CAMPAIGN_BATCH_SIZE } from './notify-many.ts';
import { emailMessages, notificationMessages, notificationPreferences } from './schema.ts';
import { EMAIL_QUEUE } from './send-email.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface Progress {
  id: string;
  total: number;
  processed: number;
  skipped: number;
  messages: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  percent: number;
  done: boolean;
}

const message = {
  category: 'newsletters',
  subject: { fr: 'Collecte des feuilles', en: 'Leaf collection' },
  body: { fr: 'La collecte des feuilles a lieu lundi.', en: 'Leaf collection is on Monday.' },
  url: '/collectes',
};

async function staff(orgId: string, role: 'admin' | 'clerk') {
  const account = await createAccount(ctx.db, { roles: [{ orgId, role }], totp: role === 'admin' });
  const client = ctx.client();
  await signInAs(ctx.db, client, account, { mfa: role === 'admin' });
  return { account, client };
}

/** Accounts made in bulk (one statement): a mass send's audience. */
async function audience(count: number, locale: 'fr' | 'en' = 'fr'): Promise<string[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const rows = await ctx.db
    .insert(accounts)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `aud-${tag}-${i}@example.test`,
        givenName: 'Résidente',
        familyName: `${i}`,
        locale,
      })),
    )
    .returning({ id: accounts.id });
  return rows.map((r) => r.id);
}

describe('mass sends with progress', () => {
  it('fans out in batches, shows the sender its progress, and respects each person’s choices', async () => {
    const org = await createOrg(ctx.db, { nameFr: 'Ville de Joliette', nameEn: 'City of Joliette' });
    const { client, account: admin } = await staff(org.id, 'admin');
    const french = await audience(CAMPAIGN_BATCH_SIZE + 100);
    const english = await audience(20, 'en');
    // All but five turned newsletters on by e-mail (the first also in the inbox); the last five keep
    // the default (off) and are counted as skipped.
    const optedIn = [...french, ...english];
    await ctx.db.insert(notificationPreferences).values(
      optedIn.slice(0, optedIn.length - 5).map((accountId, i) => ({
        accountId,
        category: 'newsletters',
        email: true,
        sms: false,
        push: false,
        inapp: i === 0,
      })),
    );

    const started = await client.post<{ id: string; total: number }>(`/api/orgs/${org.id}/notify/campaigns`, {
      ...message,
      accountIds: optedIn,
    });
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(optedIn.length);
    const url = `/api/orgs/${org.id}/notify/campaigns/${started.body.id}`;

    const before = await client.get<Progress>(url);
    expect(before.body).toMatchObject({
      total: optedIn.length,
      processed: 0,
      messages: 0,
      percent: 0,
      done: false,
    });
    const batches = await ctx.jobs.boss.findJobs(CAMPAIGN_BATCH_QUEUE, {
      data: { campaignId: started.body.id },
    });
    expect(batches).toHaveLength(2);

    expect(await ctx.jobs.runPending([CAMPAIGN_BATCH_QUEUE])).toBe(2);
    const fannedOut = await client.get<Progress>(url);
    expect(fannedOut.body).toMatchObject({
      processed: optedIn.length,
      skipped: 5,
      messages: optedIn.length - 5 + 1,
      queued: optedIn.length - 5,
      sent: 1, // the inbox message is delivered by being recorded
      done: false,
    });
    expect(fannedOut.body.percent).toBeGreaterThanOrEqual(50);
    expect(fannedOut.body.percent).toBeLessThan(100);

    await ctx.jobs.runPending([EMAIL_QUEUE]);
    const done = await client.get<Progress>(url);
    expect(done.body).toMatchObject({
      sent: optedIn.length - 5 + 1,
      queued: 0,
      failed: 0,
      percent: 100,
      done: true,
    });

    const [english0] = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(eq(emailMessages.campaignId, started.body.id), eq(emailMessages.accountId, english[0] ?? '')),
      );
    expect(english0?.subject).toBe('Leaf collection');
    expect(english0?.textBody).toContain('This message is sent to you by City of Joliette.');
    expect(english0?.unsubscribeUrl).toContain('/api/notify/unsubscribe/');
    const inbox = await ctx.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.campaignId, started.body.id));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.url).toMatch(/\/collectes$/);

    const list = await client.get<{ items: Progress[] }>(`/api/orgs/${org.id}/notify/campaigns`);
    expect(list.body.items.map((c) => c.id)).toContain(started.body.id);
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, started.body.id));
    expect(audit).toMatchObject({ action: 'notify.campaign_sent', actorAccountId: admin.id, orgId: org.id });
  });

  it('runs a retried batch without sending twice', async () => {
    const org = await createOrg(ctx.db);
    const { client } = await staff(org.id, 'admin');
    const ids = await audience(3);
    const started = await client.post<{ id: string }>(`/api/orgs/${org.id}/notify/campaigns`, {
      ...message,
      category: 'recreation',
      accountIds: ids,
    });
    const [job] = await ctx.jobs.boss.findJobs<{ orgId: string; campaignId: string; accountIds: string[] }>(
      CAMPAIGN_BATCH_QUEUE,
      { data: { campaignId: started.body.id } },
    );
    await ctx.jobs.runPending([CAMPAIGN_BATCH_QUEUE]);
    // The same batch again, as a retry after a crash between recording and completing would run it.
    if (!job) throw new Error('batch job missing');
    await ctx.jobs.send(CAMPAIGN_BATCH_QUEUE, job.data);
    await ctx.jobs.runPending([CAMPAIGN_BATCH_QUEUE]);
    const emails = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.campaignId, started.body.id));
    expect(emails).toHaveLength(3);
    const progress = await client.get<Progress>(`/api/orgs/${org.id}/notify/campaigns/${started.body.id}`);
    expect(progress.body).toMatchObject({ total: 3, processed: 3, messages: 3 });
  });

  it('keeps each organisation’s sends to itself, and lets only administrators send', async () => {
    const orgA = await createOrg(ctx.db);
    const orgB = await createOrg(ctx.db);
    const adminA = await staff(orgA.id, 'admin');
    const clerkA = await staff(orgA.id, 'clerk');
    const adminB = await staff(orgB.id, 'admin');
    const ids = await audience(2);
    const started = await adminA.client.post<{ id: string }>(`/api/orgs/${orgA.id}/notify/campaigns`, {
      ...message,
      accountIds: ids,
    });
    const url = `/api/orgs/${orgA.id}/notify/campaigns/${started.body.id}`;

    expect((await clerkA.client.get(url)).status).toBe(200);
    expect((await adminB.client.get(url)).status).toBe(403);
    expect((await adminB.client.get(`/api/orgs/${orgA.id}/notify/campaigns`)).status).toBe(403);
    // Through its own organisation, B finds nothing of A's.
    expect((await adminB.client.get(`/api/orgs/${orgB.id}/notify/campaigns/${started.body.id}`)).status).toBe(
      404,
    );
    expect(
      (await adminB.client.post(`/api/orgs/${orgA.id}/notify/campaigns`, { ...message, accountIds: ids }))
        .status,
    ).toBe(403);
    expect(
      (await clerkA.client.post(`/api/orgs/${orgA.id}/notify/campaigns`, { ...message, accountIds: ids }))
        .status,
    ).toBe(403);
    const citizen = await createAccount(ctx.db);
    const citizenClient = ctx.client();
    await signInAs(ctx.db, citizenClient, citizen);
    expect((await citizenClient.get(url)).status).toBe(403);
    expect((await ctx.client().get(url)).status).toBe(401);

    const refused = await adminA.client.post<{ error: { code: string } }>(
      `/api/orgs/${orgA.id}/notify/campaigns`,
      {
        ...message,
        category: 'account',
        accountIds: ids,
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('notify.campaign_category_refused');
  });
});
