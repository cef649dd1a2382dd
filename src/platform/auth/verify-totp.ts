import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import { auditAccountEvent } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { accounts } from './schema.ts';
import { type SessionOrigin, type SignedIn, startSession } from './start-session.ts';
import { assertNotThrottled, clearSignInFailures, recordSignInFailure } from './throttle.ts';
import { claimTotpStep, matchTotp } from './totp.ts';

/**
 * Completes a sign-in with the TOTP code. Wrong codes count as sign-in failures of the address, and
 * the session gets a new id now that it carries more rights.
 */
export async function verifyTotp(options: {
  db: Database;
  auth: AuthContext | null;
  origin: SessionOrigin;
  input: { code: string };
}): Promise<SignedIn> {
  const { db, origin } = options;
  // Deliberately not requireAccount: this is how a session waiting for its code gets out of waiting.
  const who = options.auth;
  if (!who) throw unauthenticated();
  const [row] = await db
    .select({ secret: accounts.totpSecret, lastStep: accounts.totpLastStep, email: accounts.email })
    .from(accounts)
    .where(eq(accounts.id, who.account.id));
  if (!row?.secret || !who.account.totpEnabled) throw new AppError('auth.totp_not_enabled', 409);
  await assertNotThrottled(db, row.email);
  const step = await matchTotp(row.secret, options.input.code, row.lastStep);
  if (step === null || !(await claimTotpStep(db, who.account.id, step))) {
    await recordSignInFailure(db, row.email, origin.ip);
    throw new AppError('auth.totp_invalid', 400);
  }
  await clearSignInFailures(db, row.email);
  const signedIn = await startSession({
    db,
    accountId: who.account.id,
    origin: { ...origin, previousSessionId: who.sessionId },
    mfa: true,
  });
  await auditAccountEvent(db, { accountId: who.account.id, action: 'auth.totp_verified', ip: origin.ip });
  return signedIn;
}
