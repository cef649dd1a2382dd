import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import { accounts } from '../auth/schema.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { createOrder, type OrderLineInput } from './create-order.ts';
import type { OrderView } from './order-view.ts';
import { requireOrderStaff, requireServesOrder } from './policies.ts';

/** What staff enter for a counter sale. */
export interface CounterOrderInput {
  lines: OrderLineInput[];
  /** The buyer's account, when they have one (the order then appears in their space). */
  accountEmail?: string;
  customerName?: string;
  allowInstalments?: boolean;
  secondInstalmentDueAt?: string;
}

/** A sale at the counter: staff create the order for the modules they serve (audited). */
export async function createCounterOrder(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: CounterOrderInput;
}): Promise<OrderView> {
  const { db, orgId, input } = options;
  const who = requireOrderStaff(options.auth, orgId);
  for (const line of input.lines) requireServesOrder(who, orgId, [line.module]);
  let accountId: string | null = null;
  if (input.accountEmail) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${input.accountEmail.trim().toLowerCase()}`);
    if (!account) throw new AppError('payment.account_not_found', 404);
    accountId = account.id;
  }
  const order = await createOrder({
    db,
    orgId,
    accountId,
    lines: input.lines,
    allowInstalments: input.allowInstalments,
    secondInstalmentDueAt: input.secondInstalmentDueAt ? new Date(input.secondInstalmentDueAt) : undefined,
    customerName: input.customerName?.trim() || null,
    createdByAccountId: who.account.id,
    source: 'staff',
    actorAccountId: who.account.id,
  });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.order_created',
    targetType: 'order',
    targetId: order.id,
    subjectAccountId: accountId,
    details: { reference: order.reference, totalCents: order.totalCents },
  });
  return order;
}
