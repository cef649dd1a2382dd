import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditAccountEvent } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { requireAccount } from './policies.ts';
import { accounts } from './schema.ts';
import { assertNotThrottled, recordSignInFailure } from './throttle.ts';
import { claimTotpStep, matchTotp } from './totp.ts';

/** Turns TOTP off with a current code; administrators (of an organisation or the installation) may not. */
export async function disableTotp(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  input: { code: string };
}): Promise<void> {
  const { db } = options;
  const who = requireAccount(options.auth);
  if (who.account.isInstallationAdmin || who.memberships.some((m) => m.role === 'admin')) {
    throw new AppError('auth.totp_required_for_admins', 403);
  }
  const [row] = await db
    .select({ secret: accounts.totpSecret, lastStep: accounts.totpLastStep, email: accounts.email })
    .from(accounts)
    .where(eq(accounts.id, who.account.id));
  if (!row?.secret || !who.account.totpEnabled) throw new AppError('auth.totp_not_enabled', 409);
  await assertNotThrottled(db, row.email);
  const step = await matchTotp(row.secret, options.input.code, row.lastStep);
  if (step === null || !(await claimTotpStep(db, who.account.id, step))) {
    await recordSignInFailure(db, row.email, options.ip);
    throw new AppError('auth.totp_invalid', 400);
  }
  await db
    .update(accounts)
    .set({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null, totpLastStep: null })
    .where(eq(accounts.id, who.account.id));
  await auditAccountEvent(db, { accountId: who.account.id, action: 'auth.totp_disabled', ip: options.ip });
}
