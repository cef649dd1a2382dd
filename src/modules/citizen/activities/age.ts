// Ages and dates of activities, with no I/O.

/** Whole years between a birth date and a reference date (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  let age = ry - by;
  if (rm < bm || (rm === bm && rd < bd)) age--;
  return age;
}

/** Whether an age fits an activity's limits (null means no limit on that side). */
export function fitsAges(
  age: number,
  minAge: number | null,
  maxAge: number | null,
): 'ok' | 'too_young' | 'too_old' {
  if (minAge !== null && age < minAge) return 'too_young';
  if (maxAge !== null && age > maxAge) return 'too_old';
  return 'ok';
}

/** The age group reports use. */
export function ageGroup(age: number | null): string {
  if (age === null) return 'unknown';
  if (age <= 5) return '0-5';
  if (age <= 12) return '6-12';
  if (age <= 17) return '13-17';
  if (age <= 64) return '18-64';
  return '65+';
}

export const AGE_GROUPS = ['0-5', '6-12', '13-17', '18-64', '65+', 'unknown'] as const;
