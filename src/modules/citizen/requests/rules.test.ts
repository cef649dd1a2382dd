import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../platform/geo/geojson.ts';
import { type CategoryField, checkAttributes } from './attributes.ts';
import {
  addBusinessDays,
  dueAfterBusinessDays,
  easterSunday,
  endOfLocalDay,
  isBusinessDay,
  quebecHolidays,
} from './business-days.ts';
import { publicPosition, snapToGrid } from './grid.ts';
import { POTHOLE } from './test-support.ts';

describe('Quebec business days', () => {
  it('knows the holidays municipal offices close for', () => {
    expect([...quebecHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-03', // Good Friday
      '2026-04-06', // Easter Monday
      '2026-05-18', // National Patriots' Day
      '2026-06-24',
      '2026-07-01',
      '2026-09-07', // Labour Day
      '2026-10-12', // Thanksgiving
      '2026-12-25',
    ]);
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
    // Fête nationale on a Sunday is observed on the Monday (2029), Canada Day too (2029).
    expect(quebecHolidays(2029).has('2029-06-25')).toBe(true);
    expect(quebecHolidays(2029).has('2029-07-02')).toBe(true);
    expect(quebecHolidays(2024).has('2024-05-20')).toBe(true);
  });

  it('counts business days across weekends and holidays', () => {
    expect(addBusinessDays('2026-04-02', 1)).toBe('2026-04-07'); // Thursday → over Good Friday, weekend, Easter Monday
    expect(addBusinessDays('2026-05-16', 2)).toBe('2026-05-20'); // Saturday → over Patriots' Day
    expect(addBusinessDays('2026-05-16', 0)).toBe('2026-05-19');
    expect(addBusinessDays('2026-03-10', 10)).toBe('2026-03-24');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const day = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addBusinessDays(day, n);
        expect(isBusinessDay(due)).toBe(true);
        expect(due > day).toBe(true);
      }),
    );
  });

  it('falls due at the end of the business day in Quebec time, summer and winter', () => {
    expect(endOfLocalDay('2026-07-15').toISOString()).toBe('2026-07-16T03:59:59.999Z');
    expect(endOfLocalDay('2026-01-15').toISOString()).toBe('2026-01-16T04:59:59.999Z');
    // Friday 22:00 in Quebec (Saturday in UTC) with 2 business days: the end of Tuesday, Quebec time.
    expect(dueAfterBusinessDays(new Date('2026-03-14T02:00:00Z'), 2).toISOString()).toBe(
      '2026-03-18T03:59:59.999Z',
    );
  });
});

describe('approximate positions', () => {
  it('snaps every point of a cell to the same centre, never farther than half a diagonal', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 45, max: 49, noNaN: true }),
        fc.double({ min: -75, max: -66, noNaN: true }),
        fc.integer({ min: 50, max: 1000 }),
        (lat, lon, metres) => {
          const cell = snapToGrid(lat, lon, metres);
          expect(haversineMeters(lat, lon, cell.lat, cell.lon)).toBeLessThanOrEqual(metres * 0.72);
          expect(snapToGrid(cell.lat, cell.lon, metres)).toEqual(cell);
        },
      ),
    );
    expect(publicPosition(46.0226, -73.4417, { sensitive: false, gridMetres: 250 })).toEqual({
      lat: 46.0226,
      lon: -73.4417,
    });
  });
});

describe('a category’s own fields', () => {
  const fields = POTHOLE.fields as CategoryField[];
  it('keeps clean values and names every problem', () => {
    expect(checkAttributes(fields, { taille: 'grand', profondeur: '12,5', inconnu: 'x' })).toEqual({
      values: { taille: 'grand', profondeur: 12.5 },
      problems: [],
    });
    expect(checkAttributes(fields, { taille: 'enorme', profondeur: 'deep' }).problems).toEqual([
      { code: 'taille', rule: 'choice' },
      { code: 'profondeur', rule: 'number' },
    ]);
    expect(checkAttributes(fields, {}).problems).toEqual([{ code: 'taille', rule: 'required' }]);
    const multi: CategoryField[] = [
      {
        code: 'etat',
        datatype: 'multivaluelist',
        required: true,
        labelFr: 'É',
        labelEn: 'S',
        values: [
          { key: 'a', nameFr: 'A', nameEn: 'A' },
          { key: 'b', nameFr: 'B', nameEn: 'B' },
        ],
      },
    ];
    expect(checkAttributes(multi, { etat: ['a', 'b', 'a'] }).values).toEqual({ etat: ['a', 'b'] });
    expect(checkAttributes(multi, { etat: 'a,c' }).problems).toEqual([{ code: 'etat', rule: 'choice' }]);
  });
});
