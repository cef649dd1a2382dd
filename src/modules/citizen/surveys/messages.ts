import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of surveys.
registerMessages({
  'survey.not_found': { fr: 'Sondage introuvable.', en: 'Survey not found.' },
  'survey.not_open': {
    fr: 'Ce sondage n’est pas ouvert aux réponses en ce moment.',
    en: 'This survey is not open for answers right now.',
  },
  'survey.already_answered': {
    fr: 'Vous avez déjà répondu à ce sondage : une seule réponse par personne.',
    en: 'You already answered this survey: one answer per person.',
  },
  'survey.not_in_audience': {
    fr: 'Ce sondage s’adresse à un autre public (par exemple aux résidents de la municipalité).',
    en: 'This survey is meant for another audience (for example the town’s residents).',
  },
  'survey.answers_invalid': {
    fr: 'Certaines réponses manquent ou sont invalides.',
    en: 'Some answers are missing or invalid.',
  },
  'survey.questions_invalid': {
    fr: 'Le questionnaire contient des erreurs.',
    en: 'The questionnaire has errors.',
  },
  'survey.dates_invalid': {
    fr: 'La date de fermeture doit suivre la date d’ouverture.',
    en: 'The closing date must come after the opening date.',
  },
  'survey.segment_missing': {
    fr: 'Un segment doit nommer au moins un début de code postal.',
    en: 'A segment must name at least one postal-code beginning.',
  },
  'survey.locked': {
    fr: 'Des réponses ont déjà été reçues : le questionnaire et l’anonymat ne peuvent plus changer.',
    en: 'Answers were already received: the questionnaire and anonymity can no longer change.',
  },
  'survey.results_not_public': {
    fr: 'Les résultats de ce sondage ne sont pas publiés.',
    en: 'The results of this survey are not published.',
  },
  'survey.question_key_invalid': { fr: 'Clé de question invalide.', en: 'Invalid question key.' },
  'survey.question_key_duplicate': { fr: 'Clé de question en double.', en: 'Duplicate question key.' },
  'survey.question_label_missing': {
    fr: 'Le libellé doit être écrit en français et en anglais.',
    en: 'The label must be written in French and English.',
  },
  'survey.question_options_missing': {
    fr: 'Une question à choix demande au moins deux choix.',
    en: 'A choice question needs at least two options.',
  },
  'survey.question_options_duplicate': { fr: 'Choix en double.', en: 'Duplicate option.' },
  'survey.question_bounds_invalid': { fr: 'Bornes invalides.', en: 'Invalid bounds.' },
  'survey.condition_invalid': {
    fr: 'Une condition doit viser une question à choix précédente et ses choix.',
    en: 'A condition must point to an earlier choice question and its options.',
  },
  'survey.answer_required': { fr: 'Cette question est obligatoire.', en: 'This question is required.' },
  'survey.answer_option_unknown': { fr: 'Choix inconnu.', en: 'Unknown option.' },
  'survey.answer_too_many': { fr: 'Trop de choix.', en: 'Too many options.' },
  'survey.answer_ranking_invalid': {
    fr: 'Classez chaque choix une seule fois.',
    en: 'Rank every option exactly once.',
  },
  'survey.answer_text_invalid': { fr: 'Texte invalide.', en: 'Invalid text.' },
  'survey.answer_number_invalid': { fr: 'Entrez un nombre.', en: 'Enter a number.' },
  'survey.answer_out_of_range': { fr: 'Valeur hors des limites.', en: 'Value out of range.' },
  'survey.answer_date_invalid': { fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' },
});
