import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditAccountEvent, findAccountByEmail } from './accounts.ts';
import { consumeCode } from './one-time-codes.ts';
import { accounts } from './schema.ts';
import { type SessionOrigin, type SignedIn, startSession } from './start-session.ts';
import { clearSignInFailures } from './throttle.ts';

/**
 * Signs in with a code e-mailed to the address, which also proves the address. TOTP, when turned on,
 * is still asked for afterwards.
 */
export async function signInWithCode(options: {
  db: Database;
  origin: SessionOrigin;
  input: { email: string; code: string };
}): Promise<SignedIn> {
  const { db, origin, input } = options;
  await consumeCode(db, input.email, 'sign_in', input.code);
  const account = await findAccountByEmail(db, input.email);
  if (!account) throw new AppError('auth.code_invalid', 400);
  if (account.disabledAt) throw new AppError('auth.account_disabled', 403);
  if (!account.emailVerifiedAt) {
    // A password set before anyone proved the address may have been planted by someone else.
    await db
      .update(accounts)
      .set({ emailVerifiedAt: sql`now()`, passwordHash: null })
      .where(eq(accounts.id, account.id));
  }
  if (!account.totpEnabledAt) await clearSignInFailures(db, account.email);
  const signedIn = await startSession({ db, accountId: account.id, origin, mfa: false });
  await auditAccountEvent(db, {
    accountId: account.id,
    action: 'auth.sign_in',
    ip: origin.ip,
    details: { method: 'code', mfaPending: signedIn.auth.account.totpEnabled },
  });
  return signedIn;
}
