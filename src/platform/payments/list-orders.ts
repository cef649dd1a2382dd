import { and, count, desc, eq, exists, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type OrderView, orderViews } from './order-view.ts';
import { requireOrderStaff, seesAllOrders, servedModulePrefixes } from './policies.ts';
import { type OrderStatus, orderLines, orders, type ProviderName, payments } from './schema.ts';

/** Filters of the staff order list. */
export interface OrderFilters {
  status?: OrderStatus;
  /** A module (`citizen.registration`) or a module prefix (`citizen`). */
  module?: string;
  provider?: ProviderName;
  /** Creation date range, ISO dates or instants; `to` is exclusive. */
  from?: string;
  to?: string;
  /** Part of the reference or of the counter customer's name. */
  q?: string;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

function moduleMatch(prefixes: string[]): SQL {
  const conditions = prefixes.flatMap((p) => [
    eq(orderLines.module, p),
    ilike(orderLines.module, `${p.replace(/[\\%_]/g, '\\$&')}.%`),
  ]);
  return or(...conditions) ?? sql`false`;
}

/**
 * The organisation's orders for staff, newest first, filtered and paginated. Treasury sees every
 * order; other staff see the orders of the modules they serve.
 */
export async function listOrders(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  filters: OrderFilters;
  query: PageQuery;
}): Promise<{ items: OrderView[]; page: number; perPage: number; total: number }> {
  const { db, orgId, filters } = options;
  const who = requireOrderStaff(options.auth, orgId);
  const scope = scopeOf(orgId);
  const lineOf = (condition: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(orderLines)
        .where(scope.where(orderLines, eq(orderLines.orderId, orders.id), condition)),
    );
  const conditions: Array<SQL | undefined> = [
    filters.status ? eq(orders.status, filters.status) : undefined,
    filters.from ? gte(orders.createdAt, new Date(filters.from)) : undefined,
    filters.to ? lt(orders.createdAt, new Date(filters.to)) : undefined,
    filters.q
      ? or(ilike(orders.reference, like(filters.q)), ilike(orders.customerName, like(filters.q)))
      : undefined,
    filters.module ? lineOf(moduleMatch([filters.module])) : undefined,
    filters.provider
      ? exists(
          db
            .select({ one: sql`1` })
            .from(payments)
            .where(
              scope.where(payments, eq(payments.orderId, orders.id), eq(payments.provider, filters.provider)),
            ),
        )
      : undefined,
    seesAllOrders(who, orgId) ? undefined : lineOf(moduleMatch(servedModulePrefixes(who, orgId))),
  ];
  const where = scope.where(orders, and(...conditions));
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.orders_listed',
    targetType: 'order',
    details: { filters: { ...filters }, page, count: rows.length },
  });
  return { items: await orderViews(db, orgId, rows), page, perPage, total: counted?.n ?? 0 };
}
