import { and, eq, sql } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../audit/record-personal-data-access.ts';
import type { AuthContext } from '../auth/context.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { channelColumns, emailColumns, type OutboxItem, toOutboxItem } from './list-outbox.ts';
import { type OutboxScope, requireOutboxReader } from './outbox-scope.ts';
import { emailMessages, notificationMessages } from './schema.ts';

async function findMessage(db: Executor, scope: OutboxScope, id: string) {
  const byEmailId = eq(emailMessages.id, id);
  const [email] = await db
    .select({
      ...emailColumns(),
      text: emailMessages.textBody,
      html: emailMessages.htmlBody,
      accountId: emailMessages.accountId,
    })
    .from(emailMessages)
    .where(scope.kind === 'org' ? inOrg(emailMessages, scope.orgId, byEmailId) : and(byEmailId));
  if (email) return email;
  const byId = eq(notificationMessages.id, id);
  const [other] = await db
    .select({
      ...channelColumns(),
      text: notificationMessages.body,
      html: sql<string>`''`,
      accountId: notificationMessages.accountId,
    })
    .from(notificationMessages)
    .leftJoin(accounts, eq(accounts.id, notificationMessages.accountId))
    .where(scope.kind === 'org' ? inOrg(notificationMessages, scope.orgId, byId) : and(byId));
  return other;
}

/** One message of the outbox with its bodies; reading it is logged as access to the recipient's data. */
export async function getOutboxMessage(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  scope: OutboxScope;
  id: string;
}): Promise<OutboxItem & { text: string; html: string }> {
  const who = requireOutboxReader(options.auth, options.scope);
  const { db, scope } = options;
  const row = await findMessage(db, scope, options.id);
  if (!row) throw new AppError('notify.message_not_found', 404);
  let subjectAccountId = row.accountId;
  if (!subjectAccountId && row.channel === 'email') {
    const [subject] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = lower(${row.to})`);
    subjectAccountId = subject?.id ?? null;
  }
  await recordPersonalDataAccess(db, {
    orgId: row.orgId,
    actorAccountId: who.account.id,
    subjectAccountId,
    ip: options.ip,
    targetType: row.channel === 'email' ? 'email_message' : 'notification_message',
    targetId: row.id,
    purpose: 'outbox.read',
    details: { template: row.template, channel: row.channel },
  });
  const { text, html, accountId: _accountId, ...item } = row;
  return { ...toOutboxItem(item), text, html };
}
