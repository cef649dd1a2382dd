import { timingSafeEqual } from 'node:crypto';
import { eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { hashApiKey, prefixOf } from './api-key-secrets.ts';
import { open311ApiKeys } from './schema.ts';

/**
 * Checks an application's key for an organisation and counts the call against the key's limit per
 * minute, in one statement (so several server processes share the count). 403 for an unknown or revoked
 * key, 429 past the limit.
 */
export async function checkApiKey(
  db: Executor,
  orgId: string,
  key: string | undefined,
): Promise<{ id: string }> {
  if (!key) throw new AppError('open311.api_key_required', 403);
  const invalid = new AppError('open311.api_key_invalid', 403);
  const prefix = prefixOf(key);
  if (!prefix) throw invalid;
  const [row] = await db
    .select({ id: open311ApiKeys.id, secretHash: open311ApiKeys.secretHash })
    .from(open311ApiKeys)
    .where(inOrg(open311ApiKeys, orgId, eq(open311ApiKeys.prefix, prefix), isNull(open311ApiKeys.revokedAt)));
  if (!row) throw invalid;
  const expected = Buffer.from(row.secretHash, 'hex');
  const given = Buffer.from(hashApiKey(key), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  const fresh = sql`(${open311ApiKeys.windowStartedAt} IS NULL OR ${open311ApiKeys.windowStartedAt} <= now() - interval '1 minute')`;
  const [count] = await db
    .update(open311ApiKeys)
    .set({
      windowStartedAt: sql`CASE WHEN ${fresh} THEN now() ELSE ${open311ApiKeys.windowStartedAt} END`,
      windowCount: sql`CASE WHEN ${fresh} THEN 1 ELSE ${open311ApiKeys.windowCount} + 1 END`,
      lastUsedAt: sql`now()`,
    })
    .where(inOrg(open311ApiKeys, orgId, eq(open311ApiKeys.id, row.id)))
    .returning({
      count: open311ApiKeys.windowCount,
      limit: open311ApiKeys.ratePerMinute,
      seconds: sql<number>`ceil(extract(epoch FROM ${open311ApiKeys.windowStartedAt} + interval '1 minute' - now()))`,
    });
  if (count && count.count > count.limit)
    throw new AppError('open311.rate_limited', 429, {
      params: { limit: count.limit, seconds: Math.max(1, Number(count.seconds)) },
    });
  return { id: row.id };
}
