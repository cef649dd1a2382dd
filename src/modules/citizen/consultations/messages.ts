import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of public consultations.
registerMessages({
  'consultation.not_found': { fr: 'Consultation introuvable.', en: 'Consultation not found.' },
  'consultation.closed': {
    fr: 'Cette consultation est terminée : on ne peut plus y participer.',
    en: 'This consultation has ended: it no longer takes contributions.',
  },
  'consultation.meeting_not_found': { fr: 'Rencontre introuvable.', en: 'Meeting not found.' },
  'consultation.meeting_full': {
    fr: 'Cette rencontre est complète.',
    en: 'This meeting is full.',
  },
  'consultation.already_registered': {
    fr: 'Vous êtes déjà inscrit ou inscrite à cette rencontre.',
    en: 'You are already registered for this meeting.',
  },
  'consultation.contribution_not_found': { fr: 'Contribution introuvable.', en: 'Contribution not found.' },
  'consultation.not_a_proposal': {
    fr: 'Seules les propositions peuvent être appuyées.',
    en: 'Only proposals can be supported.',
  },
  'consultation.already_supported': {
    fr: 'Vous appuyez déjà cette proposition.',
    en: 'You already support this proposal.',
  },
  'consultation.reply_to_comment': {
    fr: 'On répond à un commentaire de la même consultation.',
    en: 'Replies go to a comment of the same consultation.',
  },
  'consultation.title_required': {
    fr: 'Une proposition a un titre.',
    en: 'A proposal has a title.',
  },
});
