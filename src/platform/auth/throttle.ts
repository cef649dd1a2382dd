import { and, desc, gt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { normalizeEmail } from './accounts.ts';
import { signInFailures } from './schema.ts';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
const WINDOW = sql`${`${FAILURE_WINDOW_MINUTES} minutes`}::interval`;

const sameEmail = (email: string) => sql`lower(${signInFailures.email}) = ${normalizeEmail(email)}`;

/**
 * Refuses a sign-in for an address with MAX_FAILURES failures in the window, whatever the password.
 * Counted in the database (with its clock), so every server process sees the same count.
 */
export async function assertNotThrottled(db: Executor, email: string): Promise<void> {
  // The lock lasts until the MAX_FAILURES-th most recent failure leaves the window.
  const [row] = await db
    .select({ seconds: sql<string>`extract(epoch from (${signInFailures.at} + ${WINDOW} - now()))` })
    .from(signInFailures)
    .where(and(sameEmail(email), gt(signInFailures.at, sql`now() - ${WINDOW}`)))
    .orderBy(desc(signInFailures.at))
    .offset(MAX_FAILURES - 1)
    .limit(1);
  if (!row) return;
  const seconds = Math.max(1, Math.ceil(Number(row.seconds)));
  throw new AppError('auth.too_many_failures', 429, {
    params: { minutes: Math.ceil(seconds / 60) },
    details: { retryAfterSeconds: seconds },
  });
}

/** Records a failed sign-in (wrong password, unknown address or wrong TOTP code). */
export async function recordSignInFailure(db: Executor, email: string, ip: string | null): Promise<void> {
  await db.insert(signInFailures).values({ email: normalizeEmail(email), ip });
}

/** Forgets an address's failures once its owner has proven who they are. */
export async function clearSignInFailures(db: Executor, email: string): Promise<void> {
  await db.delete(signInFailures).where(sameEmail(email));
}
