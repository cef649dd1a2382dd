import type { ApiData } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';

/** An order as every payments route answers it (the resident's and staff's alike). */
export type Order = ApiData<'/api/me/orders/{id}', 'get'>;
export type OrderStatus = Order['status'];

/** Cents as Canadian dollars, in Quebec's formats (`1 234,50 $`, `$1,234.50`). */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** A tax rate in thousandths of a percent (9975 → `9,975 %`). */
export function formatRate(rate: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 3 }).format(
    rate / 100_000,
  );
}

/** Dollars typed by a person (`12,50`, `12.50 $`) as cents, or null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** Whether the person can still pay something on the order. */
export function isPayable(order: Order): boolean {
  return (
    order.balanceCents > 0 &&
    (order.status === 'pending' || order.status === 'partially_paid' || order.status === 'failed')
  );
}

/** Whether two instalments may be chosen: the order allows it and nothing is paid yet. */
export function canSplit(order: Order): boolean {
  return order.allowInstalments && order.secondInstalmentDueAt !== null && order.paidCents === 0;
}

/** The two instalments of a total, the first taking the odd cent (as the server splits it). */
export function splitInstalments(totalCents: number): [number, number] {
  const first = Math.ceil(totalCents / 2);
  return [first, totalCents - first];
}

/** A key for a paying POST, so that a retried click never pays twice (`Idempotency-Key`). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
