import { EXPORT_FORMATS, type ExportTable, tableToCsv, tableToXlsx } from '../audit/table-export.ts';
import type { Locale } from '../http/locale.ts';
import { type ReconciliationRow, reconciliationTotals } from './reconciliation.ts';

const HEADERS: Record<Locale, Record<string, string>> = {
  fr: {
    day: 'Jour',
    provider: 'Fournisseur',
    module: 'Module',
    mode: 'Mode',
    payments: 'Paiements',
    refunds: 'Remboursements',
    collected: 'Perçu ($)',
    refunded: 'Remboursé ($)',
    net: 'Net ($)',
  },
  en: {
    day: 'Day',
    provider: 'Provider',
    module: 'Module',
    mode: 'Mode',
    payments: 'Payments',
    refunds: 'Refunds',
    collected: 'Collected ($)',
    refunded: 'Refunded ($)',
    net: 'Net ($)',
  },
};
const MODE: Record<Locale, { live: string; test: string }> = {
  fr: { live: 'réel', test: 'MODE TEST — aucun paiement réel' },
  en: { live: 'live', test: 'TEST MODE — no real payment' },
};

// Dollars as numbers with two decimals: spreadsheets add them up; CSV readers see 12.50, not 1250.
const dollars = (cents: number) => Math.round(cents) / 100;

/** The report as a table (one row per day, provider, module and mode, then a total per mode). */
export function reconciliationTable(rows: ReadonlyArray<ReconciliationRow>, locale: Locale): ExportTable {
  const h = HEADERS[locale];
  const keys = ['day', 'provider', 'module', 'mode', 'payments', 'refunds', 'collected', 'refunded', 'net'];
  const totals = reconciliationTotals(rows);
  return {
    columns: keys.map((key) => ({ key, header: h[key] ?? key, width: key === 'mode' ? 34 : 16 })),
    rows: [
      ...rows.map((r) => ({
        day: r.day,
        provider: r.provider,
        module: r.module,
        mode: r.testMode ? MODE[locale].test : MODE[locale].live,
        payments: r.paymentCount,
        refunds: r.refundCount,
        collected: dollars(r.collectedCents),
        refunded: dollars(r.refundedCents),
        net: dollars(r.netCents),
      })),
      ...(['live', 'test'] as const).map((mode) => ({
        day: 'Total',
        provider: null,
        module: null,
        mode: MODE[locale][mode],
        payments: null,
        refunds: null,
        collected: dollars(totals[mode].collectedCents),
        refunded: dollars(totals[mode].refundedCents),
        net: dollars(totals[mode].netCents),
      })),
    ],
  };
}

/** The report as a downloadable CSV or XLSX file. */
export async function reconciliationFile(
  rows: ReadonlyArray<ReconciliationRow>,
  options: { locale: Locale; format: 'csv' | 'xlsx'; from: string; to: string },
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const table = reconciliationTable(rows, options.locale);
  const { type, extension } = EXPORT_FORMATS[options.format];
  const name = options.locale === 'fr' ? 'conciliation' : 'reconciliation';
  const body =
    options.format === 'csv'
      ? Buffer.from(tableToCsv(table), 'utf8')
      : await tableToXlsx(table, options.locale === 'fr' ? 'Conciliation' : 'Reconciliation');
  return { body, contentType: type, filename: `${name}-${options.from}-${options.to}.${extension}` };
}
