import { isNull, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { mine } from './list-inbox.ts';
import { notificationMessages } from './schema.ts';

/** Marks every unread message of the person's inbox read; returns how many. */
export async function readAllInbox(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<{ updated: number }> {
  const who = requireAccount(options.auth);
  const rows = await options.db
    .update(notificationMessages)
    .set({ readAt: sql`now()` })
    .where(mine(who.account.id, isNull(notificationMessages.readAt)))
    .returning({ id: notificationMessages.id });
  return { updated: rows.length };
}
