import type { Locale } from '../http/locale.ts';
import { defineEmailTemplate } from '../notify/templates.ts';

interface CodeParams extends Record<string, unknown> {
  givenName: string;
  code: string;
  minutes: number;
}

const ignoreFr = 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : rien ne changera.';
const ignoreEn = 'If you did not ask for this, ignore this e-mail: nothing will change.';

/** The 6-digit code that confirms a new account's e-mail address. */
export const VERIFY_EMAIL_TEMPLATE = defineEmailTemplate<CodeParams>('auth.verify_email', {
  subject: (p, l) =>
    l === 'fr' ? `Votre code de confirmation : ${p.code}` : `Your confirmation code: ${p.code}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nPour confirmer votre courriel et activer votre compte Civique, entrez ce code :\n\n${p.code}\n\nIl est valide ${p.minutes} minutes.\n\n${ignoreFr}`
      : `Hello ${p.givenName},\n\nTo confirm your e-mail and activate your Civique account, enter this code:\n\n${p.code}\n\nIt is valid for ${p.minutes} minutes.\n\n${ignoreEn}`,
});

/** The 6-digit code of a passwordless sign-in. */
export const SIGN_IN_CODE_TEMPLATE = defineEmailTemplate<CodeParams>('auth.sign_in_code', {
  subject: (p, l) => (l === 'fr' ? `Votre code de connexion : ${p.code}` : `Your sign-in code: ${p.code}`),
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nVoici votre code pour vous connecter à Civique :\n\n${p.code}\n\nIl est valide ${p.minutes} minutes et ne sert qu’une fois.\n\n${ignoreFr}`
      : `Hello ${p.givenName},\n\nHere is your code to sign in to Civique:\n\n${p.code}\n\nIt is valid for ${p.minutes} minutes and works once.\n\n${ignoreEn}`,
});

/** The 6-digit code that lets a person choose a new password. */
export const RESET_CODE_TEMPLATE = defineEmailTemplate<CodeParams>('auth.reset_code', {
  subject: (p, l) =>
    l === 'fr' ? `Réinitialiser votre mot de passe : ${p.code}` : `Reset your password: ${p.code}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nPour choisir un nouveau mot de passe, entrez ce code :\n\n${p.code}\n\nIl est valide ${p.minutes} minutes. Toutes vos autres sessions seront fermées.\n\n${ignoreFr}`
      : `Hello ${p.givenName},\n\nTo choose a new password, enter this code:\n\n${p.code}\n\nIt is valid for ${p.minutes} minutes. All your other sessions will be signed out.\n\n${ignoreEn}`,
});

const attemptText: Record<Locale, (givenName: string) => string> = {
  fr: (n) =>
    `Bonjour ${n},\n\nQuelqu’un a tenté de créer un compte Civique avec votre courriel. Votre compte existe déjà; aucun nouveau compte n’a été créé.\n\nSi c’était vous, connectez-vous ou réinitialisez votre mot de passe. Sinon, vous n’avez rien à faire.`,
  en: (n) =>
    `Hello ${n},\n\nSomeone tried to create a Civique account with your e-mail. Your account already exists; no new account was created.\n\nIf it was you, sign in or reset your password. Otherwise, there is nothing to do.`,
};

/**
 * Told to an existing owner when someone signs up with their address (the sign-up itself answers as
 * usual, so nobody learns which e-mails have accounts). Written in both languages, the owner's first,
 * because whoever tried may not share the owner's language.
 */
export const SIGN_UP_ATTEMPT_TEMPLATE = defineEmailTemplate<{ givenName: string }>('auth.sign_up_attempt', {
  subject: (_p, l) =>
    l === 'fr'
      ? 'Tentative d’inscription avec votre courriel / Sign-up attempt with your e-mail'
      : 'Sign-up attempt with your e-mail / Tentative d’inscription avec votre courriel',
  text: (p, l) => {
    const other: Locale = l === 'fr' ? 'en' : 'fr';
    return `${attemptText[l](p.givenName)}\n\n---\n\n${attemptText[other](p.givenName)}`;
  },
});

/** Confirms a password change, so a change the owner did not make is noticed. */
export const PASSWORD_CHANGED_TEMPLATE = defineEmailTemplate<{ givenName: string }>('auth.password_changed', {
  subject: (_p, l) => (l === 'fr' ? 'Votre mot de passe a été changé' : 'Your password was changed'),
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nLe mot de passe de votre compte Civique vient d’être changé et vos autres sessions ont été fermées.\n\nSi vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe sans tarder et avisez votre municipalité.`
      : `Hello ${p.givenName},\n\nThe password of your Civique account was just changed and your other sessions were signed out.\n\nIf you did not make this change, reset your password right away and tell your municipality.`,
});
