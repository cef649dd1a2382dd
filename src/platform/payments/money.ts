// Money arithmetic of orders, with no I/O: integer cents in CAD, taxes per line and per tax rounded
// half up to the cent, refunds bounded by what was paid. Every function here is covered by properties.

/** A tax rate in thousandths of a percent: 5 % is 5000, 9.975 % is 9975. */
export type RateMilliPercent = number;

/** The sales tax rates an organisation applies. */
export interface TaxRates {
  gst: RateMilliPercent;
  qst: RateMilliPercent;
}

/** Quebec's rates since 2013: GST (TPS) 5 %, QST (TVQ) 9.975 %, both on the price before tax. */
export const QUEBEC_TAX_RATES: TaxRates = { gst: 5000, qst: 9975 };

/** Bounds that keep every product of amounts far below 2^53, where integer arithmetic stays exact. */
export const MAX_UNIT_PRICE_CENTS = 100_000_000;
export const MAX_QUANTITY = 10_000;
export const MAX_RATE = 100_000;

/** The input of one line: what it costs and which taxes apply (none: exempt). */
export interface LineInput {
  quantity: number;
  unitPriceCents: number;
  taxCodes: ReadonlyArray<'gst' | 'qst'>;
}

/** The amounts of a line or an order. */
export interface Amounts {
  subtotalCents: number;
  gstCents: number;
  qstCents: number;
  totalCents: number;
}

function assertCents(name: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max)
    throw new RangeError(`${name} must be an integer between 0 and ${max}, got ${value}`);
}

/** Rounds `amount × rate / 100 000` half up to the cent, in exact integer arithmetic. */
export function taxOn(amountCents: number, rate: RateMilliPercent): number {
  assertCents('amount', amountCents, MAX_UNIT_PRICE_CENTS * MAX_QUANTITY);
  assertCents('rate', rate, MAX_RATE);
  // Both factors are bounded, so the product fits exactly in a double; BigInt would change nothing.
  return Math.floor((amountCents * rate + 50_000) / 100_000);
}

/** The amounts of one line: subtotal, then each tax on the subtotal rounded on its own. */
export function lineAmounts(line: LineInput, rates: TaxRates): Amounts {
  assertCents('quantity', line.quantity, MAX_QUANTITY);
  if (line.quantity < 1) throw new RangeError('quantity must be at least 1');
  assertCents('unit price', line.unitPriceCents, MAX_UNIT_PRICE_CENTS);
  const subtotalCents = line.quantity * line.unitPriceCents;
  const gstCents = line.taxCodes.includes('gst') ? taxOn(subtotalCents, rates.gst) : 0;
  const qstCents = line.taxCodes.includes('qst') ? taxOn(subtotalCents, rates.qst) : 0;
  return { subtotalCents, gstCents, qstCents, totalCents: subtotalCents + gstCents + qstCents };
}

/** The amounts of an order: the sum of its lines' amounts (taxes are never recomputed on the total). */
export function orderAmounts(lines: ReadonlyArray<Amounts>): Amounts {
  const sum: Amounts = { subtotalCents: 0, gstCents: 0, qstCents: 0, totalCents: 0 };
  for (const l of lines) {
    sum.subtotalCents += l.subtotalCents;
    sum.gstCents += l.gstCents;
    sum.qstCents += l.qstCents;
    sum.totalCents += l.totalCents;
  }
  return sum;
}

/** Splits a total into two instalments, the first one taking the odd cent. */
export function splitInstalments(totalCents: number): [number, number] {
  assertCents('total', totalCents, Number.MAX_SAFE_INTEGER);
  const first = Math.ceil(totalCents / 2);
  return [first, totalCents - first];
}

/** What can still be refunded: collected money minus refunds done or under way. */
export function refundableCents(paidCents: number, refundedOrPendingCents: number): number {
  return Math.max(0, paidCents - refundedOrPendingCents);
}

/** A payment from which a refund can be taken. */
export interface RefundSource {
  id: string;
  amountCents: number;
  refundedCents: number;
}

/**
 * Takes a refund from the payments, latest first, never more from a payment than it has left.
 * Returns null when the payments together cannot cover the amount.
 */
export function allocateRefund(
  amountCents: number,
  sources: ReadonlyArray<RefundSource>,
): Array<{ id: string; amountCents: number }> | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return null;
  let left = amountCents;
  const parts: Array<{ id: string; amountCents: number }> = [];
  for (let i = sources.length - 1; i >= 0 && left > 0; i--) {
    const s = sources[i];
    if (!s) continue;
    const available = Math.max(0, s.amountCents - s.refundedCents);
    const take = Math.min(available, left);
    if (take > 0) {
      parts.push({ id: s.id, amountCents: take });
      left -= take;
    }
  }
  return left === 0 ? parts : null;
}

/**
 * Shares an amount between keys in proportion to their weights (largest remainder), so that the
 * shares add up to the amount exactly: how a payment is split between the modules of its order.
 */
export function allocateByWeights(
  amountCents: number,
  weights: ReadonlyArray<[string, number]>,
): Map<string, number> {
  const result = new Map<string, number>();
  const total = weights.reduce((s, [, w]) => s + Math.max(0, w), 0);
  if (weights.length === 0) return result;
  if (total === 0) {
    // Nothing to weigh by (a free order): the first key carries it, so no cent disappears.
    for (const [key] of weights) result.set(key, 0);
    const first = weights[0]?.[0] ?? '';
    result.set(first, amountCents);
    return result;
  }
  // BigInt keeps amount × weight exact whatever the sizes; the remainders decide who gets the odd cents.
  const bigTotal = BigInt(total);
  let given = 0;
  const remainders: Array<{ key: string; rest: bigint; index: number }> = [];
  weights.forEach(([key, w], index) => {
    const product = BigInt(amountCents) * BigInt(Math.max(0, w));
    const share = Number(product / bigTotal);
    result.set(key, (result.get(key) ?? 0) + share);
    given += share;
    remainders.push({ key, rest: product % bigTotal, index });
  });
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (let i = 0; given < amountCents; i++, given++) {
    const r = remainders[i % remainders.length];
    if (r) result.set(r.key, (result.get(r.key) ?? 0) + 1);
  }
  return result;
}

/** Formats cents as Canadian dollars in French (`1 234,50 $`) or English (`$1,234.50`). */
export function formatCad(cents: number, locale: 'fr' | 'en'): string {
  const text = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
  }).format(cents / 100);
  // Narrow and ordinary no-break spaces become plain spaces: PDFs' standard fonts lack the former.
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/** Formats a rate in thousandths of a percent (9975 → `9,975 %` / `9.975%`). */
export function formatRate(rate: RateMilliPercent, locale: 'fr' | 'en'): string {
  const value = (rate / 1000).toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    maximumFractionDigits: 3,
  });
  return locale === 'fr' ? `${value} %` : `${value}%`;
}
