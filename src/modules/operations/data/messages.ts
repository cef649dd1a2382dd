import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of operational data: stations, measures, readings and their ingestion.
registerMessages({
  'ops.station_not_found': { fr: 'Station introuvable.', en: 'Station not found.' },
  'ops.station_code_taken': {
    fr: 'Une autre station porte déjà ce code.',
    en: 'Another station already has this code.',
  },
  'ops.kind_unknown': { fr: 'Type de station inconnu : {kind}.', en: 'Unknown station kind: {kind}.' },
  'ops.measure_not_found': { fr: 'Mesure introuvable.', en: 'Measure not found.' },
  'ops.measure_unknown': {
    fr: 'Cette station ne mesure pas « {measure} ».',
    en: 'This station does not measure “{measure}”.',
  },
  'ops.range_invalid': {
    fr: 'La valeur minimale doit être inférieure à la valeur maximale.',
    en: 'The minimum must be lower than the maximum.',
  },
  'ops.value_out_of_valid_range': {
    fr: 'Valeur {value} hors de la plage valide de l’instrument ({min} à {max}).',
    en: 'Value {value} outside the instrument’s valid range ({min} to {max}).',
  },
  'ops.value_invalid': { fr: 'Valeur numérique invalide : « {value} ».', en: 'Invalid number: “{value}”.' },
  'ops.time_invalid': {
    fr: 'Date et heure invalides : « {value} ».',
    en: 'Invalid date and time: “{value}”.',
  },
  'ops.time_in_future': {
    fr: 'La lecture est datée dans le futur.',
    en: 'The reading is dated in the future.',
  },
  'ops.direction_unknown': {
    fr: 'Direction inconnue pour cette station : « {direction} ».',
    en: 'Unknown direction for this station: “{direction}”.',
  },
  'ops.batch_too_large': {
    fr: 'Au plus {max} lectures par envoi.',
    en: 'At most {max} readings per batch.',
  },
  'ops.device_token_invalid': {
    fr: 'Jeton d’appareil invalide ou révoqué.',
    en: 'Invalid or revoked device token.',
  },
  'ops.device_not_found': { fr: 'Appareil introuvable.', en: 'Device not found.' },
  'ops.import_not_found': { fr: 'Importation introuvable.', en: 'Import not found.' },
  'ops.import_already_started': {
    fr: 'Cette importation est déjà lancée.',
    en: 'This import has already started.',
  },
  'ops.import_mapping_incomplete': {
    fr: 'Indiquez la colonne de la date et au moins une colonne de valeurs.',
    en: 'Choose the date column and at least one value column.',
  },
  'ops.import_empty': {
    fr: 'Le fichier ne contient aucune ligne de données.',
    en: 'The file has no data lines.',
  },
  'ops.import_column_unknown': {
    fr: 'Colonne absente du fichier : « {column} ».',
    en: 'Column not in the file: “{column}”.',
  },
  'ops.import_csv_invalid': {
    fr: 'Fichier CSV illisible : {reason}',
    en: 'Unreadable CSV file: {reason}',
  },
  'ops.cell_missing': { fr: 'Colonne « {column} » vide.', en: 'Column “{column}” is empty.' },
});
