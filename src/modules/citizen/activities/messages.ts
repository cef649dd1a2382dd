import { registerMessages } from '../../../platform/http/errors.ts';

registerMessages({
  'activity.not_found': { fr: 'Activité introuvable.', en: 'Activity not found.' },
  'season.not_found': { fr: 'Saison introuvable.', en: 'Season not found.' },
  'activity.capacity_below_taken': {
    fr: 'La capacité ne peut pas être inférieure aux {taken} places déjà prises.',
    en: 'Capacity cannot be lower than the {taken} places already taken.',
  },
  'activity.code_taken': {
    fr: 'Une autre activité de cette saison porte déjà le code {code}.',
    en: 'Another activity of this season already has code {code}.',
  },
  'activity.invalid': {
    fr: 'Activité invalide : {reason}.',
    en: 'Invalid activity: {reason}.',
  },
  'season.invalid': { fr: 'Saison invalide : {reason}.', en: 'Invalid season: {reason}.' },
});
