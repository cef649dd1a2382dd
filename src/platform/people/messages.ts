import { registerMessages } from '../http/errors.ts';

// The household codes `household.not_member` and `household.dependant_only` live in the shared catalogue.
registerMessages({
  'household.birth_date_invalid': {
    fr: 'La date de naissance doit être passée et d’au plus 120 ans.',
    en: 'The birth date must be in the past and at most 120 years ago.',
  },
  'household.guardian_only': {
    fr: 'Seul un parent ou tuteur du ménage peut gérer les personnes à charge.',
    en: 'Only a parent or guardian of the household can manage dependants.',
  },
  'household.cannot_act_for': {
    fr: 'Vous ne pouvez pas agir au nom de cette personne.',
    en: 'You cannot act on behalf of this person.',
  },
  'household.dependant_in_use': {
    fr: 'Cette personne a encore des inscriptions ou des dossiers; annulez-les avant de la retirer du ménage.',
    en: 'This person still has registrations or records; cancel them before removing them from the household.',
  },
  'profile.name_blank': {
    fr: 'Le prénom et le nom ne peuvent pas être vides.',
    en: 'Given name and family name cannot be blank.',
  },
});
