import { and, eq, sql } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../audit/record-personal-data-access.ts';
import type { AuthContext } from '../auth/context.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { type OutboxItem, toOutboxItem } from './list-outbox.ts';
import { type OutboxScope, requireOutboxReader } from './outbox-scope.ts';
import { emailMessages } from './schema.ts';

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
  const byId = eq(emailMessages.id, options.id);
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(scope.kind === 'org' ? inOrg(emailMessages, scope.orgId, byId) : and(byId));
  if (!row) throw new AppError('notify.message_not_found', 404);
  const [subject] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = lower(${row.toAddress})`);
  await recordPersonalDataAccess(db, {
    orgId: row.orgId,
    actorAccountId: who.account.id,
    subjectAccountId: subject?.id ?? null,
    ip: options.ip,
    targetType: 'email_message',
    targetId: row.id,
    purpose: 'outbox.read',
    details: { template: row.template },
  });
  return { ...toOutboxItem(row), text: row.textBody, html: row.htmlBody };
}
