import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditAccountEvent } from './accounts.ts';
import { type AuthContext, loadAuthContext } from './context.ts';
import { requireAccount } from './policies.ts';
import { accounts, sessions } from './schema.ts';
import { matchTotp } from './totp.ts';

/**
 * Turns TOTP on (or moves it to a new device) with a code from the secret set aside by set-up-totp.
 * This session counts as having passed the second factor; the account's other sessions must enter a code.
 */
export async function enableTotp(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  input: { code: string };
}): Promise<AuthContext> {
  const { db } = options;
  const who = requireAccount(options.auth);
  const [row] = await db
    .select({ pending: accounts.totpPendingSecret })
    .from(accounts)
    .where(eq(accounts.id, who.account.id));
  const pending = row?.pending;
  if (!pending) throw new AppError('auth.totp_not_set_up', 409);
  const step = await matchTotp(pending, options.input.code, null);
  if (step === null) throw new AppError('auth.totp_invalid', 400);
  await db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(accounts)
      .set({ totpSecret: pending, totpPendingSecret: null, totpEnabledAt: sql`now()`, totpLastStep: step })
      .where(and(eq(accounts.id, who.account.id), eq(accounts.totpPendingSecret, pending)))
      .returning({ id: accounts.id });
    // Another request enrolled a different secret meanwhile: this code belongs to a stale one.
    if (!enabled) throw new AppError('auth.totp_not_set_up', 409);
    await tx.update(sessions).set({ mfaAt: sql`now()` }).where(eq(sessions.id, who.sessionId));
  });
  await auditAccountEvent(db, {
    accountId: who.account.id,
    action: who.account.totpEnabled ? 'auth.totp_replaced' : 'auth.totp_enabled',
    ip: options.ip,
  });
  const auth = await loadAuthContext(db, who.sessionId);
  if (!auth) throw new Error('session vanished while enabling TOTP');
  return auth;
}
