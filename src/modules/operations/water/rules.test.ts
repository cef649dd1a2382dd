import { describe, expect, it } from 'vitest';
import {
  bacteriologicalBreaches,
  defaultThresholds,
  extremitySamplesRequired,
  fourHourLog,
  monthlySamplesRequired,
  needsFourHourLog,
  outOfRange,
  resamplesPerDay,
  samplingPlan,
} from './rules.ts';

describe('RQEP thresholds', () => {
  it('preloads free chlorine ≥ 0.3 mg/L at a treatment outlet (s. 8) as an alarm', () => {
    const [t] = defaultThresholds('treatment_outlet', 'free_chlorine');
    expect(t).toEqual({ min: 0.3, max: null, severity: 'alarm', basis: 'RQEP a. 8' });
    expect(outOfRange(0.29, t ?? { min: null, max: null })).toBe(true);
    expect(outOfRange(0.3, t ?? { min: null, max: null })).toBe(false);
  });

  it('reports pH outside 6.5–8.5 and alarms on turbidity over 5 NTU', () => {
    const [ph] = defaultThresholds('treatment_outlet', 'ph');
    expect(ph).toMatchObject({ min: 6.5, max: 8.5, severity: 'report' });
    expect([6.4, 6.5, 8.5, 8.6].map((v) => outOfRange(v, ph ?? { min: null, max: null }))).toEqual([
      true,
      false,
      false,
      true,
    ]);
    const [turbidity] = defaultThresholds('treatment_outlet', 'turbidity');
    expect(turbidity).toMatchObject({ max: 5, severity: 'alarm' });
    expect(defaultThresholds('traffic_counter', 'speed')).toEqual([]);
  });

  it('applies Schedule 1: any E. coli, or more than 10 total coliforms per 100 mL', () => {
    expect(bacteriologicalBreaches({ eColi: 0, totalColiforms: 10 })).toEqual([]);
    expect(bacteriologicalBreaches({ eColi: 1, totalColiforms: 11 })).toEqual([
      { parameter: 'e_coli', value: 1, boilWater: true },
      { parameter: 'total_coliforms', value: 11, boilWater: false },
    ]);
  });
});

describe('sampling sizes (s. 11, 12, 39)', () => {
  it('sizes the monthly samples by population served', () => {
    const cases: Array<[number, number]> = [
      [20, 0],
      [21, 2],
      [1000, 2],
      [1001, 8],
      [8000, 8],
      [8001, 9],
      [19_500, 20],
      [100_000, 100],
      [100_001, 101],
      [250_000, 115],
    ];
    for (const [population, samples] of cases)
      expect([population, monthlySamplesRequired(population)]).toEqual([population, samples]);
  });

  it('takes at least half at the extremities of the network', () => {
    expect(extremitySamplesRequired(1000)).toBe(1);
    expect(extremitySamplesRequired(19_500)).toBe(10);
    expect(extremitySamplesRequired(8001)).toBe(5);
  });

  it('sizes the resampling after an exceedance', () => {
    expect([200, 201, 500, 501, 5000, 5001, 19_500, 20_001].map(resamplesPerDay)).toEqual([
      1, 2, 2, 4, 4, 6, 20, 20,
    ]);
  });

  it('plans the samples over every week of the month, extremities first', () => {
    const plan = samplingPlan(2026, 3, 20, 10);
    expect(plan).toHaveLength(20);
    expect(plan.filter((p) => p.extremity)).toHaveLength(10);
    const weeks = new Set(plan.map((p) => Math.floor((Number(p.date.slice(8)) - 1 + 0) / 7)));
    expect(weeks.size).toBeGreaterThanOrEqual(4);
    for (const p of plan) {
      const dow = new Date(`${p.date}T12:00:00Z`).getUTCDay();
      expect(dow >= 1 && dow <= 4).toBe(true);
    }
  });
});

describe('the daily 4-hour log (s. 22)', () => {
  it('applies to systems serving 20,000 persons or fewer', () => {
    expect(needsFourHourLog(20_000)).toBe(true);
    expect(needsFourHourLog(20_001)).toBe(false);
  });

  it('keeps the lowest free chlorine of each 4-hour period with the flow and volume measured then', () => {
    const day = new Date('2026-03-02T05:00:00Z');
    const at = (h: number, m = 0) => new Date(day.getTime() + (h * 60 + m) * 60_000);
    const chlorine = Array.from({ length: 24 * 4 }, (_, i) => ({ at: at(0, i * 15), value: 0.8 }));
    // The lowest of period 2 (04:00–08:00) is at 06:30; of period 6 (20:00–24:00) at 23:45.
    chlorine[26] = { at: at(6, 30), value: 0.41 };
    chlorine[95] = { at: at(23, 45), value: 0.28 };
    const flow = Array.from({ length: 24 }, (_, h) => ({ at: at(h, 30), value: 100 + h }));
    const volume = Array.from({ length: 24 }, (_, h) => ({ at: at(h, 30), value: 1000 * h }));
    const log = fourHourLog(day, { chlorine, flow, volume, turbidity: [] });
    expect(log).toHaveLength(6);
    expect(log.map((l) => l.minChlorine)).toEqual([0.8, 0.41, 0.8, 0.8, 0.8, 0.28]);
    expect(log[1]).toMatchObject({ at: at(6, 30), flow: 106, volume: 6000 });
    expect(log[5]).toMatchObject({ flow: 123, volume: 23000 });
    // The first reading of a period wins a tie (readings are in time order).
    expect(log[0]?.at).toEqual(at(0));
  });
});
