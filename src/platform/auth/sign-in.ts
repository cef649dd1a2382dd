import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { auditAccountEvent, findAccountByEmail } from './accounts.ts';
import { sendCode } from './one-time-codes.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import { type SessionOrigin, type SignedIn, startSession } from './start-session.ts';
import { assertNotThrottled, clearSignInFailures, recordSignInFailure } from './throttle.ts';

/**
 * Signs in with e-mail and password. After too many recent failures for the address the answer is
 * 429 whatever the password; unknown addresses cost the same time as known ones. With TOTP turned on,
 * the new session waits for the code (`mfaPending`).
 */
export async function signIn(options: {
  db: Database;
  jobs: JobQueue;
  origin: SessionOrigin;
  input: { email: string; password: string };
}): Promise<SignedIn> {
  const { db, jobs, origin, input } = options;
  await assertNotThrottled(db, input.email);
  const account = await findAccountByEmail(db, input.email);
  let valid = false;
  if (account?.passwordHash) valid = await verifyPassword(account.passwordHash, input.password);
  else await verifyDecoy(input.password);
  if (!account || !valid) {
    await recordSignInFailure(db, input.email, origin.ip);
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (account.disabledAt) throw new AppError('auth.account_disabled', 403);
  if (!account.emailVerifiedAt) {
    await sendCode(
      { db, jobs },
      { email: account.email, locale: account.locale, givenName: account.givenName },
      'verify_email',
    );
    throw new AppError('auth.email_not_verified', 403);
  }
  // With TOTP on, failures are forgotten only once the code is entered, or they would never add up.
  if (!account.totpEnabledAt) await clearSignInFailures(db, account.email);
  const signedIn = await startSession({ db, accountId: account.id, origin, mfa: false });
  await auditAccountEvent(db, {
    accountId: account.id,
    action: 'auth.sign_in',
    ip: origin.ip,
    details: { method: 'password', mfaPending: signedIn.auth.account.totpEnabled },
  });
  return signedIn;
}
