// What a receipt says, with no I/O: every text in the person's language, amounts formatted, and the
// test-mode stamp in both languages whenever no real money moved. render-receipt.ts only draws it.
import type { Locale } from '../http/locale.ts';
import { formatCad, formatRate } from './money.ts';
import type { OrderView } from './order-view.ts';

/** The stamp printed on every test-mode receipt, in both languages whatever the receipt's language. */
export const TEST_MODE_STAMP = 'MODE TEST — aucun paiement réel / TEST MODE — no real payment';

/** The issuer of a receipt. */
export interface ReceiptIssuer {
  name: string;
  gstNumber: string | null;
  qstNumber: string | null;
}

/** A receipt ready to draw. */
export interface ReceiptContent {
  title: string;
  stamp: string | null;
  issuer: string[];
  meta: Array<[string, string]>;
  columns: [string, string, string, string];
  lines: Array<[string, string, string, string]>;
  /** Label, amount, and whether the row is the order's total (drawn in bold). */
  totals: Array<[string, string, boolean]>;
  paymentsTitle: string;
  payments: string[];
  refundsTitle: string;
  refunds: string[];
  footer: string;
}

const T = {
  fr: {
    title: 'Reçu',
    gst: 'No de TPS',
    qst: 'No de TVQ',
    reference: 'Commande',
    issued: 'Date',
    customer: 'Client',
    status: 'État',
    columns: ['Description', 'Qté', 'Prix unitaire', 'Montant'] as [string, string, string, string],
    exempt: 'exonéré',
    subtotal: 'Sous-total',
    gstLine: 'TPS',
    qstLine: 'TVQ',
    total: 'Total',
    paid: 'Payé',
    refunded: 'Remboursé',
    balance: 'Solde',
    payments: 'Paiements',
    refunds: 'Remboursements',
    instalment: (n: number) => `versement ${n}`,
    footer: 'Merci. Conservez ce reçu pour vos dossiers.',
    methods: { card: 'Carte', cash: 'Comptant', cheque: 'Chèque', debit: 'Débit' },
    providers: { sandbox: 'bac à sable (test)', stripe: 'Stripe', offline: 'au comptoir' },
    statuses: {
      pending: 'en attente',
      partially_paid: 'payée en partie',
      paid: 'payée',
      failed: 'paiement refusé',
      cancelled: 'annulée',
      partially_refunded: 'remboursée en partie',
      refunded: 'remboursée',
    },
  },
  en: {
    title: 'Receipt',
    gst: 'GST No.',
    qst: 'QST No.',
    reference: 'Order',
    issued: 'Date',
    customer: 'Customer',
    status: 'Status',
    columns: ['Description', 'Qty', 'Unit price', 'Amount'] as [string, string, string, string],
    exempt: 'exempt',
    subtotal: 'Subtotal',
    gstLine: 'GST',
    qstLine: 'QST',
    total: 'Total',
    paid: 'Paid',
    refunded: 'Refunded',
    balance: 'Balance',
    payments: 'Payments',
    refunds: 'Refunds',
    instalment: (n: number) => `instalment ${n}`,
    footer: 'Thank you. Keep this receipt for your records.',
    methods: { card: 'Card', cash: 'Cash', cheque: 'Cheque', debit: 'Debit' },
    providers: { sandbox: 'sandbox (test)', stripe: 'Stripe', offline: 'at the counter' },
    statuses: {
      pending: 'pending',
      partially_paid: 'partially paid',
      paid: 'paid',
      failed: 'payment declined',
      cancelled: 'cancelled',
      partially_refunded: 'partially refunded',
      refunded: 'refunded',
    },
  },
} as const;

/** A date and time in Quebec's zone, in the language's format. */
export function formatQuebecDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    dateStyle: 'long',
    timeStyle: 'short',
  })
    .format(new Date(iso))
    .replace(/[\u202f\u00a0]/g, ' ');
}

/** Builds the receipt of an order in one language. */
export function buildReceipt(options: {
  order: OrderView;
  issuer: ReceiptIssuer;
  customer: string | null;
  locale: Locale;
  issuedAt: Date;
}): ReceiptContent {
  const { order, issuer, locale } = options;
  const t = T[locale];
  const money = (c: number) => formatCad(c, locale);
  const testMode = order.testMode || order.payments.some((p) => p.testMode);
  // French puts a space before the colon, English does not.
  const labelled = (label: string, value: string) =>
    locale === 'fr' ? `${label} : ${value}` : `${label}: ${value}`;
  const issuerLines = [issuer.name];
  if (issuer.gstNumber) issuerLines.push(labelled(t.gst, issuer.gstNumber));
  if (issuer.qstNumber) issuerLines.push(labelled(t.qst, issuer.qstNumber));
  const meta: Array<[string, string]> = [
    [t.reference, order.reference],
    [t.issued, formatQuebecDate(options.issuedAt.toISOString(), locale)],
    [t.status, t.statuses[order.status]],
  ];
  if (options.customer) meta.push([t.customer, options.customer]);
  const lines = order.lines.map((l): [string, string, string, string] => {
    const taxes = l.taxCodes.length
      ? l.taxCodes.map((c) => (c === 'gst' ? t.gstLine : t.qstLine)).join(', ')
      : t.exempt;
    return [
      `${l.description[locale]} (${taxes})`,
      String(l.quantity),
      money(l.unitPriceCents),
      money(l.subtotalCents),
    ];
  });
  const totals: Array<[string, string, boolean]> = [[t.subtotal, money(order.subtotalCents), false]];
  if (order.gstCents > 0)
    totals.push([`${t.gstLine} (${formatRate(order.gstRate, locale)})`, money(order.gstCents), false]);
  if (order.qstCents > 0)
    totals.push([`${t.qstLine} (${formatRate(order.qstRate, locale)})`, money(order.qstCents), false]);
  totals.push([t.total, money(order.totalCents), true], [t.paid, money(order.paidCents), false]);
  if (order.refundedCents > 0) totals.push([t.refunded, money(order.refundedCents), false]);
  totals.push([t.balance, money(order.balanceCents), false]);
  const payments = order.payments
    .filter((p) => p.status === 'succeeded')
    .map((p) => {
      const parts = [
        formatQuebecDate(p.settledAt ?? p.createdAt, locale),
        `${t.methods[p.method]}${p.cardLast4 ? ` •••• ${p.cardLast4}` : ''}`,
        t.providers[p.provider],
        money(p.amountCents),
      ];
      if (order.instalments.length > 0) parts.push(t.instalment(p.instalment));
      if (p.testMode) parts.push(TEST_MODE_STAMP);
      return parts.join(' — ');
    });
  const refunds = order.refunds
    .filter((r) => r.status === 'succeeded')
    .map((r) =>
      [formatQuebecDate(r.settledAt ?? r.createdAt, locale), money(r.amountCents), r.reason].join(' — '),
    );
  return {
    title: `${t.title} — ${order.reference}`,
    stamp: testMode ? TEST_MODE_STAMP : null,
    issuer: issuerLines,
    meta,
    columns: t.columns,
    lines,
    totals,
    paymentsTitle: t.payments,
    payments,
    refundsTitle: t.refunds,
    refunds,
    footer: t.footer,
  };
}
