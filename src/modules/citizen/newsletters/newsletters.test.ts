import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { consents } from '../../../platform/privacy/schema.ts';
import { createTown, staffOf } from '../test-support.ts';
import { newsletterSubscriptions } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const bi = (fr: string, en: string) => ({ fr, en });
const drain = async () => {
  while ((await ctx.jobs.runPending()) > 0) {}
};

async function townWithList() {
  const town = await createTown(ctx.db, 'Infolettre');
  const staff = await staffOf(ctx, town.id, 'clerk');
  const list = await staff.client.post<{ id: string }>(`/api/orgs/${town.id}/citizen/staff/newsletters`, {
    name: bi('Travaux publics', 'Public works'),
    description: bi('Chantiers et fermetures de rues.', 'Roadworks and street closures.'),
    active: true,
  });
  expect(list.status).toBe(200);
  const info = await ctx
    .client()
    .get<{ consent: { version: string } }>(`/api/orgs/${town.id}/citizen/newsletters`);
  return { town, staff, listId: list.body.id, version: info.body.consent.version };
}

describe('newsletters', () => {
  it('double opt-in, account subscription with consent, send in batches, one-click unsubscribe', async () => {
    const { town, staff, listId, version } = await townWithList();
    const visitor = ctx.client({ locale: 'en' });
    const pending = await visitor.post<{ status: string }>(
      `/api/orgs/${town.id}/citizen/newsletters/subscriptions`,
      {
        listIds: [listId],
        email: 'Marie.Tremblay@Example.test',
        consentVersion: version,
      },
    );
    expect(pending.body.status).toBe('pending');
    const stale = await visitor.post<{ error: { code: string } }>(
      `/api/orgs/${town.id}/citizen/newsletters/subscriptions`,
      {
        listIds: [listId],
        email: 'x@example.test',
        consentVersion: '1999-01',
      },
    );
    expect(stale.body.error.code).toBe('newsletter.consent_stale');
    await drain();
    const [confirmMail] = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'marie.tremblay@example.test'));
    expect(confirmMail?.subject).toBe('Confirm your subscription');
    const token = /token=([A-Za-z0-9_-]+)/.exec(confirmMail?.textBody ?? '')?.[1] ?? '';
    const [row] = await ctx.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.email, 'marie.tremblay@example.test'));
    expect(row).toMatchObject({ status: 'pending', consentSource: 'web_form', consentLocale: 'en' });
    expect(row?.consentText).toContain('I agree to receive');
    expect(
      (await visitor.post(`/api/orgs/${town.id}/citizen/newsletters/confirmation`, { token: `${token}x` }))
        .status,
    ).toBe(404);
    expect(
      (await visitor.post(`/api/orgs/${town.id}/citizen/newsletters/confirmation`, { token })).status,
    ).toBe(200);
    expect(
      (await visitor.post(`/api/orgs/${town.id}/citizen/newsletters/confirmation`, { token })).status,
    ).toBe(404);

    const member = await createAccount(ctx.db);
    const memberClient = ctx.client();
    await signInAs(ctx.db, memberClient, member);
    const active = await memberClient.post<{ status: string }>(
      `/api/orgs/${town.id}/citizen/newsletters/subscriptions`,
      {
        listIds: [listId],
        consentVersion: version,
      },
    );
    expect(active.body.status).toBe('active');
    const ledger = await ctx.db
      .select()
      .from(consents)
      .where(and(eq(consents.accountId, member.id), eq(consents.purpose, 'newsletter')));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ granted: true, orgId: town.id });

    const issue = await staff.client.post<{ id: string; html: { fr: string } }>(
      `/api/orgs/${town.id}/citizen/staff/newsletter-issues`,
      {
        listId,
        subject: bi('Chantiers de la semaine', 'This week’s roadworks'),
        body: bi('**Rue Notre-Dame** fermée. <script>alert(1)</script>', '**Notre-Dame St** closed.'),
      },
    );
    expect(issue.body.html.fr).toContain('<strong>Rue Notre-Dame</strong>');
    expect(issue.body.html.fr).not.toContain('<script>');
    expect(
      (await staff.client.post(`/api/orgs/${town.id}/citizen/staff/newsletter-issues/${issue.body.id}/test`))
        .status,
    ).toBe(200);
    const sent = await staff.client.post<{ status: string; recipients: number }>(
      `/api/orgs/${town.id}/citizen/staff/newsletter-issues/${issue.body.id}/send`,
    );
    expect(sent.body).toMatchObject({ status: 'sent', recipients: 2 });
    expect(
      (await staff.client.post(`/api/orgs/${town.id}/citizen/staff/newsletter-issues/${issue.body.id}/send`))
        .status,
    ).toBe(409);
    await drain();
    const delivery = await staff.client.get<{
      progress: { total: number; sent: number; done: boolean };
      recipients: Array<{ to: string; status: string }>;
    }>(`/api/orgs/${town.id}/citizen/staff/newsletter-issues/${issue.body.id}/delivery`);
    expect(delivery.body.progress).toMatchObject({ total: 2, sent: 2, done: true });
    expect(delivery.body.recipients.map((r) => r.to).sort()).toEqual(
      [member.email, 'marie.tremblay@example.test'].sort(),
    );
    const mails = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.template, 'citizen.newsletter_issue'));
    const toMarie = mails.find(
      (m) => m.toAddress === 'marie.tremblay@example.test' && !m.subject.startsWith('[TEST]'),
    );
    expect(toMarie?.subject).toBe('This week’s roadworks');
    expect(toMarie?.unsubscribeUrl).toContain('/api/notify/unsubscribe/');
    const listToken = /desabonner\?token=([A-Za-z0-9_-]+)/.exec(toMarie?.textBody ?? '')?.[1] ?? '';
    const left = await visitor.post<{ list: { en: string } }>(
      `/api/orgs/${town.id}/citizen/newsletters/unsubscribe/${listToken}`,
    );
    expect(left.body.list.en).toBe('Public works');
    const [after] = await ctx.db
      .select()
      .from(newsletterSubscriptions)
      .where(eq(newsletterSubscriptions.email, 'marie.tremblay@example.test'));
    expect(after?.status).toBe('unsubscribed');
    expect(
      (await visitor.post(`/api/orgs/${town.id}/citizen/newsletters/unsubscribe/${listToken.slice(0, -2)}AA`))
        .status,
    ).toBe(404);

    const archive = await ctx
      .client()
      .get<{ items: Array<{ id: string }> }>(`/api/orgs/${town.id}/citizen/newsletters/archive`);
    expect(archive.body.items.map((i) => i.id)).toEqual([issue.body.id]);
  });

  it('another town cannot see or send this town’s issues; citizens cannot use staff routes', async () => {
    const { town, staff, listId } = await townWithList();
    const issue = await staff.client.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/newsletter-issues`,
      {
        listId,
        subject: bi('Sujet', 'Subject'),
        body: bi('Texte', 'Text'),
      },
    );
    const other = await createTown(ctx.db, 'Autre');
    const foreign = await staffOf(ctx, other.id, 'clerk');
    expect(
      (
        await foreign.client.post(
          `/api/orgs/${town.id}/citizen/staff/newsletter-issues/${issue.body.id}/send`,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await foreign.client.post(
          `/api/orgs/${other.id}/citizen/staff/newsletter-issues/${issue.body.id}/send`,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await foreign.client.get(
          `/api/orgs/${other.id}/citizen/staff/newsletter-issues/${issue.body.id}/delivery`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await foreign.client.post(`/api/orgs/${other.id}/citizen/staff/newsletter-issues`, {
          listId,
          subject: bi('a', 'a'),
          body: bi('a', 'a'),
        })
      ).status,
    ).toBe(404);
    const citizen = ctx.client();
    await signInAs(ctx.db, citizen, await createAccount(ctx.db));
    expect((await citizen.get(`/api/orgs/${town.id}/citizen/staff/newsletter-issues`)).status).toBe(403);
    expect(
      (await ctx.client().get(`/api/orgs/${town.id}/citizen/newsletters/archive/${issue.body.id}`)).status,
    ).toBe(404);
  });
});
