import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import {
  type OrderStatus,
  orderInstalments,
  orderLines,
  orders,
  type PaymentMethod,
  type PaymentStatus,
  type ProviderName,
  payments,
  type RefundStatus,
  refunds,
  type TaxCode,
} from './schema.ts';

/** An order as the API shows it: amounts, lines, payments, refunds and instalments. */
export interface OrderView {
  id: string;
  orgId: string;
  reference: string;
  status: OrderStatus;
  testMode: boolean;
  currency: 'CAD';
  accountId: string | null;
  customerName: string | null;
  subtotalCents: number;
  gstCents: number;
  qstCents: number;
  totalCents: number;
  /** Tax rates in thousandths of a percent, as applied when the order was made. */
  gstRate: number;
  qstRate: number;
  paidCents: number;
  refundedCents: number;
  balanceCents: number;
  allowInstalments: boolean;
  secondInstalmentDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  lines: Array<{
    id: string;
    module: string;
    reference: string;
    productCode: string | null;
    description: { fr: string; en: string };
    quantity: number;
    unitPriceCents: number;
    taxCodes: TaxCode[];
    subtotalCents: number;
    gstCents: number;
    qstCents: number;
    totalCents: number;
  }>;
  payments: Array<{
    id: string;
    provider: ProviderName;
    method: PaymentMethod;
    amountCents: number;
    status: PaymentStatus;
    instalment: number;
    testMode: boolean;
    cardLast4: string | null;
    failureCode: string | null;
    note: string | null;
    createdAt: string;
    settledAt: string | null;
  }>;
  refunds: Array<{
    id: string;
    paymentId: string;
    amountCents: number;
    reason: string;
    status: RefundStatus;
    createdAt: string;
    settledAt: string | null;
  }>;
  instalments: Array<{
    number: number;
    amountCents: number;
    dueAt: string;
    status: 'due' | 'paid' | 'cancelled';
  }>;
}

type OrderRow = typeof orders.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Builds the views of several orders of one organisation with four queries in all. */
export async function orderViews(db: Executor, orgId: string, rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const scope = scopeOf(orgId);
  const ids = rows.map((r) => r.id);
  const [lineRows, paymentRows, refundRows, instalmentRows] = await Promise.all([
    db
      .select()
      .from(orderLines)
      .where(scope.where(orderLines, inArray(orderLines.orderId, ids)))
      .orderBy(asc(orderLines.position)),
    db
      .select()
      .from(payments)
      .where(scope.where(payments, inArray(payments.orderId, ids)))
      .orderBy(asc(payments.createdAt), asc(payments.id)),
    db
      .select()
      .from(refunds)
      .where(scope.where(refunds, inArray(refunds.orderId, ids)))
      .orderBy(asc(refunds.createdAt), asc(refunds.id)),
    db
      .select()
      .from(orderInstalments)
      .where(scope.where(orderInstalments, inArray(orderInstalments.orderId, ids)))
      .orderBy(asc(orderInstalments.number)),
  ]);
  return rows.map((o) => viewOf(o, lineRows, paymentRows, refundRows, instalmentRows));
}

/**
 * The view of an order from its rows (those of other orders are skipped), e.g. rows an insert just
 * returned, without reading them back.
 */
export function viewOf(
  o: OrderRow,
  lineRows: Array<typeof orderLines.$inferSelect>,
  paymentRows: Array<typeof payments.$inferSelect> = [],
  refundRows: Array<typeof refunds.$inferSelect> = [],
  instalmentRows: Array<typeof orderInstalments.$inferSelect> = [],
): OrderView {
  return {
    id: o.id,
    orgId: o.orgId,
    reference: o.reference,
    status: o.status,
    testMode: o.testMode,
    currency: 'CAD',
    accountId: o.accountId,
    customerName: o.customerName,
    subtotalCents: o.subtotalCents,
    gstCents: o.gstCents,
    qstCents: o.qstCents,
    totalCents: o.totalCents,
    gstRate: o.gstRate,
    qstRate: o.qstRate,
    paidCents: o.paidCents,
    refundedCents: o.refundedCents,
    balanceCents: Math.max(0, o.totalCents - o.paidCents),
    allowInstalments: o.allowInstalments,
    secondInstalmentDueAt: iso(o.secondInstalmentDueAt),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    lines: lineRows
      .filter((l) => l.orderId === o.id)
      .map((l) => ({
        id: l.id,
        module: l.module,
        reference: l.reference,
        productCode: l.productCode,
        description: { fr: l.descriptionFr, en: l.descriptionEn },
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        taxCodes: l.taxCodes,
        subtotalCents: l.subtotalCents,
        gstCents: l.gstCents,
        qstCents: l.qstCents,
        totalCents: l.totalCents,
      })),
    payments: paymentRows
      .filter((p) => p.orderId === o.id)
      .map((p) => ({
        id: p.id,
        provider: p.provider,
        method: p.method,
        amountCents: p.amountCents,
        status: p.status,
        instalment: p.instalment,
        testMode: p.testMode,
        cardLast4: p.cardLast4,
        failureCode: p.failureCode,
        note: p.note,
        createdAt: p.createdAt.toISOString(),
        settledAt: iso(p.settledAt),
      })),
    refunds: refundRows
      .filter((r) => r.orderId === o.id)
      .map((r) => ({
        id: r.id,
        paymentId: r.paymentId,
        amountCents: r.amountCents,
        reason: r.reason,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        settledAt: iso(r.settledAt),
      })),
    instalments: instalmentRows
      .filter((i) => i.orderId === o.id)
      .map((i) => ({
        number: i.number,
        amountCents: i.amountCents,
        dueAt: i.dueAt.toISOString(),
        status: i.status,
      })),
  };
}

/** One order's view, or null when the organisation has no such order. */
export async function orderView(db: Executor, orgId: string, orderId: string): Promise<OrderView | null> {
  const scope = scopeOf(orgId);
  const rows = await db
    .select()
    .from(orders)
    .where(scope.where(orders, eq(orders.id, orderId)));
  const [view] = await orderViews(db, orgId, rows);
  return view ?? null;
}
