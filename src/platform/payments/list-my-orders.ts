import { count, desc, eq, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type OrderView, orderViews } from './order-view.ts';
import { orders } from './schema.ts';

/** The signed-in person's orders, newest first, in every organisation or in one. */
export async function listMyOrders(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId?: string;
  query: PageQuery;
}): Promise<{ items: OrderView[]; page: number; perPage: number; total: number }> {
  const who = requireAccount(options.auth);
  const { db } = options;
  const mine = eq(orders.accountId, who.account.id);
  const where: SQL = options.orgId ? inOrg(orders, options.orgId, mine) : mine;
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
  // Views are built per organisation so every detail query stays inside one tenant's keys.
  const byOrg = new Map<string, typeof rows>();
  for (const row of rows) byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), row]);
  const views = new Map<string, OrderView>();
  for (const [orgId, group] of byOrg) for (const v of await orderViews(db, orgId, group)) views.set(v.id, v);
  const items = rows.map((r) => views.get(r.id)).filter((v): v is OrderView => !!v);
  return { items, page, perPage, total: counted?.n ?? 0 };
}
