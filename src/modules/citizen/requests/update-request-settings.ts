import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { loadOrg, loadSettings, type RequestSettings } from './context.ts';
import { requireRequestManager } from './policies.ts';
import { repositionRequests } from './reposition.ts';
import { requestSettings } from './schema.ts';

/** Changes the reopening delay, the public grid and the nearby radius; a new grid moves sensitive requests. */
export async function updateRequestSettings(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: RequestSettings;
}): Promise<RequestSettings> {
  const { db, orgId, input } = options;
  const who = requireRequestManager(options.auth, orgId);
  await loadOrg(db, orgId);
  return db.transaction(async (tx) => {
    const before = await loadSettings(tx, orgId);
    await tx
      .insert(requestSettings)
      .values({ orgId, ...input })
      .onConflictDoUpdate({ target: requestSettings.orgId, set: { ...input, updatedAt: sql`now()` } });
    if (before.gridMetres !== input.gridMetres) await repositionRequests(tx, orgId);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'requests.settings_update',
      ip: options.ip,
      details: { ...input },
    });
    return loadSettings(tx, orgId);
  });
}
