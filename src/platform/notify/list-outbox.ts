import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type OutboxScope, requireOutboxReader } from './outbox-scope.ts';
import { emailMessages } from './schema.ts';

type MessageRow = typeof emailMessages.$inferSelect;
/** A message's delivery status. */
export type EmailStatus = MessageRow['status'];

/** A message in the outbox list (no bodies: those are read one at a time, and logged). */
export interface OutboxItem {
  id: string;
  orgId: string | null;
  to: string;
  locale: string;
  template: string;
  subject: string;
  status: EmailStatus;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Shapes a message row for the list. */
export function toOutboxItem(row: MessageRow): OutboxItem {
  return {
    id: row.id,
    orgId: row.orgId,
    to: row.toAddress,
    locale: row.locale,
    template: row.template,
    subject: row.subject,
    status: row.status,
    transport: row.transport,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The outbox of an organisation (its administrators) or of the installation, newest first. */
export async function listOutbox(options: {
  db: Executor;
  auth: AuthContext | null;
  scope: OutboxScope;
  query: PageQuery & { status?: EmailStatus; to?: string; orgId?: string };
}): Promise<{ items: OutboxItem[]; page: number; perPage: number; total: number }> {
  requireOutboxReader(options.auth, options.scope);
  const { query, scope } = options;
  const filters: Array<SQL | undefined> = [
    query.status ? eq(emailMessages.status, query.status) : undefined,
    query.to ? ilike(emailMessages.toAddress, `%${escapeLike(query.to)}%`) : undefined,
  ];
  const where =
    scope.kind === 'org'
      ? inOrg(emailMessages, scope.orgId, ...filters)
      : and(query.orgId ? eq(emailMessages.orgId, query.orgId) : undefined, ...filters);
  const { limit, offset, page, perPage } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    options.db
      .select()
      .from(emailMessages)
      .where(where)
      .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
      .limit(limit)
      .offset(offset),
    options.db.select({ n: count() }).from(emailMessages).where(where),
  ]);
  return { items: rows.map(toOutboxItem), page, perPage, total: total?.n ?? 0 };
}
