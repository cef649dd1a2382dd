import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { sessionIdOf } from './context.ts';
import { hashPassword } from './passwords.ts';
import { accounts, sessions } from './schema.ts';
import type { SessionBody } from './session-body.ts';
import {
  type ErrorReply,
  GOOD_PASSWORD,
  SESSION_COOKIE,
  signInWithPassword,
  wrongTotpCode,
} from './test-support.ts';

let ctx: TestContext;
let passwordHash: string;
beforeAll(async () => {
  ctx = await createTestContext();
  passwordHash = await hashPassword(GOOD_PASSWORD);
});
afterAll(async () => ctx?.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('TOTP', () => {
  it('sets up, enables, then asks for the code at the next sign-in; a used code cannot be replayed', async () => {
    const org = await createOrg(ctx.db);
    const account = await createAccount(ctx.db, { passwordHash, roles: [{ orgId: org.id, role: 'clerk' }] });
    const client = ctx.client({ locale: 'en' });
    expect((await signInWithPassword(client, account.email, GOOD_PASSWORD)).body.mfaPending).toBe(false);

    const setup = await client.post<{ secret: string; otpauthUri: string; qrDataUrl: string }>(
      '/api/auth/totp/setup',
    );
    expect(setup.status).toBe(200);
    const { secret } = setup.body;
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Civique:/);
    expect(setup.body.otpauthUri).toContain(`secret=${secret}`);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const [pending] = await ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(pending).toMatchObject({ totpPendingSecret: secret, totpEnabledAt: null, totpSecret: null });

    const wrong = await client.post<ErrorReply>('/api/auth/totp/enable', {
      code: await wrongTotpCode(secret),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toEqual({
      code: 'auth.totp_invalid',
      message: 'Incorrect authentication code.',
    });
    const enabled = await client.post<SessionBody>('/api/auth/totp/enable', {
      code: await generate({ secret }),
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ account: { totpEnabled: true }, mfa: true, mfaPending: false });

    // Next sign-in: the password alone leaves the session waiting for the code.
    const laptop = ctx.client({ locale: 'en' });
    const first = await signInWithPassword(laptop, account.email, GOOD_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfa: false, mfaPending: true });
    expect((await laptop.get<SessionBody>('/api/session')).body.mfaPending).toBe(true);
    const blocked = await laptop.get<ErrorReply>('/api/auth/sessions');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('auth.totp_required');
    const pendingToken = laptop.cookie(SESSION_COOKIE) ?? '';

    // The next time step's code, computed here as the person's app would.
    const code = await generate({ secret, epoch: nowSeconds() + 30 });
    const verified = await laptop.post<SessionBody>('/api/auth/totp/verify', { code });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ account: { id: account.id }, mfa: true, mfaPending: false });
    // The session gets a new id once the second factor is passed.
    expect(laptop.cookie(SESSION_COOKIE)).not.toBe(pendingToken);
    expect(
      await ctx.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdOf(pendingToken))),
    ).toEqual([]);
    expect((await laptop.get('/api/auth/sessions')).status).toBe(200);

    const phone = ctx.client({ locale: 'fr' });
    await signInWithPassword(phone, account.email, GOOD_PASSWORD);
    const replay = await phone.post<ErrorReply>('/api/auth/totp/verify', { code });
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toBe('Code d’authentification incorrect.');

    const actions = (await ctx.db.select().from(auditLog).where(eq(auditLog.actorAccountId, account.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['auth.sign_in', 'auth.totp_enabled', 'auth.totp_verified']),
    );
  });

  it('counts wrong codes as sign-in failures', async () => {
    const account = await createAccount(ctx.db, { passwordHash, totp: true });
    const client = ctx.client({ locale: 'en' });
    await signInWithPassword(client, account.email, GOOD_PASSWORD, '198.51.100.20');
    const secret = account.totpSecret ?? '';
    const right = await generate({ secret });
    const wrong = await wrongTotpCode(secret);
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/auth/totp/verify', { code: wrong })).status).toBe(400);
    }
    const locked = await client.post<ErrorReply>('/api/auth/totp/verify', { code: right });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('auth.too_many_failures');
  });

  it('turns TOTP off for a citizen with a valid code, but never for administrators', async () => {
    const citizen = await createAccount(ctx.db, { totp: true });
    const client = ctx.client();
    await signInAs(ctx.db, client, citizen, { mfa: true });
    const off = await client.post('/api/auth/totp/disable', {
      code: await generate({ secret: citizen.totpSecret ?? '' }),
    });
    expect(off.status).toBe(204);
    expect((await client.get<SessionBody>('/api/session')).body.account?.totpEnabled).toBe(false);

    const org = await createOrg(ctx.db);
    const admin = await createAccount(ctx.db, { totp: true, roles: [{ orgId: org.id, role: 'admin' }] });
    const adminClient = ctx.client({ locale: 'en' });
    await signInAs(ctx.db, adminClient, admin, { mfa: true });
    const refused = await adminClient.post<ErrorReply>('/api/auth/totp/disable', {
      code: await generate({ secret: admin.totpSecret ?? '' }),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'auth.totp_required_for_admins',
      message: 'Administrators must keep two-factor authentication turned on.',
    });

    const installer = await createAccount(ctx.db, { totp: true, installationAdmin: true });
    const installerClient = ctx.client({ locale: 'fr' });
    await signInAs(ctx.db, installerClient, installer, { mfa: true });
    const refusedFr = await installerClient.post<ErrorReply>('/api/auth/totp/disable', {
      code: await generate({ secret: installer.totpSecret ?? '' }),
    });
    expect(refusedFr.status).toBe(403);
    expect(refusedFr.body.error.message).toBe(
      'Les administrateurs doivent garder la double authentification activée.',
    );
    const [still] = await ctx.db.select().from(accounts).where(eq(accounts.id, installer.id));
    expect(still?.totpEnabledAt).not.toBeNull();
  });

  it('asks for set-up before enabling, and for a session before verifying', async () => {
    const account = await createAccount(ctx.db);
    const client = ctx.client({ locale: 'en' });
    await signInAs(ctx.db, client, account);
    const early = await client.post<ErrorReply>('/api/auth/totp/enable', { code: '123456' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('auth.totp_not_set_up');
    expect((await ctx.client().post('/api/auth/totp/verify', { code: '123456' })).status).toBe(401);
    expect((await ctx.client().post('/api/auth/totp/setup')).status).toBe(401);
  });
});
