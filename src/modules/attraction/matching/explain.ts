// Plain-word reasons of a score, for the candidate ("you") and for the employer ("the candidate"), written
// from the factors that counted and nothing else.
import type { Locale } from '../../../platform/http/locale.ts';
import type { Factor, NocLevel } from './score.ts';

export type Side = 'candidate' | 'employer';

/** One reason: whether it is in favour (`match`) or a gap (`gap`), the factor it comes from and its text. */
export interface Reason {
  factor: Factor['key'];
  kind: 'match' | 'gap';
  text: string;
}

const LEVEL_TEXT: Record<Exclude<NocLevel, 'none'>, { fr: string; en: string }> = {
  unit: { fr: 'la même profession (groupe de base CNP)', en: 'the same occupation (NOC unit group)' },
  minor: {
    fr: 'une profession du même groupe intermédiaire CNP',
    en: 'an occupation in the same NOC minor group',
  },
  submajor: {
    fr: 'une profession du même sous-grand groupe CNP',
    en: 'an occupation in the same NOC sub-major group',
  },
  major: { fr: 'une profession du même grand groupe CNP', en: 'an occupation in the same NOC major group' },
  broad: {
    fr: 'une profession de la même catégorie générale CNP',
    en: 'an occupation in the same NOC broad category',
  },
};

const NEED_TEXT: Record<string, { fr: string; en: string }> = {
  housing: { fr: 'logement', en: 'housing' },
  relocation: { fr: 'aide au déménagement', en: 'relocation help' },
  spouseJob: { fr: 'emploi pour le conjoint ou la conjointe', en: 'a job for the spouse' },
};

const PERMIT_TEXT: Record<string, { fr: string; en: string }> = {
  citizen: { fr: 'citoyenneté canadienne', en: 'Canadian citizenship' },
  permanent_resident: { fr: 'résidence permanente', en: 'permanent residence' },
  open_permit: { fr: 'permis de travail ouvert', en: 'open work permit' },
  employer_specific_permit: { fr: 'permis lié à un employeur', en: 'employer-specific permit' },
  needs_permit: { fr: 'permis de travail à obtenir', en: 'work permit to obtain' },
};

function t(locale: Locale, side: Side, fr: [string, string], en: [string, string]): string {
  const pick = locale === 'fr' ? fr : en;
  return side === 'candidate' ? pick[0] : pick[1];
}

