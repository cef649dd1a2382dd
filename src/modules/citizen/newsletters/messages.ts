import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of newsletters.
registerMessages({
  'newsletter.list_not_found': { fr: 'Infolettre introuvable.', en: 'Newsletter not found.' },
  'newsletter.issue_not_found': { fr: 'Numéro introuvable.', en: 'Issue not found.' },
  'newsletter.issue_not_draft': {
    fr: 'Ce numéro est déjà envoyé ou en cours d’envoi.',
    en: 'This issue was already sent or is being sent.',
  },
  'newsletter.token_invalid': {
    fr: 'Ce lien n’est pas valide ou a expiré.',
    en: 'This link is invalid or has expired.',
  },
  'newsletter.consent_stale': {
    fr: 'Le texte de consentement a changé : relisez-le et confirmez.',
    en: 'The consent text changed: read it again and confirm.',
  },
  'newsletter.email_required': {
    fr: 'Entrez votre adresse courriel ou connectez-vous.',
    en: 'Enter your e-mail address or sign in.',
  },
  'newsletter.schedule_past': {
    fr: 'La date d’envoi doit être dans le futur.',
    en: 'The sending date must be in the future.',
  },
});
