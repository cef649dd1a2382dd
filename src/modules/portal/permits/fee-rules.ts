// Fee rules of permit types: pure functions, so the amounts people are charged can be tested and shown in
// advance. Amounts are integer cents (CAD).

/** How a permit type's fee is computed, then kept between its minimum and maximum. */
export type FeeRule =
  | { kind: 'none' }
  | { kind: 'fixed'; cents: number }
  /** Per square metre of one form field (e.g. the floor area of a construction). */
  | {
      kind: 'per_area';
      centsPerSquareMetre: number;
      areaField: string;
      minCents?: number;
      maxCents?: number;
      baseCents?: number;
    }
  /**
   * Per $1,000 of declared work value, each started thousand counting in full (« par tranche de 1 000 $ »),
   * as municipal fee by-laws write it.
   */
  | {
      kind: 'per_thousand';
      centsPerThousand: number;
      valueField: string;
      minCents?: number;
      maxCents?: number;
      baseCents?: number;
    };

/** What a fee rule reads from the answers: numbers only (a missing or negative one counts as 0). */
export type Answers = Record<string, unknown>;

function amount(answers: Answers, field: string): number {
  const value = answers[field];
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(value.replace(',', '.'))
        : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function clamp(cents: number, min?: number, max?: number): number {
  let result = cents;
  if (min !== undefined) result = Math.max(result, min);
  if (max !== undefined) result = Math.min(result, max);
  return result;
}

/** The fee of an application in cents. */
export function computeFee(rule: FeeRule, answers: Answers): number {
  switch (rule.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return rule.cents;
    case 'per_area': {
      // Rounded up to the cent: a by-law's rate never charges less than it says.
      const cents =
        (rule.baseCents ?? 0) + Math.ceil(amount(answers, rule.areaField) * rule.centsPerSquareMetre);
      return clamp(cents, rule.minCents, rule.maxCents);
    }
    case 'per_thousand': {
      const dollars = amount(answers, rule.valueField);
      const cents = (rule.baseCents ?? 0) + Math.ceil(dollars / 1000) * rule.centsPerThousand;
      return clamp(cents, rule.minCents, rule.maxCents);
    }
  }
}

/** Whether a stored rule is well formed (staff edit them). */
export function isValidFeeRule(rule: FeeRule): boolean {
  const cents = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n >= 0);
  switch (rule.kind) {
    case 'none':
      return true;
    case 'fixed':
      return cents(rule.cents);
    case 'per_area':
      return (
        cents(rule.centsPerSquareMetre) &&
        cents(rule.minCents) &&
        cents(rule.maxCents) &&
        cents(rule.baseCents) &&
        (rule.minCents === undefined || rule.maxCents === undefined || rule.minCents <= rule.maxCents)
      );
    case 'per_thousand':
      return (
        cents(rule.centsPerThousand) &&
        cents(rule.minCents) &&
        cents(rule.maxCents) &&
        cents(rule.baseCents) &&
        (rule.minCents === undefined || rule.maxCents === undefined || rule.minCents <= rule.maxCents)
      );
  }
}
