import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { auditLog } from '../audit/schema.ts';
import { accounts, memberships, sessions } from '../auth/schema.ts';
import { emailMessages } from '../notify/schema.ts';
import { persons } from '../people/schema.ts';
import { deletionRequests } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface RequestBody {
  id: string;
  status: string;
  reason: string | null;
  dueAt: string;
  createdAt: string;
  response: string | null;
}
type Paged<T> = { items: T[]; total: number };

async function citizen(locale: 'fr' | 'en' = 'fr') {
  const account = await createAccount(ctx.db, { locale });
  const client = ctx.client({ locale });
  await signInAs(ctx.db, client, account);
  return { account, client };
}

async function privacyOfficer() {
  const admin = await createAccount(ctx.db, { installationAdmin: true, totp: true });
  const client = ctx.client();
  await signInAs(ctx.db, client, admin, { mfa: true });
  return { admin, client };
}

const messagesTo = (address: string) =>
  ctx.db.select().from(emailMessages).where(eq(emailMessages.toAddress, address));

describe('deletion requests by the person', () => {
  it('opens one request due in 30 days, acknowledges it by e-mail, and refuses a second open one', async () => {
    const { account, client } = await citizen();
    const res = await client.post<RequestBody>('/api/me/deletion-requests', { reason: 'Je déménage.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', reason: 'Je déménage.', response: null });
    const days = (Date.parse(res.body.dueAt) - Date.parse(res.body.createdAt)) / 86_400_000;
    expect(days).toBe(30);

    const ack = await messagesTo(account.email);
    expect(ack.map((m) => m.template)).toContain('privacy.deletion_received');

    const again = await client.post<{ error: { code: string } }>('/api/me/deletion-requests', {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('privacy.request_open');

    const mine = await client.get<Paged<RequestBody>>('/api/me/deletion-requests');
    expect(mine.body.items.map((r) => r.id)).toEqual([res.body.id]);
    const other = await citizen();
    const theirs = await other.client.get<Paged<RequestBody>>('/api/me/deletion-requests');
    expect(theirs.body.items).toEqual([]);
  });

  it('lets two simultaneous clicks create only one open request', async () => {
    const { account, client } = await citizen();
    await client.refreshCsrf();
    const [r1, r2] = await Promise.all([
      client.post('/api/me/deletion-requests', {}),
      client.post('/api/me/deletion-requests', {}),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([201, 409]);
    const rows = await ctx.db
      .select()
      .from(deletionRequests)
      .where(eq(deletionRequests.accountId, account.id));
    expect(rows).toHaveLength(1);
  });
});

describe('deletion requests handled by the privacy officer', () => {
  it('is reserved to installation administrators who passed TOTP', async () => {
    const { client } = await citizen();
    expect((await client.get('/api/admin/deletion-requests')).status).toBe(403);
    const org = await createOrg(ctx.db);
    const orgAdmin = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'admin' }], totp: true });
    const orgClient = ctx.client();
    await signInAs(ctx.db, orgClient, orgAdmin, { mfa: true });
    expect((await orgClient.get('/api/admin/deletion-requests')).status).toBe(403);
    expect((await ctx.client().get('/api/admin/deletion-requests')).status).toBe(401);
  });

  it('lists open requests, nearest deadline first', async () => {
    const first = await citizen();
    const second = await citizen();
    const r1 = await first.client.post<RequestBody>('/api/me/deletion-requests', {});
    const r2 = await second.client.post<RequestBody>('/api/me/deletion-requests', {});
    // The second one is older (received by mail and entered late): its deadline comes first.
    await ctx.db
      .update(deletionRequests)
      .set({ dueAt: sql`now() - interval '1 day'` })
      .where(eq(deletionRequests.id, r2.body.id));
    const { client } = await privacyOfficer();
    const res = await client.get<Paged<RequestBody & { email: string }>>(
      '/api/admin/deletion-requests?status=open&perPage=200',
    );
    expect(res.status).toBe(200);
    const ids = res.body.items.map((r) => r.id);
    expect(ids.indexOf(r2.body.id)).toBeLessThan(ids.indexOf(r1.body.id));
    expect(ids.indexOf(r2.body.id)).toBe(0);
    expect(res.body.items.every((r) => r.status === 'open')).toBe(true);
    expect(res.body.items.find((r) => r.id === r1.body.id)?.email).toBe(first.account.email);
  });

  it('completes a request: bilingual confirmation first, then the account is anonymised; audit rows stay', async () => {
    const org = await createOrg(ctx.db);
    const { account, client } = await citizen('en');
    await client.patch('/api/me/profile', { phone: '819 555-0123' });
    const child = await client.post<{ id: string }>('/api/me/household/dependants', {
      givenName: 'Olivier',
      familyName: 'Côté',
      birthDate: '2014-02-02',
    });
    await ctx.db.insert(memberships).values({ orgId: org.id, accountId: account.id, role: 'recreation' });
    await recordAudit(ctx.db, {
      orgId: org.id,
      actorAccountId: null,
      action: 'test.file_viewed',
      subjectAccountId: account.id,
    });
    const request = await client.post<RequestBody>('/api/me/deletion-requests', {});
    expect(request.status).toBe(201);
    // Secrets to clear (set after the request: a TOTP account's session would need its code first).
    await ctx.db
      .update(accounts)
      .set({ passwordHash: 'argon2-hash', totpSecret: 'SECRET', totpEnabledAt: new Date() })
      .where(eq(accounts.id, account.id));

    const officer = await privacyOfficer();
    const done = await officer.client.post<RequestBody>(
      `/api/admin/deletion-requests/${request.body.id}/complete`,
      {
        response: 'Vos données ont été supprimées.',
      },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', response: 'Vos données ont été supprimées.' });

    // The confirmation went to the real address, in both languages (the person's first).
    const [confirmation] = (await messagesTo(account.email)).filter(
      (m) => m.template === 'privacy.deletion_completed',
    );
    expect(confirmation).toBeDefined();
    expect(confirmation?.subject).toBe('Your account has been deleted / Votre compte a été supprimé');
    const text = confirmation?.textBody ?? '';
    expect(text.indexOf('Your deletion request has been handled')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Votre demande de suppression a été traitée')).toBeGreaterThan(
      text.indexOf('Your deletion request has been handled'),
    );
    expect(text).toContain('Vos données ont été supprimées.');

    const [after] = await ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after).toMatchObject({
      email: `deleted-${account.id}@invalid`,
      givenName: 'Compte supprimé',
      familyName: '',
      phone: null,
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      emailVerifiedAt: null,
    });
    expect(after?.disabledAt).not.toBeNull();
    expect(await ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id))).toEqual([]);
    expect(await ctx.db.select().from(memberships).where(eq(memberships.accountId, account.id))).toEqual([]);
    expect(await ctx.db.select().from(persons).where(eq(persons.id, child.body.id))).toEqual([]);
    expect(await ctx.db.select().from(persons).where(eq(persons.accountId, account.id))).toEqual([]);
    expect((await client.get('/api/me/profile')).status).toBe(401);

    const kept = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectAccountId, account.id));
    expect(kept.map((k) => k.action)).toEqual(
      expect.arrayContaining(['test.file_viewed', 'privacy.deletion_completed']),
    );
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.deletion_completed'), eq(auditLog.targetId, request.body.id)));
    expect(entry?.actorAccountId).toBe(officer.admin.id);

    const twice = await officer.client.post<{ error: { code: string } }>(
      `/api/admin/deletion-requests/${request.body.id}/complete`,
      { response: 'Encore' },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('privacy.request_closed');

    // The confirmation is delivered (outbox mode) even though the account no longer has the address.
    await ctx.jobs.runPending();
    const [sent] = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.id, confirmation?.id ?? ''));
    expect(sent?.status).toBe('sent');
  });

  it('keeps a child who still has another parent in the household', async () => {
    const { account, client } = await citizen();
    const child = await client.post<{ id: string }>('/api/me/household/dependants', {
      givenName: 'Rose',
      familyName: 'Lavoie',
      birthDate: '2019-08-08',
    });
    const coParent = await createAccount(ctx.db);
    await ctx.db
      .update(persons)
      .set({ householdId: account.householdId })
      .where(eq(persons.accountId, coParent.id));
    const request = await client.post<RequestBody>('/api/me/deletion-requests', {});
    const officer = await privacyOfficer();
    const done = await officer.client.post(`/api/admin/deletion-requests/${request.body.id}/complete`, {
      response: 'Fait.',
    });
    expect(done.status).toBe(200);
    const [stays] = await ctx.db.select().from(persons).where(eq(persons.id, child.body.id));
    expect(stays?.householdId).toBe(account.householdId);
  });

  it('refuses a request with a reason e-mailed to the person, and audits it', async () => {
    const { account, client } = await citizen('fr');
    const request = await client.post<RequestBody>('/api/me/deletion-requests', {});
    const officer = await privacyOfficer();
    const citizenTries = await client.post(`/api/admin/deletion-requests/${request.body.id}/refuse`, {
      response: 'Non',
    });
    expect(citizenTries.status).toBe(403);
    const res = await officer.client.post<RequestBody>(
      `/api/admin/deletion-requests/${request.body.id}/refuse`,
      {
        response: 'Un dossier de taxation est en cours.',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('refused');
    const refusal = (await messagesTo(account.email)).find((m) => m.template === 'privacy.deletion_refused');
    expect(refusal?.textBody).toContain('Un dossier de taxation est en cours.');
    expect(refusal?.subject).toBe('Réponse à votre demande de suppression');
    const [still] = await ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(still?.email).toBe(account.email);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.deletion_refused'), eq(auditLog.subjectAccountId, account.id)));
    expect(audited).toHaveLength(1);
    // A refused request is closed: the person may ask again.
    expect((await client.post('/api/me/deletion-requests', {})).status).toBe(201);
  });

  it('answers 404 for an unknown request', async () => {
    const officer = await privacyOfficer();
    const res = await officer.client.post<{ error: { code: string } }>(
      '/api/admin/deletion-requests/0190a1b2-0000-7000-8000-000000000000/complete',
      { response: 'x' },
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('privacy.request_not_found');
  });
});
