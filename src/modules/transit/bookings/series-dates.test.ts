import { describe, expect, it } from 'vitest';
import { localTime } from '../network/rules.ts';
import { endAfterWeeks, localInstant, seriesDates } from './series-dates.ts';

describe('weekly series dates', () => {
  it('keeps only the chosen weekdays between the two dates, both included', () => {
    // 2026-11-30 is a Monday.
    expect(seriesDates('2026-11-30', '2026-12-09', [1, 3])).toEqual([
      '2026-11-30',
      '2026-12-02',
      '2026-12-07',
      '2026-12-09',
    ]);
    expect(seriesDates('2026-12-01', '2026-11-30', [1])).toEqual([]);
  });

  it('counts N weeks from the start date', () => {
    expect(endAfterWeeks('2026-11-30', 2)).toBe('2026-12-13');
    expect(seriesDates('2026-11-30', endAfterWeeks('2026-11-30', 3), [5])).toHaveLength(3);
  });

  it('places a local time on the right instant across daylight-saving changes', () => {
    for (const date of ['2026-03-08', '2026-03-09', '2026-11-01', '2026-11-02', '2026-12-24']) {
      const at = localInstant(date, '08:30');
      expect(localTime(at)).toMatchObject({ date, minute: 8 * 60 + 30 });
    }
  });
});
