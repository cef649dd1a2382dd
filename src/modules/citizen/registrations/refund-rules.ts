// Cancellation refunds, with no I/O: full refund until some days before the start, then a percentage,
// nothing once the activity has started; a fee is always kept.

/** An activity's cancellation rules. */
export interface RefundRules {
  startsOn: string;
  refundFullDaysBefore: number;
  refundPercentAfter: number;
  cancellationFeeCents: number;
}

/** The refund of a cancellation made on `today` (both `YYYY-MM-DD`) for an amount paid. */
export function refundFor(rules: RefundRules, paidCents: number, today: string): number {
  if (paidCents <= 0) return 0;
  if (today >= rules.startsOn) return 0;
  const days = Math.round(
    (Date.parse(`${rules.startsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const percent =
    days >= rules.refundFullDaysBefore ? 100 : Math.max(0, Math.min(100, rules.refundPercentAfter));
  const gross = Math.floor((paidCents * percent) / 100);
  return Math.max(0, gross - rules.cancellationFeeCents);
}
