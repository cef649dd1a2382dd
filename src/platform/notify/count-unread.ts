import { count, isNull } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { mine } from './list-inbox.ts';
import { notificationMessages } from './schema.ts';

/** How many of the signed-in person's inbox messages are unread (the badge in the web app). */
export async function countUnread(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<{ unread: number }> {
  const who = requireAccount(options.auth);
  const [row] = await options.db
    .select({ n: count() })
    .from(notificationMessages)
    .where(mine(who.account.id, isNull(notificationMessages.readAt)));
  return { unread: row?.n ?? 0 };
}
