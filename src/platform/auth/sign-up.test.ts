import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { persons } from '../people/schema.ts';
import { accounts } from './schema.ts';
import type { SessionBody } from './session-body.ts';
import {
  type ErrorReply,
  GOOD_PASSWORD,
  latestCode,
  latestEmail,
  postFrom,
  SESSION_COOKIE,
} from './test-support.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const person = (email: string) => ({
  email,
  password: GOOD_PASSWORD,
  givenName: 'Élodie',
  familyName: 'Tremblay',
});

describe('sign-up', () => {
  it('creates an unverified account, e-mails a code, and verifying it signs the person in', async () => {
    const client = ctx.client();
    const res = await client.post('/api/auth/sign-up', {
      ...person('Elodie.Tremblay@Example.test'),
      locale: 'fr',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: 'verification_sent' });
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();

    const [account] = await ctx.db
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.email}) = 'elodie.tremblay@example.test'`);
    expect(account?.emailVerifiedAt).toBeNull();
    expect(account?.passwordHash).toMatch(/^\$argon2id\$/);
    const [self] = await ctx.db
      .select()
      .from(persons)
      .where(eq(persons.accountId, account?.id ?? ''));
    expect(self).toMatchObject({ role: 'guardian', givenName: 'Élodie', familyName: 'Tremblay' });

    const email = await latestEmail(ctx.db, 'elodie.tremblay@example.test', 'auth.verify_email');
    expect(email?.locale).toBe('fr');
    expect(email?.textBody).toContain('Pour confirmer votre courriel');

    // Signing in before verifying is refused.
    const early = await client.post<ErrorReply>('/api/auth/sign-in', {
      email: 'elodie.tremblay@example.test',
      password: GOOD_PASSWORD,
    });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('auth.email_not_verified');

    const code = await latestCode(ctx.db, 'elodie.tremblay@example.test', 'auth.verify_email');
    const verified = await client.post<SessionBody>('/api/auth/verify-email', {
      email: 'ELODIE.TREMBLAY@example.test',
      code,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.account).toMatchObject({
      email: 'elodie.tremblay@example.test',
      emailVerified: true,
    });
    expect(client.cookie(SESSION_COOKIE)).toBeTruthy();
    const session = await client.get<SessionBody>('/api/session');
    expect(session.body.account?.id).toBe(account?.id);
    expect(session.body).toMatchObject({ mfa: false, mfaPending: false, memberships: [] });

    // A code works once.
    const again = await ctx.client().post<ErrorReply>('/api/auth/verify-email', {
      email: 'elodie.tremblay@example.test',
      code,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('auth.code_invalid');
  });

  it('refuses short and common passwords with messages in French and English', async () => {
    // From another address than the other tests, so these attempts stay within the route's limit.
    const signUpFrom = (locale: 'fr' | 'en', body: object) =>
      postFrom<ErrorReply>(ctx.client({ locale }), '192.0.2.10', '/api/auth/sign-up', body);
    const fr = await signUpFrom('fr', { ...person('court@example.test'), password: 'Ab1!' });
    expect(fr.status).toBe(400);
    expect(fr.body.error).toEqual({
      code: 'auth.password_too_short',
      message: 'Le mot de passe doit compter au moins 10 caractères.',
    });
    const en = await signUpFrom('en', { ...person('court@example.test'), password: 'Ab1!' });
    expect(en.body.error.message).toBe('The password must be at least 10 characters long.');

    for (const password of ['password123', 'azertyuiop', 'tremblay2024', 'elodietremblay']) {
      const res = await signUpFrom('en', { ...person('commun@example.test'), password });
      expect(res.status, password).toBe(400);
      expect(res.body.error.code, password).toBe('auth.password_too_common');
    }
    const frCommon = await signUpFrom('fr', { ...person('commun@example.test'), password: 'motdepasse1' });
    expect(frCommon.body.error.message).toBe(
      'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.',
    );
    const created = await ctx.db
      .select()
      .from(accounts)
      .where(sql`${accounts.email} in ('court@example.test', 'commun@example.test')`);
    expect(created).toEqual([]);
  });

  it('answers the same for an address that has an account, and tells its owner instead', async () => {
    const first = await ctx
      .client()
      .post('/api/auth/sign-up', { ...person('deja@example.test'), locale: 'en' });
    expect(first.status).toBe(201);
    const code = await latestCode(ctx.db, 'deja@example.test', 'auth.verify_email');
    expect(
      (await ctx.client().post('/api/auth/verify-email', { email: 'deja@example.test', code })).status,
    ).toBe(200);

    const second = await ctx.client().post('/api/auth/sign-up', {
      ...person('Deja@example.test'),
      password: 'Une-autre*Phrase-de-passe-93',
    });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const rows = await ctx.db
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.email}) = 'deja@example.test'`);
    expect(rows).toHaveLength(1);
    const notice = await latestEmail(ctx.db, 'deja@example.test');
    expect(notice?.template).toBe('auth.sign_up_attempt');
    // In the owner's language first, then the other one.
    expect(notice?.textBody.indexOf('Someone tried')).toBeLessThan(
      notice?.textBody.indexOf('Quelqu’un a tenté') ?? 0,
    );
    expect(notice?.textBody).toContain('Quelqu’un a tenté de créer un compte');
    // The original password still works; the one typed by the second sign-up does not.
    const signIn = await ctx
      .client()
      .post('/api/auth/sign-in', { email: 'deja@example.test', password: GOOD_PASSWORD });
    expect(signIn.status).toBe(200);
  });

  it('stops accepting a verification code after five wrong attempts', async () => {
    await ctx.client().post('/api/auth/sign-up', person('essais@example.test'));
    const code = await latestCode(ctx.db, 'essais@example.test', 'auth.verify_email');
    const wrong = code === '000000' ? '111111' : '000000';
    const client = ctx.client({ locale: 'en' });
    for (let i = 0; i < 5; i++) {
      const res = await client.post<ErrorReply>('/api/auth/verify-email', {
        email: 'essais@example.test',
        code: wrong,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('Invalid or expired code. Ask for a new code.');
    }
    const right = await client.post<ErrorReply>('/api/auth/verify-email', {
      email: 'essais@example.test',
      code,
    });
    expect(right.status).toBe(400);
    expect(right.body.error.code).toBe('auth.code_invalid');
  });
});
