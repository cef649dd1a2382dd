import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sendEmail } from '../notify/send-email.ts';
import { auditAccountEvent, findAccountByEmail, normalizeEmail } from './accounts.ts';
import { PASSWORD_CHANGED_TEMPLATE } from './emails.ts';
import { consumeCode } from './one-time-codes.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';
import { accounts, sessions } from './schema.ts';
import { clearSignInFailures } from './throttle.ts';

/**
 * Sets a new password with a reset code e-mailed to the address. Every other session of the account
 * ends (the one making the request stays if it belongs to the same account); the owner is told by e-mail.
 */
export async function resetPassword(options: {
  db: Database;
  jobs: JobQueue;
  ip: string;
  /** The stored id of the requesting browser's session, if any. */
  currentSessionId: string | null;
  input: { email: string; code: string; password: string };
}): Promise<{ status: 'password_changed' }> {
  const { db, jobs, input } = options;
  const email = normalizeEmail(input.email);
  const account = await findAccountByEmail(db, email);
  // Checked before the code is used up, so a refused password does not cost the person their code.
  await assertAcceptablePassword(input.password, [
    email,
    email.split('@')[0] ?? '',
    account?.givenName ?? '',
    account?.familyName ?? '',
  ]);
  await consumeCode(db, email, 'reset_password', input.code);
  if (!account) throw new AppError('auth.code_invalid', 400);
  if (account.disabledAt) throw new AppError('auth.account_disabled', 403);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? sql`now()` })
      .where(eq(accounts.id, account.id));
    await tx
      .delete(sessions)
      .where(
        options.currentSessionId
          ? and(eq(sessions.accountId, account.id), ne(sessions.id, options.currentSessionId))
          : eq(sessions.accountId, account.id),
      );
  });
  // With TOTP on, only the code itself clears failures (see sign-in).
  if (!account.totpEnabledAt) await clearSignInFailures(db, email);
  await sendEmail(
    { db, jobs },
    {
      to: account.email,
      locale: account.locale,
      template: PASSWORD_CHANGED_TEMPLATE,
      params: { givenName: account.givenName },
    },
  );
  await auditAccountEvent(db, { accountId: account.id, action: 'auth.password_reset', ip: options.ip });
  return { status: 'password_changed' };
}
