import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireOrgAdmin } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadOrg } from '../requests/context.ts';
import { newApiKey } from './api-key-secrets.ts';
import { type ApiKeyView, apiKeyView } from './list-api-keys.ts';
import { open311ApiKeys } from './schema.ts';

/**
 * An organisation administrator creates a key for an outside application posting requests through
 * Open311. The key is answered this once; only its hash is kept.
 */
export async function createApiKey(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { name: string; ratePerMinute?: number };
}): Promise<ApiKeyView & { key: string }> {
  const { db, orgId, input } = options;
  const who = requireOrgAdmin(options.auth, orgId);
  await loadOrg(db, orgId);
  const name = input.name.trim();
  if (!name) throw new AppError('open311.key_name_required', 400);
  const { key, prefix, hash } = newApiKey();
  const [row] = await db
    .insert(open311ApiKeys)
    .values({
      orgId,
      name,
      prefix,
      secretHash: hash,
      createdBy: who.account.id,
      ratePerMinute: input.ratePerMinute ?? 60,
    })
    .returning();
  if (!row) throw new Error('api key insert returned no row');
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'open311.key_create',
    targetType: 'open311_api_key',
    targetId: row.id,
    ip: options.ip,
    details: { name, prefix },
  });
  return { ...apiKeyView(row), key };
}
