import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { requireDispatcher } from '../policies.ts';
import { type HoldingView, holdingViews } from './holding-view.ts';
import { type HoldingStatus, transitFareHoldings } from './schema.ts';

/** The signed-in rider's booklets, passes and memberships in this organisation, newest first. */
export async function listMyHoldings(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  now?: Date;
}): Promise<{ items: HoldingView[] }> {
  const who = requireAccount(options.auth);
  const items = await holdingViews(
    options.db,
    options.orgId,
    eq(transitFareHoldings.accountId, who.account.id),
    { now: options.now },
  );
  return { items };
}

/**
 * Holdings sold by the organisation, for its transit staff (newest first, optionally one status). The
 * list names riders, so reading it is recorded in the audit log.
 */
export async function listSoldHoldings(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  status?: HoldingStatus;
  limit?: number;
}): Promise<{ items: HoldingView[] }> {
  const who = requireDispatcher(options.auth, options.orgId);
  const items = await holdingViews(
    options.db,
    options.orgId,
    options.status ? eq(transitFareHoldings.status, options.status) : undefined,
    { limit: options.limit ?? 100 },
  );
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'transit.fares.list_holdings',
    targetType: 'transit_fare_holding',
    details: { status: options.status ?? null, count: items.length },
  });
  return { items };
}
