import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireRequestManager } from './policies.ts';
import { requestReplyTemplates } from './schema.ts';

/** Deletes a reply template (updates already sent keep their text). */
export async function deleteReplyTemplate(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  id: string;
}): Promise<{ ok: true }> {
  const { db, orgId } = options;
  const who = requireRequestManager(options.auth, orgId);
  const [row] = await db
    .delete(requestReplyTemplates)
    .where(inOrg(requestReplyTemplates, orgId, eq(requestReplyTemplates.id, options.id)))
    .returning({ id: requestReplyTemplates.id });
  if (!row) throw new AppError('not_found', 404, { params: { what: 'template' } });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'requests.template_delete',
    targetType: 'request_reply_template',
    targetId: row.id,
    ip: options.ip,
  });
  return { ok: true };
}
