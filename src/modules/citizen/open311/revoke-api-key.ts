import { eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireOrgAdmin } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { open311ApiKeys } from './schema.ts';

/** Revokes a key: the application it was given to can no longer post. */
export async function revokeApiKey(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  id: string;
}): Promise<{ ok: true }> {
  const { db, orgId } = options;
  const who = requireOrgAdmin(options.auth, orgId);
  const [row] = await db
    .update(open311ApiKeys)
    .set({ revokedAt: new Date() })
    .where(inOrg(open311ApiKeys, orgId, eq(open311ApiKeys.id, options.id), isNull(open311ApiKeys.revokedAt)))
    .returning({ id: open311ApiKeys.id });
  if (!row) {
    const [exists] = await db
      .select({ id: open311ApiKeys.id })
      .from(open311ApiKeys)
      .where(inOrg(open311ApiKeys, orgId, eq(open311ApiKeys.id, options.id)));
    if (!exists) throw new AppError('open311.key_not_found', 404);
    return { ok: true };
  }
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'open311.key_revoke',
    targetType: 'open311_api_key',
    targetId: row.id,
    ip: options.ip,
  });
  return { ok: true };
}
