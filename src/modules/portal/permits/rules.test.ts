import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMIT_TYPES } from './catalogue.ts';
import { computeFee, isValidFeeRule } from './fee-rules.ts';
import { checkAnswers, missingDocuments } from './form.ts';
import {
  addBusinessDays,
  businessDaysBetween,
  easter,
  elapsedBusinessDays,
  isBusinessDay,
  quebecHolidays,
} from './legal-clock.ts';
import {
  allowedActions,
  clockPeriods,
  nextStatus,
  PERMIT_ACTIONS,
  PERMIT_STATUSES,
} from './state-machine.ts';

describe('fee rules', () => {
  it('charges fixed, per square metre and per started $1,000, within the minimum and maximum', () => {
    expect(computeFee({ kind: 'none' }, {})).toBe(0);
    expect(computeFee({ kind: 'fixed', cents: 5000 }, { anything: 1 })).toBe(5000);
    const area = {
      kind: 'per_area',
      centsPerSquareMetre: 150,
      areaField: 'floorArea',
      minCents: 10_000,
      maxCents: 200_000,
    } as const;
    expect(computeFee(area, { floorArea: 180 })).toBe(27_000);
    expect(computeFee(area, { floorArea: '12,5' })).toBe(10_000); // 1 875 ¢ under the minimum
    expect(computeFee(area, { floorArea: 5000 })).toBe(200_000); // capped
    expect(computeFee(area, { floorArea: 100.333 })).toBe(15_050); // 15 049.95 rounded up
    expect(computeFee(area, {})).toBe(10_000);
    const value = {
      kind: 'per_thousand',
      centsPerThousand: 500,
      valueField: 'workValue',
      minCents: 5_000,
      maxCents: 50_000,
    } as const;
    expect(computeFee(value, { workValue: 45_000 })).toBe(22_500);
    expect(computeFee(value, { workValue: 45_001 })).toBe(23_000); // a started thousand counts in full
    expect(computeFee(value, { workValue: 1_000 })).toBe(5_000);
    expect(computeFee(value, { workValue: 2_000_000 })).toBe(50_000);
    expect(computeFee({ ...value, baseCents: 2_500, minCents: undefined }, { workValue: 3_000 })).toBe(4_000);
    expect(computeFee(value, { workValue: -50 })).toBe(5_000);
  });

  it('refuses malformed rules, and every rule of the catalogue is valid', () => {
    expect(isValidFeeRule({ kind: 'fixed', cents: -1 })).toBe(false);
    expect(
      isValidFeeRule({
        kind: 'per_area',
        centsPerSquareMetre: 100,
        areaField: 'a',
        minCents: 500,
        maxCents: 100,
      }),
    ).toBe(false);
    expect(isValidFeeRule({ kind: 'per_thousand', centsPerThousand: 1.5, valueField: 'v' })).toBe(false);
    for (const type of DEFAULT_PERMIT_TYPES) expect(isValidFeeRule(type.feeRule), type.code).toBe(true);
  });
});

describe('legal clock', () => {
  it('knows Quebec’s statutory holidays', () => {
    expect(easter(2026)).toBe('2026-04-05');
    expect(easter(2025)).toBe('2025-04-20');
    expect(quebecHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-18',
      '2026-06-24',
      '2026-07-01',
      '2026-09-07',
      '2026-10-12',
      '2026-12-25',
    ]);
    expect(isBusinessDay('2026-06-24')).toBe(false);
    expect(isBusinessDay('2026-06-27')).toBe(false); // Saturday
    expect(isBusinessDay('2026-06-25')).toBe(true);
  });

  it('counts business days, skipping weekends and holidays', () => {
    expect(businessDaysBetween('2026-06-19', '2026-06-26')).toBe(4); // Mon 22, Tue 23, Thu 25, Fri 26
    expect(businessDaysBetween('2026-06-26', '2026-06-26')).toBe(0);
    expect(businessDaysBetween('2026-06-26', '2026-06-20')).toBe(0);
    expect(addBusinessDays('2026-06-19', 4)).toBe('2026-06-26');
    expect(businessDaysBetween('2026-06-19', addBusinessDays('2026-06-19', 30))).toBe(30);
  });

  it('stops while the file waits for the applicant', () => {
    const at = (day: string) => new Date(`${day}T15:00:00Z`);
    const history = [
      { status: 'draft' as const, at: at('2026-03-02') },
      { status: 'submitted' as const, at: at('2026-03-02') }, // Monday
      { status: 'under_review' as const, at: at('2026-03-04') },
      { status: 'info_requested' as const, at: at('2026-03-06') }, // Friday: 4 days ran
      { status: 'submitted' as const, at: at('2026-03-16') }, // Monday, a week later
      { status: 'under_review' as const, at: at('2026-03-17') },
    ];
    const periods = clockPeriods(history);
    expect(periods).toHaveLength(2);
    expect(elapsedBusinessDays(periods, at('2026-03-20'))).toBe(4 + 4);
    const decided = [...history, { status: 'issued' as const, at: at('2026-03-18') }];
    expect(elapsedBusinessDays(clockPeriods(decided), at('2026-04-30'))).toBe(4 + 2);
  });
});

