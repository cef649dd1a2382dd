import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { sessionIdOf } from './context.ts';
import { hashPassword } from './passwords.ts';
import { sessions, signInFailures } from './schema.ts';
import type { SessionBody } from './session-body.ts';
import { type ErrorReply, GOOD_PASSWORD, SESSION_COOKIE, signInWithPassword } from './test-support.ts';

let ctx: TestContext;
let passwordHash: string;
beforeAll(async () => {
  ctx = await createTestContext();
  passwordHash = await hashPassword(GOOD_PASSWORD);
});
afterAll(async () => ctx?.close());

const sessionRow = async (token: string | undefined) => {
  if (!token) return undefined;
  const [row] = await ctx.db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sessionIdOf(token)));
  return row;
};

describe('password sign-in', () => {
  it('signs in with the right password and refuses a wrong one or an unknown address alike', async () => {
    const account = await createAccount(ctx.db, { passwordHash, email: 'Marc.Roy@example.test' });
    const client = ctx.client({ locale: 'en' });
    const ok = await signInWithPassword(client, 'marc.roy@EXAMPLE.test', GOOD_PASSWORD, '198.51.100.1');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ account: { id: account.id }, mfa: false, mfaPending: false });
    const row = await sessionRow(client.cookie(SESSION_COOKIE));
    expect(row).toMatchObject({ accountId: account.id, ip: '198.51.100.1' });
    // A citizen's own sign-in is not a staff action: nothing in the audit log.
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.actorAccountId, account.id))).toEqual([]);

    const wrong = await signInWithPassword(
      ctx.client({ locale: 'en' }),
      account.email,
      'Pas-le-bon*mot-de-passe',
    );
    const unknown = await signInWithPassword(
      ctx.client({ locale: 'en' }),
      'personne@example.test',
      GOOD_PASSWORD,
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({
      code: 'auth.invalid_credentials',
      message: 'Incorrect e-mail or password.',
    });
    const fr = await signInWithPassword(
      ctx.client({ locale: 'fr' }),
      account.email,
      'Pas-le-bon*mot-de-passe',
    );
    expect(fr.body.error?.message).toBe('Courriel ou mot de passe incorrect.');
  });

  it('throttles brute force: after five failures even the right password gets 429', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    // Each attempt from another address: the per-address route limit is not what is tested here.
    for (let i = 0; i < 5; i++) {
      const res = await signInWithPassword(
        ctx.client(),
        account.email,
        `Mauvais-essai-${i}-xyz`,
        `203.0.113.${i + 1}`,
      );
      expect(res.status).toBe(401);
    }
    const [failures] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInFailures)
      .where(eq(signInFailures.email, account.email));
    expect(failures?.n).toBe(5);

    const sixth = await signInWithPassword(
      ctx.client({ locale: 'en' }),
      account.email,
      GOOD_PASSWORD,
      '203.0.113.9',
    );
    expect(sixth.status).toBe(429);
    expect(sixth.body.error?.code).toBe('auth.too_many_failures');
    expect(sixth.body.error?.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes/);
    const fr = await signInWithPassword(
      ctx.client({ locale: 'fr' }),
      account.email,
      GOOD_PASSWORD,
      '203.0.113.9',
    );
    expect(fr.body.error?.message).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ minutes/);
    expect(await ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id))).toEqual([]);

    // Other addresses are not affected.
    const other = await createAccount(ctx.db, { passwordHash });
    expect((await signInWithPassword(ctx.client(), other.email, GOOD_PASSWORD, '203.0.113.9')).status).toBe(
      200,
    );
  });

  it('changes the session id at sign-in: the earlier cookie and its row are gone', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    const client = ctx.client();
    await signInAs(ctx.db, client, account);
    const before = client.cookie(SESSION_COOKIE);
    expect(await sessionRow(before)).toBeDefined();

    const res = await signInWithPassword(client, account.email, GOOD_PASSWORD);
    expect(res.status).toBe(200);
    const after = client.cookie(SESSION_COOKIE);
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect(await sessionRow(before)).toBeUndefined();
    expect(await sessionRow(after)).toMatchObject({ accountId: account.id });

    // Replaying the earlier cookie signs nobody in.
    const replay = ctx.client();
    if (before) replay.setCookie(SESSION_COOKIE, before);
    expect((await replay.get<SessionBody>('/api/session')).body.account).toBeNull();
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax with the __Host- prefix', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    const res = await signInWithPassword(ctx.client(), account.email, GOOD_PASSWORD);
    const setCookie = [res.headers['set-cookie']]
      .flat()
      .find((c) => String(c).startsWith(`${SESSION_COOKIE}=`));
    expect(String(setCookie)).toMatch(/HttpOnly/i);
    expect(String(setCookie)).toMatch(/Secure/i);
    expect(String(setCookie)).toMatch(/SameSite=Lax/i);
    expect(String(setCookie)).toMatch(/Path=\//i);
  });

  it('requires the CSRF token for sign-in', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    const client = ctx.client({ locale: 'en' });
    client.sendCsrf = false;
    const res = await client.post<ErrorReply>('/api/auth/sign-in', {
      email: account.email,
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: 'csrf.invalid',
      message: 'The page has expired. Reload it and try again.',
    });
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
  });
});

