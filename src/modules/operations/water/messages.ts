import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of drinking-water compliance.
registerMessages({
  'ops.alarm_not_found': { fr: 'Alarme introuvable.', en: 'Alarm not found.' },
  'ops.alarm_not_open': {
    fr: 'Cette alarme a déjà été prise en charge.',
    en: 'This alarm has already been acknowledged.',
  },
  'ops.alarm_not_acknowledged': {
    fr: 'Accusez réception de l’alarme avant de la fermer.',
    en: 'Acknowledge the alarm before closing it.',
  },
  'ops.threshold_not_found': { fr: 'Seuil introuvable.', en: 'Threshold not found.' },
  'ops.sample_not_found': { fr: 'Échantillon introuvable.', en: 'Sample not found.' },
  'ops.sample_already_resulted': {
    fr: 'Le résultat de cet échantillon est déjà saisi.',
    en: 'This sample’s result has already been entered.',
  },
  'ops.exceedance_not_found': { fr: 'Dépassement introuvable.', en: 'Exceedance not found.' },
  'ops.exceedance_step_invalid': {
    fr: 'Cette étape n’est pas possible pour ce dépassement.',
    en: 'This step is not possible for this exceedance.',
  },
  'ops.population_missing': {
    fr: 'Indiquez la population desservie par la station.',
    en: 'Give the population the station serves.',
  },
  'ops.on_call_not_staff': {
    fr: 'Seul le personnel des opérations peut être de garde.',
    en: 'Only operations staff can be on call.',
  },
});
