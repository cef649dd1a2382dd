import type { Bilingual } from './locale.ts';

/**
 * The catalogue of every error message the API returns, in French and English.
 * Modules add their codes here under their own prefix (`registration.full`, `transit.no_vehicle` …).
 */
export const MESSAGES = {
  internal: {
    fr: 'Une erreur inattendue est survenue. Vos données sont conservées; réessayez dans un instant.',
    en: 'An unexpected error occurred. Your data is kept; please try again in a moment.',
  },
  unavailable: {
    fr: 'Le service est momentanément indisponible. Réessayez dans quelques secondes.',
    en: 'The service is temporarily unavailable. Please try again in a few seconds.',
  },
  not_found: { fr: 'Introuvable.', en: 'Not found.' },
  'route.not_found': { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.' },
  'route.bad_url': {
    fr: 'Cette adresse est mal formée ou trop longue.',
    en: 'This address is malformed or too long.',
  },
  'validation.failed': {
    fr: 'Certains champs sont invalides. Corrigez-les et réessayez; le reste de votre saisie est conservé.',
    en: 'Some fields are invalid. Correct them and try again; the rest of what you entered is kept.',
  },
  'validation.body_malformed': {
    fr: 'Le contenu envoyé n’est pas un JSON valide.',
    en: 'The request body is not valid JSON.',
  },
  'validation.unsupported_media_type': {
    fr: 'Type de contenu non pris en charge.',
    en: 'Unsupported content type.',
  },
  'validation.too_large': { fr: 'Le contenu envoyé est trop volumineux.', en: 'The request is too large.' },
  rate_limited: {
    fr: 'Trop de tentatives. Réessayez dans {seconds} secondes.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  'csrf.invalid': {
    fr: 'La page a expiré. Rechargez-la et réessayez.',
    en: 'The page has expired. Reload it and try again.',
  },
  'idempotency.in_progress': {
    fr: 'La même demande est déjà en cours de traitement.',
    en: 'The same request is already being processed.',
  },
  'idempotency.key_reused': {
    fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.',
    en: 'This idempotency key was already used for a different request.',
  },
  'idempotency.key_invalid': {
    fr: 'La clé d’idempotence doit compter de 8 à 200 caractères.',
    en: 'The idempotency key must be 8 to 200 characters long.',
  },
  'auth.required': { fr: 'Veuillez vous connecter.', en: 'Please sign in.' },
  'auth.forbidden': {
    fr: 'Vous n’avez pas l’autorisation de faire cette action.',
    en: 'You are not allowed to do this.',
  },
  'auth.invalid_credentials': {
    fr: 'Courriel ou mot de passe incorrect.',
    en: 'Incorrect e-mail or password.',
  },
  'auth.email_taken': {
    fr: 'Un compte existe déjà avec ce courriel. Connectez-vous ou réinitialisez votre mot de passe.',
    en: 'An account already exists with this e-mail. Sign in or reset your password.',
  },
  'auth.email_not_verified': {
    fr: 'Confirmez d’abord votre courriel avec le code reçu.',
    en: 'Confirm your e-mail first with the code you received.',
  },
  'auth.password_too_short': {
    fr: 'Le mot de passe doit compter au moins {min} caractères.',
    en: 'The password must be at least {min} characters long.',
  },
  'auth.password_too_common': {
    fr: 'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.',
    en: 'This password is too common or too easy to guess. Choose another one.',
  },
  'auth.code_invalid': {
    fr: 'Code invalide ou expiré. Demandez un nouveau code.',
    en: 'Invalid or expired code. Ask for a new code.',
  },
  'auth.totp_required': {
    fr: 'Entrez le code de votre application d’authentification.',
    en: 'Enter the code from your authenticator app.',
  },
  'auth.totp_invalid': {
    fr: 'Code d’authentification incorrect.',
    en: 'Incorrect authentication code.',
  },
  'auth.totp_enrollment_required': {
    fr: 'Les administrateurs doivent activer la double authentification avant de continuer.',
    en: 'Administrators must turn on two-factor authentication before continuing.',
  },
  'auth.account_disabled': { fr: 'Ce compte est désactivé.', en: 'This account is disabled.' },
  'auth.too_many_failures': {
    fr: 'Trop de tentatives de connexion. Réessayez dans {minutes} minutes ou connectez-vous par code.',
    en: 'Too many sign-in attempts. Try again in {minutes} minutes or sign in with a code.',
  },
  'org.not_found': { fr: 'Organisation introuvable.', en: 'Organisation not found.' },
  'org.slug_taken': { fr: 'Cet identifiant est déjà utilisé.', en: 'This identifier is already used.' },
  'household.not_member': {
    fr: 'Cette personne ne fait pas partie de votre ménage.',
    en: 'This person is not part of your household.',
  },
  'household.dependant_only': {
    fr: 'Seules les personnes à charge peuvent être modifiées ainsi.',
    en: 'Only dependants can be changed this way.',
  },
  'privacy.request_open': {
    fr: 'Une demande de suppression est déjà en cours.',
    en: 'A deletion request is already open.',
  },
} satisfies Record<string, Bilingual>;

export type MessageCode = keyof typeof MESSAGES;
