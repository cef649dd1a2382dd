import { registerMessages } from '../../platform/http/errors.ts';

// Bilingual messages of the job portal (candidates, employers, matching, moderation).
registerMessages({
  'attraction.not_mrc': {
    fr: 'Le portail d’emploi est offert par une MRC.',
    en: 'The job portal is run by a regional county municipality (MRC).',
  },
  'attraction.profile_not_found': {
    fr: 'Profil de candidat introuvable.',
    en: 'Candidate profile not found.',
  },
  'attraction.noc_unknown': {
    fr: 'Code CNP inconnu : {code}.',
    en: 'Unknown NOC code: {code}.',
  },
  'attraction.municipality_unknown': {
    fr: 'Cette municipalité ne fait pas partie de la MRC.',
    en: 'This municipality is not part of the MRC.',
  },
  'attraction.cv_not_found': {
    fr: 'CV introuvable : déposez-le d’abord avec l’objet « attraction.cv ».',
    en: 'CV not found: upload it first with the purpose “attraction.cv”.',
  },
  'attraction.consent_required': {
    fr: 'Acceptez d’abord le texte de consentement à l’arrimage.',
    en: 'First accept the consent text for matching.',
  },
  'attraction.company_not_found': { fr: 'Entreprise introuvable.', en: 'Company not found.' },
  'attraction.company_not_approved': {
    fr: 'L’entreprise doit être approuvée par la MRC avant de publier des offres.',
    en: 'The company must be approved by the MRC before publishing offers.',
  },
  'attraction.owner_required': {
    fr: 'Seuls les responsables de l’entreprise peuvent faire cette action.',
    en: 'Only the company’s owners can do this.',
  },
  'attraction.invitation_invalid': {
    fr: 'Cette invitation est invalide, expirée ou adressée à un autre courriel.',
    en: 'This invitation is invalid, expired or addressed to another e-mail.',
  },
  'attraction.offer_not_found': { fr: 'Offre introuvable.', en: 'Offer not found.' },
  'attraction.offer_not_editable': {
    fr: 'Seule une offre en brouillon ou refusée peut être modifiée.',
    en: 'Only a draft or rejected offer can be changed.',
  },
  'attraction.offer_not_pending': {
    fr: 'Cette offre n’attend pas de modération.',
    en: 'This offer is not awaiting moderation.',
  },
  'attraction.wage_range': {
    fr: 'Le salaire maximum doit être supérieur ou égal au minimum.',
    en: 'The maximum wage must be at least the minimum.',
  },
  'attraction.reason_required': {
    fr: 'Indiquez la raison du refus.',
    en: 'Give the reason for the refusal.',
  },
  'attraction.match_not_found': { fr: 'Arrimage introuvable.', en: 'Match not found.' },
  'attraction.not_mutual': {
    fr: 'Les coordonnées et les messages s’ouvrent quand les deux parties ont manifesté leur intérêt.',
    en: 'Contact details and messages open once both sides have expressed interest.',
  },
  'attraction.message_required': { fr: 'Écrivez un message.', en: 'Write a message.' },
});