function reasonOf(f: Factor, locale: Locale, side: Side): Reason | null {
  const full = f.points >= f.max - 1e-9;
  const pick = (x: { fr: string; en: string }) => x[locale];
  switch (f.key) {
    case 'occupation': {
      if (f.level === 'none' || f.points === 0) return null;
      const what = pick(LEVEL_TEXT[f.level]);
      const text =
        f.via === 'desired'
          ? t(
              locale,
              side,
              [`Vous recherchez ${what} (${f.code}).`, `La personne recherche ${what} (${f.code}).`],
              [
                `You are looking for ${what} (${f.code}).`,
                `The candidate is looking for ${what} (${f.code}).`,
              ],
            )
          : t(
              locale,
              side,
              [
                `Vous avez ${f.years} an(s) d’expérience dans ${what} (${f.code}).`,
                `La personne a ${f.years} an(s) d’expérience dans ${what} (${f.code}).`,
              ],
              [
                `You have ${f.years} year(s) of experience in ${what} (${f.code}).`,
                `The candidate has ${f.years} year(s) of experience in ${what} (${f.code}).`,
              ],
            );
      return { factor: f.key, kind: 'match', text };
    }
    case 'skills': {
      if (f.matched.length === 0 && f.missing.length === 0) return null;
      if (f.matched.length > 0)
        return {
          factor: f.key,
          kind: full ? 'match' : 'match',
          text: t(
            locale,
            side,
            [
              `Compétences demandées que vous avez : ${f.matched.join(', ')}.`,
              `Compétences demandées que la personne a : ${f.matched.join(', ')}.`,
            ],
            [
              `Required skills you have: ${f.matched.join(', ')}.`,
              `Required skills the candidate has: ${f.matched.join(', ')}.`,
            ],
          ),
        };
      return {
        factor: f.key,
        kind: 'gap',
        text: t(
          locale,
          side,
          [
            `Compétences demandées à acquérir : ${f.missing.join(', ')}.`,
            `Compétences demandées que la personne n’indique pas : ${f.missing.join(', ')}.`,
          ],
          [
            `Required skills to acquire: ${f.missing.join(', ')}.`,
            `Required skills the candidate does not list: ${f.missing.join(', ')}.`,
          ],
        ),
      };
    }
    case 'french':
    case 'english': {
      const scale = f.key === 'french' ? 'NCLC' : 'CLB';
      const lang =
        f.key === 'french' ? pick({ fr: 'français', en: 'French' }) : pick({ fr: 'anglais', en: 'English' });
      if (f.required === 0) {
        return {
          factor: f.key,
          kind: 'match',
          text: pick({
            fr: 'Aucune exigence de langue particulière.',
            en: 'No particular language requirement.',
          }),
        };
      }
      const level = f.level ?? 0;
      return full
        ? {
            factor: f.key,
            kind: 'match',
            text: t(
              locale,
              side,
              [
                `Votre ${lang} (${scale} ${level}) atteint le niveau demandé (${scale} ${f.required}).`,
                `Le ${lang} de la personne (${scale} ${level}) atteint le niveau demandé (${scale} ${f.required}).`,
              ],
              [
                `Your ${lang} (${scale} ${level}) meets the required level (${scale} ${f.required}).`,
                `The candidate’s ${lang} (${scale} ${level}) meets the required level (${scale} ${f.required}).`,
              ],
            ),
          }
        : {
            factor: f.key,
            kind: 'gap',
            text: t(
              locale,
              side,
              [
                `Le poste demande ${scale} ${f.required} en ${lang} ; vous indiquez ${scale} ${level}.`,
                `Le poste demande ${scale} ${f.required} en ${lang} ; la personne indique ${scale} ${level}.`,
              ],
              [
                `The job asks for ${lang} ${scale} ${f.required}; you give ${scale} ${level}.`,
                `The job asks for ${lang} ${scale} ${f.required}; the candidate gives ${scale} ${level}.`,
              ],
            ),
          };
    }
    case 'location':
      return f.wanted
        ? {
            factor: f.key,
            kind: 'match',
            text: t(
              locale,
              side,
              [
                'Le poste est dans une municipalité où vous souhaitez vivre.',
                'Le poste est dans une municipalité où la personne souhaite vivre.',
              ],
              [
                'The job is in a municipality where you want to live.',
                'The job is in a municipality where the candidate wants to live.',
              ],
            ),
          }
        : {
            factor: f.key,
            kind: 'gap',
            text: t(
              locale,
              side,
              [
                'Le poste est hors des municipalités que vous avez choisies.',
                'Le poste est hors des municipalités choisies par la personne.',
              ],
              [
                'The job is outside the municipalities you chose.',
                'The job is outside the municipalities the candidate chose.',
              ],
            ),
          };
    case 'availability':
      return f.daysLate === 0
        ? {
            factor: f.key,
            kind: 'match',
            text: t(
              locale,
              side,
              [
                'Vous êtes disponible à la date d’entrée en poste.',
                'La personne est disponible à la date d’entrée en poste.',
              ],
              ['You are available by the start date.', 'The candidate is available by the start date.'],
            ),
          }
        : {
            factor: f.key,
            kind: 'gap',
            text: t(
              locale,
              side,
              [
                `Vous êtes disponible ${f.daysLate} jour(s) après la date d’entrée en poste.`,
                `La personne est disponible ${f.daysLate} jour(s) après la date d’entrée en poste.`,
              ],
              [
                `You are available ${f.daysLate} day(s) after the start date.`,
                `The candidate is available ${f.daysLate} day(s) after the start date.`,
              ],
            ),
          };
    case 'permit': {
      const p = pick(PERMIT_TEXT[f.permit] ?? { fr: f.permit, en: f.permit });
      if (f.points === 0)
        return {
          factor: f.key,
          kind: 'gap',
          text: t(
            locale,
            side,
            [
              `Situation : ${p} ; cet employeur n’accompagne pas les démarches de permis.`,
              `Situation : ${p} ; l’offre n’indique pas d’accompagnement pour le permis.`,
            ],
            [
              `Situation: ${p}; this employer does not support permit applications.`,
              `Situation: ${p}; the offer does not say it supports permit applications.`,
            ],
          ),
        };
      return f.supported
        ? {
            factor: f.key,
            kind: 'match',
            text: pick({
              fr: `L’employeur accompagne les démarches de permis de travail (${p}).`,
              en: `The employer supports the work-permit process (${p}).`,
            }),
          }
        : {
            factor: f.key,
            kind: 'match',
            text: pick({ fr: `Autorisation de travailler : ${p}.`, en: `Allowed to work: ${p}.` }),
          };
    }
    case 'education':
      if (f.points === 0)
        return {
          factor: f.key,
          kind: 'gap',
          text: pick({
            fr: `La formation indiquée est loin de celle que demande la catégorie FEER ${f.teer}.`,
            en: `The education given is far from what TEER ${f.teer} asks for.`,
          }),
        };
      if (f.compensatedByExperience)
        return {
          factor: f.key,
          kind: 'match',
          text: pick({
            fr: `L’expérience compense la formation demandée par la catégorie FEER ${f.teer}.`,
            en: `Experience makes up for the education TEER ${f.teer} asks for.`,
          }),
        };
      return full
        ? {
            factor: f.key,
            kind: 'match',
            text: pick({
              fr: `La formation correspond à la catégorie FEER ${f.teer} du poste.`,
              en: `The education fits the job’s TEER ${f.teer} category.`,
            }),
          }
        : {
            factor: f.key,
            kind: 'gap',
            text: pick({
              fr: `La formation est un peu en deçà de la catégorie FEER ${f.teer}.`,
              en: `The education is a little below TEER ${f.teer}.`,
            }),
          };
    case 'family': {
      if (f.met.length === 0 && f.unmet.length === 0) return null;
      if (f.met.length > 0)
        return {
          factor: f.key,
          kind: 'match',
          text: pick({
            fr: `L’employeur offre ce dont la famille a besoin : ${f.met.map((k) => NEED_TEXT[k]?.fr).join(', ')}.`,
            en: `The employer offers what the family needs: ${f.met.map((k) => NEED_TEXT[k]?.en).join(', ')}.`,
          }),
        };
      return {
        factor: f.key,
        kind: 'gap',
        text: pick({
          fr: `Besoins de la famille sans aide offerte : ${f.unmet.map((k) => NEED_TEXT[k]?.fr).join(', ')}.`,
          en: `Family needs with no help offered: ${f.unmet.map((k) => NEED_TEXT[k]?.en).join(', ')}.`,
        }),
      };
    }
  }
}

/** The reasons of a score, strongest first, in the reader's language and from the reader's side. */
export function explain(factors: readonly Factor[], locale: Locale, side: Side): Reason[] {
  return [...factors]
    .sort((a, b) => b.points - a.points)
    .map((f) => reasonOf(f, locale, side))
    .filter((r): r is Reason => r !== null);
}
