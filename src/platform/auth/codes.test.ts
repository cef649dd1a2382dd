import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { emailMessages } from '../notify/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { accounts, oneTimeCodes, sessions } from './schema.ts';
import type { SessionBody } from './session-body.ts';
import {
  type ErrorReply,
  GOOD_PASSWORD,
  latestCode,
  latestEmail,
  postFrom,
  SESSION_COOKIE,
  signInWithPassword,
} from './test-support.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const NEW_PASSWORD = 'Rivière-du-Loup*Traversier-88';

describe('passwordless sign-in by e-mailed code', () => {
  it('signs in with a code that works once, and verifies the address', async () => {
    const account = await createAccount(ctx.db, { locale: 'en', verified: false });
    const client = ctx.client();
    const asked = await client.post('/api/auth/code/request', { email: account.email.toUpperCase() });
    expect(asked.status).toBe(202);
    const message = await latestEmail(ctx.db, account.email, 'auth.sign_in_code');
    expect(message?.locale).toBe('en');
    const code = await latestCode(ctx.db, account.email, 'auth.sign_in_code');
    const [stored] = await ctx.db.select().from(oneTimeCodes).where(eq(oneTimeCodes.email, account.email));
    expect(stored?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.codeHash).not.toContain(code);

    const res = await client.post<SessionBody>('/api/auth/code/sign-in', { email: account.email, code });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ id: account.id, emailVerified: true });
    expect(client.cookie(SESSION_COOKIE)).toBeTruthy();

    const reused = await ctx
      .client()
      .post<ErrorReply>('/api/auth/code/sign-in', { email: account.email, code });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('auth.code_invalid');
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const res = await ctx.client().post('/api/auth/code/request', { email: 'inconnu@example.test' });
    expect(res.status).toBe(202);
    const sent = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'inconnu@example.test'));
    expect(sent).toEqual([]);
  });

  it('keeps only the latest code valid', async () => {
    const account = await createAccount(ctx.db);
    await ctx.client().post('/api/auth/code/request', { email: account.email });
    const first = await latestCode(ctx.db, account.email, 'auth.sign_in_code');
    await ctx.client().post('/api/auth/code/request', { email: account.email });
    const second = await latestCode(ctx.db, account.email, 'auth.sign_in_code');
    if (first !== second) {
      const old = await ctx.client().post('/api/auth/code/sign-in', { email: account.email, code: first });
      expect(old.status).toBe(400);
    }
    const latest = await ctx.client().post('/api/auth/code/sign-in', { email: account.email, code: second });
    expect(latest.status).toBe(200);
  });

  it('rate-limits code requests per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await postFrom<ErrorReply>(
        ctx.client({ locale: 'en' }),
        '192.0.2.77',
        '/api/auth/code/request',
        {
          email: `flood-${i}@example.test`,
        },
      );
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.error.code).toBe('rate_limited');
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address is still served.
    expect(
      (await postFrom(ctx.client(), '192.0.2.78', '/api/auth/code/request', { email: 'x@example.test' }))
        .status,
    ).toBe(202);
  });
});

describe('password reset', () => {
  it('resets with an e-mailed code and ends every other session of the account', async () => {
    const account = await createAccount(ctx.db, { passwordHash: await hashPassword(GOOD_PASSWORD) });
    const elsewhere = ctx.client();
    await signInAs(ctx.db, elsewhere, account);
    const stranger = await createAccount(ctx.db);
    const strangerClient = ctx.client();
    await signInAs(ctx.db, strangerClient, stranger);

    const client = ctx.client({ locale: 'en' });
    expect((await client.post('/api/auth/password/reset-request', { email: account.email })).status).toBe(
      202,
    );
    const code = await latestCode(ctx.db, account.email, 'auth.reset_code');

    // A weak new password is refused without using up the code.
    const weak = await client.post<ErrorReply>('/api/auth/password/reset', {
      email: account.email,
      code,
      password: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('auth.password_too_common');

    const res = await client.post('/api/auth/password/reset', {
      email: account.email,
      code,
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'password_changed' });

    expect((await elsewhere.get<SessionBody>('/api/session')).body.account).toBeNull();
    expect(await ctx.db.select().from(sessions).where(eq(sessions.accountId, account.id))).toEqual([]);
    expect((await strangerClient.get<SessionBody>('/api/session')).body.account?.id).toBe(stranger.id);

    const [row] = await ctx.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(await verifyPassword(row?.passwordHash ?? '', NEW_PASSWORD)).toBe(true);
    expect((await signInWithPassword(ctx.client(), account.email, GOOD_PASSWORD)).status).toBe(401);
    expect((await signInWithPassword(ctx.client(), account.email, NEW_PASSWORD)).status).toBe(200);
    expect((await latestEmail(ctx.db, account.email))?.template).toBe('auth.password_changed');

    const again = await client.post<ErrorReply>('/api/auth/password/reset', {
      email: account.email,
      code,
      password: 'Encore*Un-autre-mot-de-passe-5',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Invalid or expired code. Ask for a new code.');
  });

  it('keeps the session of the browser that resets when it belongs to the account', async () => {
    const account = await createAccount(ctx.db, { passwordHash: await hashPassword(GOOD_PASSWORD) });
    const client = ctx.client();
    await signInAs(ctx.db, client, account);
    const other = ctx.client();
    await signInAs(ctx.db, other, account);
    await client.post('/api/auth/password/reset-request', { email: account.email });
    const code = await latestCode(ctx.db, account.email, 'auth.reset_code');
    expect(
      (await client.post('/api/auth/password/reset', { email: account.email, code, password: NEW_PASSWORD }))
        .status,
    ).toBe(200);
    expect((await client.get<SessionBody>('/api/session')).body.account?.id).toBe(account.id);
    expect((await other.get<SessionBody>('/api/session')).body.account).toBeNull();
    const [count] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(eq(sessions.accountId, account.id));
    expect(count?.n).toBe(1);
  });
});
