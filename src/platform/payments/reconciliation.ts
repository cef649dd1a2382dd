// The treasury's reconciliation, with no I/O: money collected and refunded per day (in Quebec's zone),
// provider and module. A payment for an order with lines of several modules is shared between them in
// proportion to the lines (allocateByWeights), so every cent lands in exactly one row.
import { allocateByWeights } from './money.ts';
import type { ProviderName } from './schema.ts';

/** Money that moved: a settled payment or refund, with the order's amounts per module. */
export interface MoneyMovement {
  kind: 'payment' | 'refund';
  at: Date;
  provider: ProviderName;
  testMode: boolean;
  amountCents: number;
  /** The order's line totals per module, used as weights. */
  modules: Array<[string, number]>;
}

/** One row of the report. */
export interface ReconciliationRow {
  day: string;
  provider: ProviderName;
  module: string;
  testMode: boolean;
  paymentCount: number;
  refundCount: number;
  collectedCents: number;
  refundedCents: number;
  netCents: number;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Toronto',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of an instant in Quebec. */
export function quebecDay(at: Date): string {
  return dayFormat.format(at);
}

/** Aggregates movements into rows sorted by day, provider, module and mode (live before test). */
export function reconcile(movements: ReadonlyArray<MoneyMovement>): ReconciliationRow[] {
  const rows = new Map<string, ReconciliationRow>();
  for (const m of movements) {
    const day = quebecDay(m.at);
    const weights: Array<[string, number]> = m.modules.length ? m.modules : [['(none)', 1]];
    for (const [module, cents] of allocateByWeights(m.amountCents, weights)) {
      if (cents === 0 && m.amountCents !== 0) continue;
      const key = [day, m.provider, module, m.testMode].join('\u0000');
      const row = rows.get(key) ?? {
        day,
        provider: m.provider,
        module,
        testMode: m.testMode,
        paymentCount: 0,
        refundCount: 0,
        collectedCents: 0,
        refundedCents: 0,
        netCents: 0,
      };
      if (m.kind === 'payment') {
        row.collectedCents += cents;
        row.paymentCount += 1;
      } else {
        row.refundedCents += cents;
        row.refundCount += 1;
      }
      row.netCents = row.collectedCents - row.refundedCents;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.provider.localeCompare(b.provider) ||
      a.module.localeCompare(b.module) ||
      Number(a.testMode) - Number(b.testMode),
  );
}

/** The sums of a report, live and test money kept apart (test money is not revenue). */
export function reconciliationTotals(rows: ReadonlyArray<ReconciliationRow>): {
  live: { collectedCents: number; refundedCents: number; netCents: number };
  test: { collectedCents: number; refundedCents: number; netCents: number };
} {
  const live = { collectedCents: 0, refundedCents: 0, netCents: 0 };
  const test = { collectedCents: 0, refundedCents: 0, netCents: 0 };
  for (const r of rows) {
    const t = r.testMode ? test : live;
    t.collectedCents += r.collectedCents;
    t.refundedCents += r.refundedCents;
    t.netCents += r.netCents;
  }
  return { live, test };
}
