import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of the call-back list.
registerMessages({
  'callback.not_found': { fr: 'Introuvable.', en: 'Not found.' },
  'callback.employee_not_found': {
    fr: 'Cette personne n’est pas sur la liste.',
    en: 'This person is not on the list.',
  },
  'callback.employee_number_taken': {
    fr: 'Ce numéro d’employé est déjà sur la liste.',
    en: 'This employee number is already on the list.',
  },
  'callback.account_taken': {
    fr: 'Ce compte est déjà lié à une autre personne de la liste.',
    en: 'This account is already linked to another person on the list.',
  },
  'callback.account_not_found': { fr: 'Aucun compte avec ce courriel.', en: 'No account with this e-mail.' },
  'callback.not_on_list': {
    fr: 'Votre compte n’est pas lié à la liste de rappel de cette organisation.',
    en: 'Your account is not linked to this organisation’s call-back list.',
  },
  'callback.need_not_found': { fr: 'Besoin introuvable.', en: 'Need not found.' },
  'callback.offer_not_found': { fr: 'Offre introuvable.', en: 'Offer not found.' },
  'callback.need_closed': {
    fr: 'Ce besoin est déjà comblé ou fermé.',
    en: 'This need is already filled or closed.',
  },
  'callback.offer_closed': {
    fr: 'Cette offre n’attend plus de réponse (délai écoulé, déjà répondue ou besoin comblé).',
    en: 'This offer no longer awaits an answer (window over, already answered or need filled).',
  },
  'callback.conflicting_shift': {
    fr: 'Vous avez déjà accepté un quart qui chevauche celui-ci ou ne laisse pas le repos minimal.',
    en: 'You already accepted a shift that overlaps this one or leaves less than the minimum rest.',
  },
  'callback.invalid_interval': {
    fr: 'La fin doit suivre le début.',
    en: 'The end must come after the start.',
  },
  'callback.need_in_past': {
    fr: 'Le besoin doit commencer dans le futur.',
    en: 'The need must start in the future.',
  },
  'callback.no_job_class': {
    fr: 'Indiquez au moins une classe d’emploi.',
    en: 'Give at least one job class.',
  },
  'callback.invalid_slot': { fr: 'Plage de disponibilité invalide.', en: 'Invalid availability slot.' },
  'callback.invalid_rules': { fr: 'Règles invalides : {problem}', en: 'Invalid rules: {problem}' },
  'callback.invalid_token': {
    fr: 'Ce lien n’est pas valide. Ouvrez vos offres dans votre espace.',
    en: 'This link is not valid. Open your offers in your space.',
  },
  'callback.contact_missing': {
    fr: 'Le courriel est requis pour le canal courriel et le téléphone pour les textos.',
    en: 'An e-mail address is needed for e-mail and a phone number for text messages.',
  },
});
