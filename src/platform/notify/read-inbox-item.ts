import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { mine } from './list-inbox.ts';
import { notificationMessages } from './schema.ts';

/** Marks one of the person's inbox messages read (another person's is not found). */
export async function readInboxItem(options: {
  db: Executor;
  auth: AuthContext | null;
  id: string;
}): Promise<{ id: string; readAt: string }> {
  const who = requireAccount(options.auth);
  const [row] = await options.db
    .update(notificationMessages)
    .set({ readAt: sql`coalesce(${notificationMessages.readAt}, now())` })
    .where(mine(who.account.id, eq(notificationMessages.id, options.id)))
    .returning({ id: notificationMessages.id, readAt: notificationMessages.readAt });
  if (!row?.readAt) throw new AppError('notify.inbox_item_not_found', 404);
  return { id: row.id, readAt: row.readAt.toISOString() };
}
