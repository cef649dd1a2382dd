import { asc } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { requireRequestStaff } from './policies.ts';
import { requestReplyTemplates } from './schema.ts';

/** An answer staff reuse in public updates. */
export interface ReplyTemplateView {
  id: string;
  name: string;
  body: Bilingual;
  status: string | null;
}

/** The organisation's reply templates, by name. */
export async function listReplyTemplates(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<ReplyTemplateView[]> {
  requireRequestStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(requestReplyTemplates)
    .where(inOrg(requestReplyTemplates, options.orgId))
    .orderBy(asc(requestReplyTemplates.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    body: { fr: r.bodyFr, en: r.bodyEn },
    status: r.status,
  }));
}
