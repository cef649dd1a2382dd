import { lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { oneTimeCodes, sessions, signInFailures } from './schema.ts';

/** Deletes expired sessions and day-old codes and sign-in failures: nothing is kept past its use. */
export async function purgeAuthRecords(options: { db: Executor }): Promise<void> {
  const { db } = options;
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  await db.delete(oneTimeCodes).where(lt(oneTimeCodes.createdAt, sql`now() - interval '1 day'`));
  await db.delete(signInFailures).where(lt(signInFailures.at, sql`now() - interval '1 day'`));
}
