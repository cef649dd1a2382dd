import { defineNotification } from '../../../platform/notify/notification-templates.ts';

interface DecisionParams extends Record<string, unknown> {
  givenName: string;
  town: { fr: string; en: string };
  approved: boolean;
  note: string | null;
  url: string;
}

/** The outcome of staff checking an uploaded proof of residency. */
export const RESIDENCY_DECIDED = defineNotification<DecisionParams>('citizen.residency_decided', {
  subject: (p, l) =>
    l === 'fr'
      ? `${p.approved ? 'Résidence confirmée' : 'Preuve de résidence refusée'} — ${p.town.fr}`
      : `${p.approved ? 'Residency confirmed' : 'Proof of residency refused'} — ${p.town.en}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\n${p.approved ? `Votre résidence à ${p.town.fr} est confirmée. Les cartes citoyennes de votre ménage sont prêtes dans votre espace.` : `Votre preuve de résidence à ${p.town.fr} n’a pas pu être acceptée.`}${p.note ? `\n\nNote du personnel : ${p.note}` : ''}\n\n${p.url}`
      : `Hello ${p.givenName},\n\n${p.approved ? `Your residency in ${p.town.en} is confirmed. Your household’s citizen cards are ready in your account.` : `Your proof of residency in ${p.town.en} could not be accepted.`}${p.note ? `\n\nStaff note: ${p.note}` : ''}\n\n${p.url}`,
  short: (p, l) =>
    l === 'fr'
      ? p.approved
        ? `Résidence confirmée à ${p.town.fr}.`
        : `Preuve de résidence refusée (${p.town.fr}).`
      : p.approved
        ? `Residency confirmed in ${p.town.en}.`
        : `Proof of residency refused (${p.town.en}).`,
  url: (p) => p.url,
});

interface ClaimCodeParams extends Record<string, unknown> {
  code: string;
  town: { fr: string; en: string };
  minutes: number;
}

/** The one-time code that proves a person holds the e-mail or phone on file of an imported household. */
export const CLAIM_CODE = defineNotification<ClaimCodeParams>('citizen.claim_code', {
  subject: (p, l) => (l === 'fr' ? `Votre code : ${p.code}` : `Your code: ${p.code}`),
  text: (p, l) =>
    l === 'fr'
      ? `Votre code pour réclamer le dossier de votre ménage à ${p.town.fr} est ${p.code}. Il expire dans ${p.minutes} minutes.\n\nSi vous n’avez rien demandé, ignorez ce message.`
      : `Your code to claim your household’s record in ${p.town.en} is ${p.code}. It expires in ${p.minutes} minutes.\n\nIf you did not ask for it, ignore this message.`,
  short: (p, l) =>
    l === 'fr'
      ? `Civique : votre code est ${p.code} (${p.minutes} min).`
      : `Civique: your code is ${p.code} (${p.minutes} min).`,
});
