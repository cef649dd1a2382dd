import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { notificationMessages } from './schema.ts';

/** An item of a person's inbox. */
export interface InboxItem {
  id: string;
  orgId: string | null;
  category: string;
  title: string;
  body: string;
  url: string | null;
  unsubscribeUrl: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Only the person's own in-app messages. */
export function mine(accountId: string, ...more: SQL[]): SQL | undefined {
  return and(
    eq(notificationMessages.accountId, accountId),
    eq(notificationMessages.channel, 'inapp'),
    ...more,
  );
}

/** The signed-in person's inbox: unread first, then newest first. */
export async function listInbox(options: {
  db: Executor;
  auth: AuthContext | null;
  query: PageQuery;
}): Promise<{ items: InboxItem[]; page: number; perPage: number; total: number; unread: number }> {
  const who = requireAccount(options.auth);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const where = mine(who.account.id);
  const [rows, [total], [unread]] = await Promise.all([
    options.db
      .select()
      .from(notificationMessages)
      .where(where)
      .orderBy(
        sql`${notificationMessages.readAt} IS NULL DESC`,
        desc(notificationMessages.createdAt),
        desc(notificationMessages.id),
      )
      .limit(limit)
      .offset(offset),
    options.db.select({ n: count() }).from(notificationMessages).where(where),
    options.db
      .select({ n: count() })
      .from(notificationMessages)
      .where(and(where, isNull(notificationMessages.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.orgId,
      category: r.category,
      title: r.title,
      body: r.body,
      url: r.url,
      unsubscribeUrl: r.unsubscribeUrl,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
    })),
    page,
    perPage,
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
  };
}