describe('sign-out and sessions', () => {
  it('ends the session on the server: the old cookie replayed is anonymous', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    const client = ctx.client();
    await signInWithPassword(client, account.email, GOOD_PASSWORD);
    const token = client.cookie(SESSION_COOKIE);
    expect((await client.get<SessionBody>('/api/session')).body.account?.id).toBe(account.id);

    const out = await client.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await sessionRow(token)).toBeUndefined();

    const replay = ctx.client();
    if (token) replay.setCookie(SESSION_COOKIE, token);
    const after = await replay.get<SessionBody>('/api/session');
    expect(after.body).toEqual({ account: null, memberships: [], mfa: false, mfaPending: false });
    expect((await replay.get('/api/auth/sessions')).status).toBe(401);
  });

  it('signs out everywhere', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    const laptop = ctx.client();
    const phone = ctx.client();
    await signInWithPassword(laptop, account.email, GOOD_PASSWORD);
    await signInWithPassword(phone, account.email, GOOD_PASSWORD);
    const other = await createAccount(ctx.db, { passwordHash });
    const stranger = ctx.client();
    await signInAs(ctx.db, stranger, other);

    expect((await phone.post('/api/auth/sign-out-everywhere')).status).toBe(204);
    expect((await laptop.get<SessionBody>('/api/session')).body.account).toBeNull();
    expect((await phone.get<SessionBody>('/api/session')).body.account).toBeNull();
    const left = await ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(left).toEqual([]);
    // Someone else's session is untouched.
    expect((await stranger.get<SessionBody>('/api/session')).body.account?.id).toBe(other.id);
    expect((await ctx.client().post('/api/auth/sign-out-everywhere')).status).toBe(401);
  });

  it('lists one’s own sessions and ends one of them, never someone else’s', async () => {
    const account = await createAccount(ctx.db, { passwordHash });
    const laptop = ctx.client();
    const phone = ctx.client();
    await signInWithPassword(laptop, account.email, GOOD_PASSWORD);
    await phone.raw({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: account.email, password: GOOD_PASSWORD },
      headers: { 'user-agent': 'Téléphone de test' },
    });

    type Row = { id: string; current: boolean; userAgent: string | null; ip: string | null };
    const list = await laptop.get<Row[]>('/api/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s) => s.current)).toHaveLength(1);
    const phoneRow = list.body.find((s) => !s.current);
    expect(phoneRow?.userAgent).toBe('Téléphone de test');
    expect(phoneRow?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(phoneRow?.id).toBe(sessionIdOf(phone.cookie(SESSION_COOKIE) ?? '').slice(0, 16));

    const intruder = await createAccount(ctx.db, { passwordHash });
    const intruderClient = ctx.client();
    await signInAs(ctx.db, intruderClient, intruder);
    const stolen = await intruderClient.delete<ErrorReply>(`/api/auth/sessions/${phoneRow?.id}`);
    expect(stolen.status).toBe(404);
    expect((await phone.get<SessionBody>('/api/session')).body.account?.id).toBe(account.id);

    expect((await laptop.delete(`/api/auth/sessions/${phoneRow?.id}`)).status).toBe(204);
    expect((await phone.get<SessionBody>('/api/session')).body.account).toBeNull();
    const remaining = await laptop.get<Row[]>('/api/auth/sessions');
    expect(remaining.body.map((s) => s.current)).toEqual([true]);
  });
});
