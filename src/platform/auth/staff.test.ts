import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { memberships } from './schema.ts';
import type { ErrorReply } from './test-support.ts';

let ctx: TestContext;
let orgA: { id: string };
let orgB: { id: string };
let adminA: TestAccount;
let adminB: TestAccount;
let clerkA: TestAccount;

type StaffRow = { accountId: string; email: string; givenName: string; familyName: string; roles: string[] };

async function clientFor(account: TestAccount, options: { mfa?: boolean; locale?: 'fr' | 'en' } = {}) {
  const client = ctx.client({ locale: options.locale ?? 'en' });
  await signInAs(ctx.db, client, account, { mfa: options.mfa ?? true });
  return client;
}

beforeAll(async () => {
  ctx = await createTestContext();
  orgA = await createOrg(ctx.db);
  orgB = await createOrg(ctx.db);
  adminA = await createAccount(ctx.db, { totp: true, roles: [{ orgId: orgA.id, role: 'admin' }] });
  adminB = await createAccount(ctx.db, { totp: true, roles: [{ orgId: orgB.id, role: 'admin' }] });
  clerkA = await createAccount(ctx.db, { roles: [{ orgId: orgA.id, role: 'clerk' }] });
});
afterAll(async () => ctx?.close());

describe('staff roles per organisation', () => {
  it('lets the organisation’s administrator list, grant and revoke roles, each change audited', async () => {
    const admin = await clientFor(adminA);
    const list = await admin.get<StaffRow[]>(`/api/orgs/${orgA.id}/staff`);
    expect(list.status).toBe(200);
    expect(list.body.map((s) => s.accountId).sort()).toEqual([adminA.id, clerkA.id].sort());
    expect(list.body.find((s) => s.accountId === clerkA.id)?.roles).toEqual(['clerk']);

    const newcomer = await createAccount(ctx.db);
    const granted = await admin.post<StaffRow>(`/api/orgs/${orgA.id}/staff`, {
      email: newcomer.email.toUpperCase(),
      role: 'recreation',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      accountId: newcomer.id,
      email: newcomer.email,
      roles: ['recreation'],
    });
    const both = await admin.post<StaffRow>(`/api/orgs/${orgA.id}/staff`, {
      email: newcomer.email,
      role: 'treasury',
    });
    expect(both.body.roles.sort()).toEqual(['recreation', 'treasury']);

    const revoked = await admin.delete(`/api/orgs/${orgA.id}/staff/${newcomer.id}/roles/recreation`);
    expect(revoked.status).toBe(204);
    const after = await admin.get<StaffRow[]>(`/api/orgs/${orgA.id}/staff`);
    expect(after.body.find((s) => s.accountId === newcomer.id)?.roles).toEqual(['treasury']);
    const missing = await admin.delete<ErrorReply>(
      `/api/orgs/${orgA.id}/staff/${newcomer.id}/roles/recreation`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('staff.role_not_found');

    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgA.id), eq(auditLog.subjectAccountId, newcomer.id)));
    expect(entries.map((e) => [e.action, e.details?.role, e.actorAccountId]).sort()).toEqual(
      [
        ['staff.role_granted', 'recreation', adminA.id],
        ['staff.role_granted', 'treasury', adminA.id],
        ['staff.role_revoked', 'recreation', adminA.id],
      ].sort(),
    );
  });

  it('refuses an address without an account, in French and English', async () => {
    const en = await (await clientFor(adminA)).post<ErrorReply>(`/api/orgs/${orgA.id}/staff`, {
      email: 'personne@example.test',
      role: 'clerk',
    });
    expect(en.status).toBe(404);
    expect(en.body.error).toEqual({
      code: 'staff.account_not_found',
      message: 'No account uses this e-mail. The person must sign up first.',
    });
    const fr = await (await clientFor(adminA, { locale: 'fr' })).post<ErrorReply>(
      `/api/orgs/${orgA.id}/staff`,
      {
        email: 'personne@example.test',
        role: 'clerk',
      },
    );
    expect(fr.body.error.message).toBe(
      'Aucun compte n’utilise ce courriel. La personne doit d’abord s’inscrire.',
    );
  });

  it('keeps the last administrator', async () => {
    const admin = await clientFor(adminA);
    const res = await admin.delete<ErrorReply>(`/api/orgs/${orgA.id}/staff/${adminA.id}/roles/admin`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('staff.last_admin');
  });

  it('asks an administrator without TOTP to enrol first', async () => {
    const noTotp = await createAccount(ctx.db, { roles: [{ orgId: orgA.id, role: 'admin' }] });
    const client = await clientFor(noTotp, { mfa: false });
    const res = await client.get<ErrorReply>(`/api/orgs/${orgA.id}/staff`);
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: 'auth.totp_enrollment_required',
      message: 'Administrators must turn on two-factor authentication before continuing.',
    });
    const fr = ctx.client({ locale: 'fr' });
    await signInAs(ctx.db, fr, noTotp);
    expect((await fr.get<ErrorReply>(`/api/orgs/${orgA.id}/staff`)).body.error.message).toBe(
      'Les administrateurs doivent activer la double authentification avant de continuer.',
    );
    // An administrator with TOTP who has not entered the code in this session is refused too.
    const pending = await clientFor(adminA, { mfa: false });
    const waiting = await pending.get<ErrorReply>(`/api/orgs/${orgA.id}/staff`);
    expect(waiting.status).toBe(403);
    expect(waiting.body.error.code).toBe('auth.totp_required');
  });

  it('keeps one organisation’s staff out of another’s, and citizens out of all', async () => {
    const target = await createAccount(ctx.db, { roles: [{ orgId: orgB.id, role: 'clerk' }] });
    const citizen = await createAccount(ctx.db);
    const outsiders: Array<[string, TestClient]> = [
      ['admin of A', await clientFor(adminA)],
      ['clerk of A', await clientFor(clerkA)],
      ['citizen', await clientFor(citizen)],
    ];
    for (const [who, client] of outsiders) {
      const list = await client.get<ErrorReply>(`/api/orgs/${orgB.id}/staff`);
      expect(list.status, who).toBe(403);
      expect(list.body.error.code, who).toBe('auth.forbidden');
      const grant = await client.post(`/api/orgs/${orgB.id}/staff`, { email: citizen.email, role: 'admin' });
      expect(grant.status, who).toBe(403);
      const revoke = await client.delete(`/api/orgs/${orgB.id}/staff/${target.id}/roles/clerk`);
      expect(revoke.status, who).toBe(403);
    }
    // A clerk of A cannot manage A's staff either.
    expect((await (await clientFor(clerkA)).get(`/api/orgs/${orgA.id}/staff`)).status).toBe(403);
    expect((await ctx.client().get(`/api/orgs/${orgA.id}/staff`)).status).toBe(401);

    const rows = await ctx.db.select().from(memberships).where(eq(memberships.orgId, orgB.id));
    expect(rows.map((r) => [r.accountId, r.role]).sort()).toEqual(
      [
        [adminB.id, 'admin'],
        [target.id, 'clerk'],
      ].sort(),
    );
  });

  it('lets an installation administrator manage any organisation’s staff', async () => {
    const installer = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const client = await clientFor(installer);
    const helper = await createAccount(ctx.db);
    const res = await client.post<StaffRow>(`/api/orgs/${orgB.id}/staff`, {
      email: helper.email,
      role: 'elected',
    });
    expect(res.status).toBe(201);
    expect(
      (await client.get<StaffRow[]>(`/api/orgs/${orgB.id}/staff`)).body.map((s) => s.accountId),
    ).toContain(helper.id);
    const unknown = await client.get<ErrorReply>('/api/orgs/00000000-0000-7000-8000-000000000000/staff');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('org.not_found');
    const noMfa = await clientFor(installer, { mfa: false });
    expect((await noMfa.get(`/api/orgs/${orgB.id}/staff`)).status).toBe(403);
  });
});
