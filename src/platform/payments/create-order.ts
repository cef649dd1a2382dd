import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { nextReference } from '../db/references.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { organisations } from '../orgs/schema.ts';
import { changeOrder, type EventSource, recordPaymentEvent } from './ledger.ts';
import './messages.ts';
import {
  lineAmounts,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  orderAmounts,
  QUEBEC_TAX_RATES,
  type TaxRates,
} from './money.ts';
import { type OrderView, viewOf } from './order-view.ts';
import { orderLines, orders, paymentSettings, products, TAX_CODES, type TaxCode } from './schema.ts';

/** One line a module sells: its own module name and id, a bilingual description, price and taxes. */
export interface OrderLineInput {
  /** The selling module and feature, e.g. `citizen.registration`, `transit.fare`, `portal.permit`. */
  module: string;
  /** The module's own id of what is sold (a registration id, a booking id …). */
  reference: string;
  /** A product of the organisation's catalogue: its price, description and taxes apply unless given. */
  productCode?: string;
  description?: { fr: string; en: string };
  quantity?: number;
  unitPriceCents?: number;
  /** Taxes that apply (`[]`: exempt, as most municipal services are). */
  taxCodes?: TaxCode[];
}

const MODULE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const MAX_LINES = 100;
const DEFAULT_SECOND_INSTALMENT_DAYS = 30;

function invalid(reason: string): AppError {
  return new AppError('payment.invalid_line', 422, { params: { reason } });
}

/** Checks and completes lines (catalogue defaults), then computes each line's amounts. */
async function prepareLines(db: Executor, orgId: string, input: OrderLineInput[], rates: TaxRates) {
  if (input.length === 0 || input.length > MAX_LINES) throw invalid(`1–${MAX_LINES} lines`);
  const codes = [...new Set(input.map((l) => l.productCode).filter((c): c is string => !!c))];
  const catalogue = codes.length
    ? await db
        .select()
        .from(products)
        .where(scopeOf(orgId).where(products, and(inArray(products.code, codes), eq(products.active, true))))
    : [];
  const prepared = input.map((line, position) => {
    const product = line.productCode ? catalogue.find((p) => p.code === line.productCode) : undefined;
    if (line.productCode && !product)
      throw new AppError('payment.product_not_found', 422, { params: { code: line.productCode } });
    const module = line.module;
    if (!module || !MODULE.test(module) || module.length > 80) throw invalid('module');
    if (!line.reference || line.reference.length > 200) throw invalid('reference');
    const description =
      line.description ?? (product ? { fr: product.nameFr, en: product.nameEn } : undefined);
    if (
      !description?.fr.trim() ||
      !description.en.trim() ||
      description.fr.length > 300 ||
      description.en.length > 300
    )
      throw invalid('description');
    const quantity = line.quantity ?? 1;
    const unitPriceCents = line.unitPriceCents ?? product?.unitPriceCents;
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw invalid('quantity');
    if (
      unitPriceCents === undefined ||
      !Number.isSafeInteger(unitPriceCents) ||
      unitPriceCents < 0 ||
      unitPriceCents > MAX_UNIT_PRICE_CENTS
    )
      throw invalid('unitPriceCents');
    const taxCodes = [...new Set(line.taxCodes ?? product?.taxCodes ?? [])];
    if (taxCodes.some((c) => !TAX_CODES.includes(c))) throw invalid('taxCodes');
    const amounts = lineAmounts({ quantity, unitPriceCents, taxCodes }, rates);
    return {
      position,
      module,
      reference: line.reference,
      productCode: line.productCode ?? null,
      descriptionFr: description.fr.trim(),
      descriptionEn: description.en.trim(),
      quantity,
      unitPriceCents,
      taxCodes,
      ...amounts,
    };
  });
  return { lines: prepared, rates };
}

function yearInQuebec(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric' }).format(now),
  );
}

/**
 * Creates an order for lines sold by modules, with taxes computed per line, and returns it. Modules call
 * this with their own transaction as `db` so that the order and what it pays for commit together; they
 * learn of payment and refunds through `onOrderStateChange`. An order of nothing to pay is paid at once.
 */
export async function createOrder(
  options: {
    db: Executor;
    orgId: string;
    accountId: string | null;
    lines: OrderLineInput[];
    allowInstalments?: boolean;
    secondInstalmentDueAt?: Date;
    customerName?: string | null;
    createdByAccountId?: string | null;
  } & Partial<EventSource>,
): Promise<OrderView> {
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  // The organisation's reference prefix and its tax rates in one read.
  const [org] = await db
    .select({
      refPrefix: organisations.refPrefix,
      gst: paymentSettings.gstRate,
      qst: paymentSettings.qstRate,
    })
    .from(organisations)
    .leftJoin(paymentSettings, scope.where(paymentSettings))
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError('org.not_found', 404);
  const taxRates: TaxRates =
    org.gst !== null && org.qst !== null ? { gst: org.gst, qst: org.qst } : QUEBEC_TAX_RATES;
  const { lines, rates } = await prepareLines(db, orgId, options.lines, taxRates);
  const totals = orderAmounts(lines);
  const now = new Date();
  let secondDue: Date | null = null;
  if (options.allowInstalments) {
    secondDue =
      options.secondInstalmentDueAt ?? new Date(now.getTime() + DEFAULT_SECOND_INSTALMENT_DAYS * 86_400_000);
    if (secondDue.getTime() <= now.getTime()) throw invalid('secondInstalmentDueAt');
  }
  const source = { source: options.source ?? 'module', actorAccountId: options.actorAccountId ?? null };
  // Everything the view shows comes back from the inserts: a new order has no payments yet.
  return db.transaction(async (tx) => {
    const reference = await nextReference(tx, {
      orgId,
      prefix: org.refPrefix,
      kind: 'order',
      year: yearInQuebec(now),
    });
    const [order] = await tx
      .insert(orders)
      .values(
        scope.rows({
          reference,
          accountId: options.accountId,
          customerName: options.customerName ?? null,
          createdByAccountId: options.createdByAccountId ?? null,
          allowInstalments: !!options.allowInstalments,
          secondInstalmentDueAt: secondDue,
          gstRate: rates.gst,
          qstRate: rates.qst,
          ...totals,
        }),
      )
      .returning();
    if (!order) throw new Error('order insert returned no row');
    const lineRows = await tx
      .insert(orderLines)
      .values(lines.map((l) => scope.rows({ ...l, orderId: order.id })))
      .returning();
    lineRows.sort((a, b) => a.position - b.position);
    await recordPaymentEvent(tx, {
      ...source,
      orgId,
      orderId: order.id,
      type: 'order.created',
      toStatus: order.status,
      amountCents: order.totalCents,
      details: { modules: [...new Set(lines.map((l) => l.module))] },
    });
    const final =
      order.totalCents === 0
        ? await changeOrder(tx, order, 'paid', { ...source, reason: 'nothing to pay' })
        : order;
    return viewOf(final, lineRows);
  });
}
