import { and, eq, gte, isNull, lt, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { localTime } from '../network/rules.ts';
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
 * The rows whose shown status (validity.ts `shownStatus`) is `status`: an active pass past its last day
 * is expired, so the staff's filters agree with what riders see.
 */
function shownStatusIs(status: HoldingStatus, today: string): SQL | undefined {
  const h = transitFareHoldings;
  if (status === 'expired')
    return or(eq(h.status, 'expired'), and(eq(h.status, 'active'), lt(h.validUntil, today)));
  if (status === 'active')
    return and(eq(h.status, 'active'), or(isNull(h.validUntil), gte(h.validUntil, today)));
  return eq(h.status, status);
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
  now?: Date;
}): Promise<{ items: HoldingView[] }> {
  const who = requireDispatcher(options.auth, options.orgId);
  const now = options.now ?? new Date();
  const items = await holdingViews(
    options.db,
    options.orgId,
    options.status ? shownStatusIs(options.status, localTime(now).date) : undefined,
    { limit: options.limit ?? 100, now },
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
