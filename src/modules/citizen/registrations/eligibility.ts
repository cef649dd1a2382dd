// Registration rules for one person and one activity, with no I/O: age at the reference date and the
// registration window of the person's category. Each problem carries its message code and parameters.
import { ageOn, fitsAges } from '../activities/age.ts';
import type { ActivityRow, SeasonRow } from '../activities/schema.ts';
import type { PriceCategory } from './schema.ts';

/** A rule a registration breaks, rendered later in the person's language. */
export interface Problem {
  code: string;
  params: Record<string, string | number>;
  status: 409 | 422;
}

const QUEBEC_DATE_TIME = {
  fr: new Intl.DateTimeFormat('fr-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/Toronto',
  }),
  en: new Intl.DateTimeFormat('en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/Toronto',
  }),
};
const QUEBEC_DATE = {
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A moment as people in Quebec read it. */
export function quebecDateTime(at: Date, locale: 'fr' | 'en'): string {
  return QUEBEC_DATE_TIME[locale].format(at);
}

/** A calendar date (`YYYY-MM-DD`) as people read it. */
export function quebecDate(day: string, locale: 'fr' | 'en'): string {
  return QUEBEC_DATE[locale].format(new Date(`${day}T00:00:00Z`));
}

/** When a category may register for a season. */
export function opensAtFor(season: SeasonRow, category: PriceCategory): Date {
  return category === 'non_resident' ? season.nonResidentOpensAt : season.residentOpensAt;
}

/** The problems of registering one person to one activity now (empty when it can be done). */
export function checkRules(options: {
  activity: ActivityRow;
  season: SeasonRow;
  person: { givenName: string; birthDate: string | null };
  category: PriceCategory;
  now: Date;
  locale: 'fr' | 'en';
}): { problems: Problem[]; age: number | null } {
  const { activity, season, person, category, now, locale } = options;
  const title = locale === 'fr' ? activity.titleFr : activity.titleEn;
  const name = person.givenName;
  const problems: Problem[] = [];
  if (activity.status !== 'published')
    problems.push({ code: 'registration.activity_unavailable', params: { title }, status: 422 });
  const opensAt = opensAtFor(season, category);
  if (now < opensAt)
    problems.push({
      code: 'registration.window_not_open',
      params: { title, opensAt: quebecDateTime(opensAt, locale) },
      status: 422,
    });
  else if (now >= season.closesAt)
    problems.push({
      code: 'registration.window_closed',
      params: { title, closesAt: quebecDateTime(season.closesAt, locale) },
      status: 422,
    });
  let age: number | null = null;
  if (person.birthDate) age = ageOn(person.birthDate, activity.ageReferenceDate);
  if (activity.minAge !== null || activity.maxAge !== null) {
    if (age === null) {
      problems.push({ code: 'registration.birth_date_missing', params: { name, title }, status: 422 });
    } else {
      const fit = fitsAges(age, activity.minAge, activity.maxAge);
      const date = quebecDate(activity.ageReferenceDate, locale);
      if (fit === 'too_young')
        problems.push({
          code: 'registration.too_young',
          params: { name, title, min: activity.minAge ?? 0, date },
          status: 422,
        });
      if (fit === 'too_old')
        problems.push({
          code: 'registration.too_old',
          params: { name, title, max: activity.maxAge ?? 0, date },
          status: 422,
        });
    }
  }
  return { problems, age };
}
