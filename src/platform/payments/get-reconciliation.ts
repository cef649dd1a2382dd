import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { requireTreasury } from './policies.ts';
import {
  type MoneyMovement,
  quebecDay,
  type ReconciliationRow,
  reconcile,
  reconciliationTotals,
} from './reconciliation.ts';
import { orderLines, payments, refunds } from './schema.ts';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reconciliation report of a period. */
export interface Reconciliation {
  from: string;
  to: string;
  rows: ReconciliationRow[];
  totals: ReturnType<typeof reconciliationTotals>;
}

/**
 * Money collected and refunded from `from` to `to` (calendar days in Quebec, both included) by day,
 * provider and module, for treasury. Test-mode money is reported apart. Audited.
 */
export async function getReconciliation(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  from: string;
  to: string;
  format: 'json' | 'csv' | 'xlsx';
}): Promise<Reconciliation> {
  const { db, orgId, from, to } = options;
  const who = requireTreasury(options.auth, orgId);
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (
    !DATE.test(from) ||
    !DATE.test(to) ||
    Number.isNaN(start) ||
    Number.isNaN(end) ||
    end < start ||
    end - start > 366 * DAY_MS
  )
    throw new AppError('reconciliation.range_invalid', 400);
  // A UTC window a day wider on each side holds every Quebec day of the period; exact days are kept below.
  const windowStart = new Date(start - DAY_MS);
  const windowEnd = new Date(end + 2 * DAY_MS);
  const scope = scopeOf(orgId);
  const paid = await db
    .select({
      orderId: payments.orderId,
      at: payments.settledAt,
      provider: payments.provider,
      testMode: payments.testMode,
      amountCents: payments.amountCents,
    })
    .from(payments)
    .where(
      scope.where(
        payments,
        eq(payments.status, 'succeeded'),
        gte(payments.settledAt, windowStart),
        lt(payments.settledAt, windowEnd),
      ),
    );
  const given = await db
    .select({
      orderId: refunds.orderId,
      at: refunds.settledAt,
      provider: payments.provider,
      testMode: payments.testMode,
      amountCents: refunds.amountCents,
    })
    .from(refunds)
    .innerJoin(payments, and(eq(payments.orgId, refunds.orgId), eq(payments.id, refunds.paymentId)))
    .where(
      scope.where(
        refunds,
        eq(refunds.status, 'succeeded'),
        gte(refunds.settledAt, windowStart),
        lt(refunds.settledAt, windowEnd),
      ),
    );
  const orderIds = [...new Set([...paid, ...given].map((m) => m.orderId))];
  const weights = orderIds.length
    ? await db
        .select({
          orderId: orderLines.orderId,
          module: orderLines.module,
          cents: sql<number>`sum(${orderLines.totalCents})::int`,
        })
        .from(orderLines)
        .where(scope.where(orderLines, inArray(orderLines.orderId, orderIds)))
        .groupBy(orderLines.orderId, orderLines.module)
    : [];
  const modulesOf = (orderId: string): Array<[string, number]> =>
    weights.filter((w) => w.orderId === orderId).map((w) => [w.module, Number(w.cents)]);
  const movements: MoneyMovement[] = [
    ...paid.map((p) => ({ ...p, kind: 'payment' as const })),
    ...given.map((r) => ({ ...r, kind: 'refund' as const })),
  ]
    .filter((m): m is typeof m & { at: Date } => m.at !== null)
    .filter((m) => {
      const day = quebecDay(m.at);
      return day >= from && day <= to;
    })
    .map((m) => ({ ...m, modules: modulesOf(m.orderId) }));
  const rows = reconcile(movements);
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.reconciliation_viewed',
    targetType: 'reconciliation',
    details: { from, to, format: options.format },
  });
  return { from, to, rows, totals: reconciliationTotals(rows) };
}
