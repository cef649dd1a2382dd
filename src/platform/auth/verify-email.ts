import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditAccountEvent, findAccountByEmail } from './accounts.ts';
import { consumeCode } from './one-time-codes.ts';
import { accounts } from './schema.ts';
import { type SessionOrigin, type SignedIn, startSession } from './start-session.ts';
import { clearSignInFailures } from './throttle.ts';

/** Confirms a new account's e-mail with the code sent at sign-up, and signs the person in. */
export async function verifyEmail(options: {
  db: Database;
  origin: SessionOrigin;
  input: { email: string; code: string };
}): Promise<SignedIn> {
  const { db, origin, input } = options;
  await consumeCode(db, input.email, 'verify_email', input.code);
  const account = await findAccountByEmail(db, input.email);
  if (!account) throw new AppError('auth.code_invalid', 400);
  if (account.disabledAt) throw new AppError('auth.account_disabled', 403);
  await db
    .update(accounts)
    .set({ emailVerifiedAt: sql`now()` })
    .where(and(eq(accounts.id, account.id), isNull(accounts.emailVerifiedAt)));
  // With TOTP on, failures are forgotten only once the code is entered, or they would never add up.
  if (!account.totpEnabledAt) await clearSignInFailures(db, account.email);
  const signedIn = await startSession({ db, accountId: account.id, origin, mfa: false });
  await auditAccountEvent(db, { accountId: account.id, action: 'auth.email_verified', ip: origin.ip });
  return signedIn;
}
