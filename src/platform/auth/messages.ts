import { registerMessages } from '../http/errors.ts';

// Accounts-and-access codes beyond the `auth.*` ones of the shared catalogue.
registerMessages({
  'auth.totp_not_set_up': {
    fr: 'Commencez par configurer la double authentification, puis entrez un code de votre application.',
    en: 'Set up two-factor authentication first, then enter a code from your app.',
  },
  'auth.totp_not_enabled': {
    fr: 'La double authentification n’est pas activée pour ce compte.',
    en: 'Two-factor authentication is not turned on for this account.',
  },
  'auth.totp_required_for_admins': {
    fr: 'Les administrateurs doivent garder la double authentification activée.',
    en: 'Administrators must keep two-factor authentication turned on.',
  },
  'auth.session_not_found': {
    fr: 'Cette session est introuvable ou déjà terminée.',
    en: 'This session cannot be found or has already ended.',
  },
  'staff.account_not_found': {
    fr: 'Aucun compte n’utilise ce courriel. La personne doit d’abord s’inscrire.',
    en: 'No account uses this e-mail. The person must sign up first.',
  },
  'staff.role_not_found': {
    fr: 'Cette personne n’a pas ce rôle dans l’organisation.',
    en: 'This person does not hold this role in the organisation.',
  },
  'staff.last_admin': {
    fr: 'L’organisation doit garder au moins un administrateur.',
    en: 'The organisation must keep at least one administrator.',
  },
});
