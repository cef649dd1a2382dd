import { desc } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireOrgAdmin } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { type ApiKeyRow, open311ApiKeys } from './schema.ts';

/** A key as administrators see it: never its secret. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  ratePerMinute: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key row as a view. */
export function apiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    ratePerMinute: row.ratePerMinute,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The organisation's Open311 keys, newest first. */
export async function listApiKeys(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<ApiKeyView[]> {
  requireOrgAdmin(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(open311ApiKeys)
    .where(inOrg(open311ApiKeys, options.orgId))
    .orderBy(desc(open311ApiKeys.createdAt));
  return rows.map(apiKeyView);
}
