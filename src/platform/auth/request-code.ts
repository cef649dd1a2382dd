import type { Executor } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { findAccountByEmail } from './accounts.ts';
import { type CodePurpose, sendCode } from './one-time-codes.ts';

/**
 * E-mails a one-time code (passwordless sign-in or password reset) when the address has an active
 * account. The caller answers the same in every case, so nobody learns which addresses have accounts.
 */
export async function requestCode(options: {
  db: Executor;
  jobs: JobQueue;
  purpose: Extract<CodePurpose, 'sign_in' | 'reset_password'>;
  input: { email: string };
}): Promise<void> {
  const { db, jobs } = options;
  const account = await findAccountByEmail(db, options.input.email);
  if (!account || account.disabledAt) return;
  await sendCode(
    { db, jobs },
    { email: account.email, locale: account.locale, givenName: account.givenName },
    options.purpose,
  );
}
