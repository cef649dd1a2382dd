import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateByWeights,
  allocateRefund,
  formatCad,
  formatRate,
  lineAmounts,
  orderAmounts,
  QUEBEC_TAX_RATES,
  refundableCents,
  splitInstalments,
  taxOn,
} from './money.ts';

const taxCodes = fc.subarray(['gst', 'qst'] as const);
const line = fc.record({
  quantity: fc.integer({ min: 1, max: 10_000 }),
  unitPriceCents: fc.integer({ min: 0, max: 100_000_000 }),
  taxCodes,
});
const rates = fc.record({
  gst: fc.integer({ min: 0, max: 100_000 }),
  qst: fc.integer({ min: 0, max: 100_000 }),
});

describe('taxes', () => {
  it('rounds each tax half up to the cent', () => {
    // 10.00 $ → TPS 0.50, TVQ 0.9975 → 1.00
    expect(
      lineAmounts({ quantity: 1, unitPriceCents: 1000, taxCodes: ['gst', 'qst'] }, QUEBEC_TAX_RATES),
    ).toEqual({
      subtotalCents: 1000,
      gstCents: 50,
      qstCents: 100,
      totalCents: 1150,
    });
    // 0.10 $ → TPS 0.005 rounds up to 0.01; TVQ 0.009975 rounds to 0.01
    expect(taxOn(10, 5000)).toBe(1);
    expect(taxOn(10, 9975)).toBe(1);
    // 0.09 $ → TPS 0.0045 rounds down
    expect(taxOn(9, 5000)).toBe(0);
    // 3 × 3.33 $ = 9.99 $: TVQ 0.9965025 → 1.00; TPS 0.4995 → 0.50
    expect(
      lineAmounts({ quantity: 3, unitPriceCents: 333, taxCodes: ['gst', 'qst'] }, QUEBEC_TAX_RATES),
    ).toMatchObject({
      gstCents: 50,
      qstCents: 100,
      totalCents: 1149,
    });
  });

  it('charges no tax on an exempt line', () => {
    fc.assert(
      fc.property(line, rates, (l, r) => {
        const a = lineAmounts({ ...l, taxCodes: [] }, r);
        expect(a.gstCents + a.qstCents).toBe(0);
        expect(a.totalCents).toBe(l.quantity * l.unitPriceCents);
      }),
    );
  });

  it('matches the exact rational tax within half a cent, and never goes negative', () => {
    fc.assert(
      fc.property(line, rates, (l, r) => {
        const a = lineAmounts(l, r);
        for (const [code, cents] of [
          ['gst', a.gstCents],
          ['qst', a.qstCents],
        ] as const) {
          expect(cents).toBeGreaterThanOrEqual(0);
          if (!l.taxCodes.includes(code)) continue;
          const exact = (a.subtotalCents * r[code]) / 100_000;
          expect(Math.abs(cents - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        }
        expect(a.totalCents).toBe(a.subtotalCents + a.gstCents + a.qstCents);
      }),
    );
  });

  it('makes an order total the sum of its lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), rates, (lines, r) => {
        const amounts = lines.map((l) => lineAmounts(l, r));
        const total = orderAmounts(amounts);
        expect(total.totalCents).toBe(amounts.reduce((s, a) => s + a.totalCents, 0));
        expect(total.gstCents).toBe(amounts.reduce((s, a) => s + a.gstCents, 0));
        expect(total.qstCents).toBe(amounts.reduce((s, a) => s + a.qstCents, 0));
        expect(total.subtotalCents + total.gstCents + total.qstCents).toBe(total.totalCents);
        expect(total.totalCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => lineAmounts({ quantity: 1, unitPriceCents: -1, taxCodes: [] }, QUEBEC_TAX_RATES)).toThrow(
      RangeError,
    );
    expect(() => lineAmounts({ quantity: 0, unitPriceCents: 100, taxCodes: [] }, QUEBEC_TAX_RATES)).toThrow(
      RangeError,
    );
    expect(() => lineAmounts({ quantity: 1, unitPriceCents: 10.5, taxCodes: [] }, QUEBEC_TAX_RATES)).toThrow(
      RangeError,
    );
  });
});

describe('instalments and refunds', () => {
  it('splits a total into two instalments that add up, the first never smaller', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (total) => {
        const [a, b] = splitInstalments(total);
        expect(a + b).toBe(total);
        expect(a).toBeGreaterThanOrEqual(b);
        expect(a - b).toBeLessThanOrEqual(1);
      }),
    );
  });

  const payments = fc.array(
    fc.record({
      amountCents: fc.integer({ min: 1, max: 1_000_000 }),
      refunded: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 5 },
  );

  it('never refunds more than what was paid, in total or from any payment', () => {
    fc.assert(
      fc.property(payments, fc.integer({ min: -10, max: 6_000_000 }), (list, amount) => {
        const sources = list.map((p, i) => ({
          id: `p${i}`,
          amountCents: p.amountCents,
          refundedCents: Math.floor((p.amountCents * p.refunded) / 100),
        }));
        const paid = sources.reduce((s, p) => s + p.amountCents, 0);
        const refunded = sources.reduce((s, p) => s + p.refundedCents, 0);
        const parts = allocateRefund(amount, sources);
        if (amount <= 0 || amount > refundableCents(paid, refunded)) {
          expect(parts).toBeNull();
          return;
        }
        expect(parts).not.toBeNull();
        expect(parts?.reduce((s, p) => s + p.amountCents, 0)).toBe(amount);
        for (const part of parts ?? []) {
          const source = sources.find((s) => s.id === part.id);
          expect(part.amountCents).toBeGreaterThan(0);
          expect(part.amountCents).toBeLessThanOrEqual(
            (source?.amountCents ?? 0) - (source?.refundedCents ?? 0),
          );
        }
      }),
    );
  });

  it('refunds from the latest payment first', () => {
    const parts = allocateRefund(1500, [
      { id: 'first', amountCents: 1000, refundedCents: 0 },
      { id: 'second', amountCents: 1000, refundedCents: 0 },
    ]);
    expect(parts).toEqual([
      { id: 'second', amountCents: 1000 },
      { id: 'first', amountCents: 500 },
    ]);
  });
});

describe('allocation between modules', () => {
  it('shares an amount exactly, in proportion, between weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
        (amount, ws) => {
          const weights = ws.map((w, i): [string, number] => [`m${i}`, w]);
          const shares = allocateByWeights(amount, weights);
          expect([...shares.values()].reduce((s, v) => s + v, 0)).toBe(amount);
          const total = ws.reduce((s, w) => s + w, 0);
          for (const [key, w] of weights) {
            const share = shares.get(key) ?? 0;
            expect(share).toBeGreaterThanOrEqual(0);
            if (total > 0) expect(Math.abs(share - (amount * w) / total)).toBeLessThan(1);
          }
        },
      ),
    );
  });
});

describe('formatting', () => {
  it('formats Canadian dollars and rates in French and English', () => {
    expect(formatCad(123450, 'fr')).toBe('1 234,50 $');
    expect(formatCad(123450, 'en')).toBe('$1,234.50');
    expect(formatRate(9975, 'fr')).toBe('9,975 %');
    expect(formatRate(5000, 'en')).toBe('5%');
  });
});
