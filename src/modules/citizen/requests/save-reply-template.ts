import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadStatuses } from './context.ts';
import type { ReplyTemplateView } from './list-reply-templates.ts';
import { requireRequestManager } from './policies.ts';
import { requestReplyTemplates } from './schema.ts';

/** Creates or updates a reply template, in both languages, with the status it usually goes with. */
export async function saveReplyTemplate(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  id?: string;
  input: { name: string; bodyFr: string; bodyEn: string; status?: string | null };
}): Promise<ReplyTemplateView> {
  const { db, orgId, input } = options;
  const who = requireRequestManager(options.auth, orgId);
  if (input.status && !(await loadStatuses(db, orgId)).some((s) => s.code === input.status))
    throw new AppError('requests.status_unknown', 400);
  const values = {
    name: input.name.trim(),
    bodyFr: input.bodyFr.trim(),
    bodyEn: input.bodyEn.trim(),
    status: input.status ?? null,
  };
  const [row] = options.id
    ? await db
        .update(requestReplyTemplates)
        .set(values)
        .where(inOrg(requestReplyTemplates, orgId, eq(requestReplyTemplates.id, options.id)))
        .returning()
    : await db
        .insert(requestReplyTemplates)
        .values({ orgId, ...values })
        .returning();
  if (!row) throw new AppError('not_found', 404, { params: { what: 'template' } });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'requests.template_save',
    targetType: 'request_reply_template',
    targetId: row.id,
    ip: options.ip,
  });
  return { id: row.id, name: row.name, body: { fr: row.bodyFr, en: row.bodyEn }, status: row.status };
}
