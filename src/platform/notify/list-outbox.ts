import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { AuthContext } from '../auth/context.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import type { Channel } from './categories.ts';
import { type OutboxScope, requireOutboxReader } from './outbox-scope.ts';
import { emailMessages, notificationMessages } from './schema.ts';

type MessageRow = typeof emailMessages.$inferSelect;
/** A message's delivery status. */
export type EmailStatus = MessageRow['status'];

/** A message in the outbox list (no bodies: those are read one at a time, and logged). */
export interface OutboxItem {
  id: string;
  channel: Channel;
  orgId: string | null;
  /** The e-mail address or phone number; for push and inbox messages, the account's e-mail. */
  to: string;
  locale: string;
  template: string;
  category: string | null;
  subject: string;
  status: EmailStatus;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The columns both message tables share, in the outbox's shape. */
export function emailColumns() {
  return {
    id: emailMessages.id,
    channel: sql<Channel>`'email'`.as('channel'),
    orgId: emailMessages.orgId,
    to: sql<string>`${emailMessages.toAddress}`.as('to_address'),
    locale: emailMessages.locale,
    template: emailMessages.template,
    category: emailMessages.category,
    subject: sql<string>`${emailMessages.subject}`.as('subject'),
    status: emailMessages.status,
    transport: emailMessages.transport,
    attempts: emailMessages.attempts,
    lastError: emailMessages.lastError,
    createdAt: emailMessages.createdAt,
    sentAt: emailMessages.sentAt,
  };
}

/** The same columns from the text, push and inbox messages (joined to their account). */
export function channelColumns() {
  return {
    id: notificationMessages.id,
    channel: sql<Channel>`${notificationMessages.channel}`.as('channel'),
    orgId: notificationMessages.orgId,
    to: sql<string>`coalesce(${notificationMessages.toAddress}, ${accounts.email}, '')`.as('to_address'),
    locale: notificationMessages.locale,
    template: notificationMessages.template,
    category: notificationMessages.category,
    subject: sql<string>`${notificationMessages.title}`.as('subject'),
    status: notificationMessages.status,
    transport: notificationMessages.transport,
    attempts: notificationMessages.attempts,
    lastError: notificationMessages.lastError,
    createdAt: notificationMessages.createdAt,
    sentAt: notificationMessages.sentAt,
  };
}

/** A row of the outbox query, from either table (a union may give timestamps as text). */
export interface OutboxRow {
  id: string;
  channel: Channel;
  orgId: string | null;
  to: string;
  locale: string;
  template: string;
  category: string | null;
  subject: string;
  status: EmailStatus;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date | string;
  sentAt: Date | string | null;
}

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

/** Shapes a row of either table for the list. */
export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    ...row,
    attempts: Number(row.attempts),
    createdAt: iso(row.createdAt) ?? '',
    sentAt: iso(row.sentAt),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The outbox filters. */
export type OutboxQuery = PageQuery & {
  status?: EmailStatus;
  to?: string;
  orgId?: string;
  channel?: Channel;
};

function whereOf(
  table: typeof emailMessages | typeof notificationMessages,
  address: SQL,
  scope: OutboxScope,
  query: OutboxQuery,
): SQL | undefined {
  const filters: Array<SQL | undefined> = [
    query.status ? eq(table.status, query.status) : undefined,
    query.to ? sql`${address} ilike ${`%${escapeLike(query.to)}%`}` : undefined,
  ];
  return scope.kind === 'org'
    ? inOrg(table, scope.orgId, ...filters)
    : and(query.orgId ? eq(table.orgId, query.orgId) : undefined, ...filters);
}

/**
 * The outbox of an organisation (its administrators) or of the installation, newest first: e-mail,
 * text, push and inbox messages with their delivery records, filtered by channel, status or recipient.
 */
export async function listOutbox(options: {
  db: Executor;
  auth: AuthContext | null;
  scope: OutboxScope;
  query: OutboxQuery;
}): Promise<{ items: OutboxItem[]; page: number; perPage: number; total: number }> {
  requireOutboxReader(options.auth, options.scope);
  const { query, scope, db } = options;
  const { limit, offset, page, perPage } = pageWindow(query);
  const wantEmail = !query.channel || query.channel === 'email';
  const wantOthers = query.channel !== 'email';
  const emailWhere = whereOf(emailMessages, sql`${emailMessages.toAddress}`, scope, query);
  const otherAddress = sql`coalesce(${notificationMessages.toAddress}, ${accounts.email}, '')`;
  const otherWhere = and(
    whereOf(notificationMessages, otherAddress, scope, query),
    query.channel && query.channel !== 'email' ? eq(notificationMessages.channel, query.channel) : undefined,
  );
  const emails = () => db.select(emailColumns()).from(emailMessages).where(emailWhere);
  const others = () =>
    db
      .select(channelColumns())
      .from(notificationMessages)
      .leftJoin(accounts, eq(accounts.id, notificationMessages.accountId))
      .where(otherWhere);
  const order = [desc(sql`created_at`), desc(sql`id`)];
  const rows: OutboxRow[] =
    wantEmail && wantOthers
      ? await unionAll(emails(), others())
          .orderBy(...order)
          .limit(limit)
          .offset(offset)
      : wantEmail
        ? await emails()
            .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
            .limit(limit)
            .offset(offset)
        : await others()
            .orderBy(desc(notificationMessages.createdAt), desc(notificationMessages.id))
            .limit(limit)
            .offset(offset);
  const [emailTotal, otherTotal] = await Promise.all([
    wantEmail ? db.select({ n: count() }).from(emailMessages).where(emailWhere) : [{ n: 0 }],
    wantOthers
      ? db
          .select({ n: count() })
          .from(notificationMessages)
          .leftJoin(accounts, eq(accounts.id, notificationMessages.accountId))
          .where(otherWhere)
      : [{ n: 0 }],
  ]);
  return {
    items: rows.map(toOutboxItem),
    page,
    perPage,
    total: (emailTotal[0]?.n ?? 0) + (otherTotal[0]?.n ?? 0),
  };
}