describe('permit state machine', () => {
  const permit = { kind: 'permit', feeCents: 5000 } as const;
  const free = { kind: 'permit', feeCents: 0 } as const;
  const declaration = { kind: 'declaration', feeCents: 0 } as const;

  it('waits for payment when there is a fee, and acknowledges declarations at once', () => {
    expect(nextStatus('draft', 'submit', 'applicant', permit)).toBe('awaiting_payment');
    expect(nextStatus('awaiting_payment', 'pay', 'system', permit)).toBe('submitted');
    expect(nextStatus('draft', 'submit', 'applicant', free)).toBe('submitted');
    expect(nextStatus('draft', 'submit', 'applicant', declaration)).toBe('acknowledged');
    expect(nextStatus('awaiting_payment', 'pay', 'system', { kind: 'declaration', feeCents: 100 })).toBe(
      'acknowledged',
    );
    expect(nextStatus('acknowledged', 'mark_complete', 'staff', declaration)).toBeNull();
  });

  it('follows a file from receipt to closing', () => {
    const path: Array<[Parameters<typeof nextStatus>[1], Parameters<typeof nextStatus>[2], string]> = [
      ['mark_complete', 'staff', 'under_review'],
      ['request_info', 'staff', 'info_requested'],
      ['answer_info', 'applicant', 'submitted'],
      ['mark_complete', 'staff', 'under_review'],
      ['schedule_inspection', 'staff', 'inspection_scheduled'],
      ['approve', 'staff', 'issued'],
      ['schedule_final_inspection', 'staff', 'final_inspection_scheduled'],
      ['close', 'staff', 'closed'],
    ];
    let status: (typeof PERMIT_STATUSES)[number] = 'submitted';
    for (const [action, actor, expected] of path) {
      const next = nextStatus(status, action, actor, permit);
      expect(next, `${status} —${action}→`).toBe(expected);
      if (next) status = next;
    }
  });

  it('refuses moves by the wrong actor or from the wrong step', () => {
    expect(nextStatus('under_review', 'approve', 'applicant', permit)).toBeNull();
    expect(nextStatus('submitted', 'approve', 'staff', permit)).toBeNull(); // completeness first
    expect(nextStatus('issued', 'withdraw', 'applicant', permit)).toBeNull();
    expect(nextStatus('refused', 'approve', 'staff', permit)).toBeNull();
    expect(nextStatus('issued', 'expire', 'system', permit)).toBe('expired');
    expect(nextStatus('closed', 'expire', 'system', permit)).toBeNull();
    // No step is a dead end for staff except the final ones.
    const finals = new Set(['closed', 'expired', 'withdrawn', 'refused', 'draft', 'awaiting_payment']);
    for (const status of PERMIT_STATUSES) {
      if (finals.has(status)) continue;
      expect(
        allowedActions(status, 'staff', status === 'acknowledged' ? declaration : permit).length,
        status,
      ).toBeGreaterThan(0);
    }
    for (const status of PERMIT_STATUSES)
      for (const action of PERMIT_ACTIONS) {
        const to = nextStatus(status, action, 'system', permit);
        if (to) expect(['pay', 'expire']).toContain(action);
      }
  });
});

describe('permit forms', () => {
  const pool = DEFAULT_PERMIT_TYPES.find((t) => t.code === 'piscine');
  if (!pool) throw new Error('pool type missing');

  it('asks a field only under its condition and checks ranges and options', () => {
    const inground = checkAnswers(pool.fields, {
      poolType: 'inground',
      enclosure: true,
      distanceToLine: 2,
      startDate: '2026-06-01',
      wallHeight: 9,
    });
    expect(inground.problems).toEqual([]);
    expect(inground.clean).not.toHaveProperty('wallHeight');
    const above = checkAnswers(pool.fields, {
      poolType: 'aboveground',
      enclosure: true,
      distanceToLine: '0,5',
      startDate: 'tomorrow',
    });
    expect(above.problems).toEqual([
      { field: 'wallHeight', code: 'permit.field_required' },
      { field: 'distanceToLine', code: 'permit.field_range' },
      { field: 'startDate', code: 'permit.field_invalid' },
    ]);
    expect(checkAnswers(pool.fields, { poolType: 'jacuzzi' }).problems[0]).toEqual({
      field: 'poolType',
      code: 'permit.field_option',
    });
  });

  it('asks documents only under their condition', () => {
    const renovation = DEFAULT_PERMIT_TYPES.find((t) => t.code === 'renovation');
    if (!renovation) throw new Error('renovation type missing');
    expect(missingDocuments(renovation.documents, { structural: false }, new Set())).toEqual([]);
    expect(missingDocuments(renovation.documents, { structural: true }, new Set())).toEqual(['plans']);
    expect(missingDocuments(renovation.documents, { structural: true }, new Set(['plans']))).toEqual([]);
  });
});
