// Fee rules, with no I/O: which price a participant pays and the family discount of a household.
import type { FamilyDiscount } from '../activities/schema.ts';
import type { PriceCategory } from './schema.ts';

/** The three prices of an activity. */
export interface Prices {
  priceResidentCents: number;
  pricePartnerCents: number;
  priceNonResidentCents: number;
}

/** The list price of a category. */
export function listPrice(prices: Prices, category: PriceCategory): number {
  if (category === 'resident') return prices.priceResidentCents;
  if (category === 'partner') return prices.pricePartnerCents;
  return prices.priceNonResidentCents;
}

/** The discount of the n-th child (1-based): the rule with the largest `nth` not above n, else none. */
export function discountFor(rules: readonly FamilyDiscount[], nth: number): number {
  let best: FamilyDiscount | undefined;
  for (const rule of rules) if (rule.nth <= nth && (!best || rule.nth > best.nth)) best = rule;
  return best ? Math.max(0, Math.min(100, best.percent)) : 0;
}

/** One line to price: who takes part (children only count for family discounts) and the list price. */
export interface PricedLine {
  key: string;
  personId: string;
  isChild: boolean;
  listPriceCents: number;
}

/**
 * The family discount of each line. Children already registered in the season (`alreadyCounted`) come
 * first; the children of this cart follow, the one with the dearest registration first, so that the
 * discount falls on the cheaper ones (the household's most favourable reading is not the town's: the
 * usual municipal rule is "the second child pays less", and the first child is the dearest one).
 */
export function familyDiscounts(
  rules: readonly FamilyDiscount[],
  lines: readonly PricedLine[],
  alreadyCounted: ReadonlySet<string>,
): Map<string, { percent: number; amountCents: number }> {
  const result = new Map<string, { percent: number; amountCents: number }>();
  const dearest = new Map<string, number>();
  for (const l of lines) {
    if (!l.isChild || alreadyCounted.has(l.personId)) continue;
    dearest.set(l.personId, Math.max(dearest.get(l.personId) ?? 0, l.listPriceCents));
  }
  const newChildren = [...dearest.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const rank = new Map<string, number>();
  newChildren.forEach(([personId], i) => {
    rank.set(personId, alreadyCounted.size + i + 1);
  });
  for (const l of lines) {
    // A child already counted keeps the rank it had; only new children climb the ladder.
    const nth = rank.get(l.personId);
    const percent = l.isChild && nth !== undefined ? discountFor(rules, nth) : 0;
    const amountCents = Math.round((l.listPriceCents * (100 - percent)) / 100);
    result.set(l.key, { percent, amountCents });
  }
  return result;
}
