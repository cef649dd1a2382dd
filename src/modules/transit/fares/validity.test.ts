import { describe, expect, it } from 'vitest';
import { addDays, covers, shownStatus, validityPeriod } from './validity.ts';

describe('fare validity', () => {
  it('counts calendar days across month, year and daylight-saving changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('gives a monthly pass 31 days, both ends included', () => {
    const period = validityPeriod('2026-11-27', 31);
    expect(period).toEqual({ validFrom: '2026-11-27', validUntil: '2026-12-27' });
    expect(covers(period, '2026-11-26')).toBe(false);
    expect(covers(period, '2026-11-27')).toBe(true);
    expect(covers(period, '2026-12-27')).toBe(true);
    expect(covers(period, '2026-12-28')).toBe(false);
    expect(covers({ validFrom: null, validUntil: null }, '2026-12-01')).toBe(false);
  });

  it('shows an active pass past its last day as expired, and nothing else changes', () => {
    expect(shownStatus({ status: 'active', validUntil: '2026-12-27' }, '2026-12-28')).toBe('expired');
    expect(shownStatus({ status: 'active', validUntil: '2026-12-27' }, '2026-12-27')).toBe('active');
    expect(shownStatus({ status: 'active', validUntil: null }, '2030-01-01')).toBe('active');
    expect(shownStatus({ status: 'refunded', validUntil: '2020-01-01' }, '2026-12-28')).toBe('refunded');
  });
});
