import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of the roll: errors of the API and the reasons a unit or a file is refused.
registerMessages({
  'roll.not_loaded': {
    fr: 'Le rôle d’évaluation de cette municipalité n’est pas encore chargé.',
    en: 'This municipality’s assessment roll has not been loaded yet.',
  },
  'roll.unit_not_found': { fr: 'Unité d’évaluation introuvable.', en: 'Assessment unit not found.' },
  'roll.import_not_found': { fr: 'Importation introuvable.', en: 'Import not found.' },
  'roll.import_running': {
    fr: 'Une importation du rôle est déjà en cours pour cette organisation. Attendez qu’elle se termine.',
    en: 'A roll import is already running for this organisation. Wait until it ends.',
  },
  'roll.not_xml': {
    fr: 'Le fichier doit être un rôle au format XML du MAMH (.xml).',
    en: 'The file must be a roll in the MAMH XML format (.xml).',
  },
  'roll.use_codes_invalid': {
    fr: 'La liste des codes d’utilisation (CUBF) contient des lignes invalides; rien n’a été chargé.',
    en: 'The land-use code (CUBF) list has invalid lines; nothing was loaded.',
  },
  'roll.xml_malformed': {
    fr: 'Le fichier XML est mal formé (ligne {line}); rien n’a été importé.',
    en: 'The XML file is malformed (line {line}); nothing was imported.',
  },
  'roll.not_a_roll': {
    fr: 'Ce fichier n’est pas un rôle d’évaluation du MAMH (ligne {line}).',
    en: 'This file is not a MAMH assessment roll (line {line}).',
  },
  'roll.header_missing': {
    fr: 'Le code de municipalité (RLM01A) ou l’année du rôle (RLM02A) manque avant la première unité (ligne {line}).',
    en: 'The municipality code (RLM01A) or roll year (RLM02A) is missing before the first unit (line {line}).',
  },
  'roll.wrong_municipality': {
    fr: 'Ce fichier est le rôle d’une autre municipalité.',
    en: 'This file is the roll of another municipality.',
  },
  'roll.import_interrupted': {
    fr: 'L’importation a été interrompue; rien n’a été importé.',
    en: 'The import was interrupted; nothing was imported.',
  },
  'roll.import_failed': {
    fr: 'L’importation a échoué; rien n’a été importé.',
    en: 'The import failed; nothing was imported.',
  },
  'roll.upload_failed': { fr: 'Le fichier n’a pas pu être reçu.', en: 'The file could not be received.' },
  'roll.unit_matricule': {
    fr: 'Matricule absent ou invalide ({field}).',
    en: 'Missing or invalid matricule ({field}).',
  },
  'roll.unit_number': { fr: 'Nombre invalide ({field}).', en: 'Invalid number ({field}).' },
  'roll.unit_date': { fr: 'Date invalide ({field}).', en: 'Invalid date ({field}).' },
  'roll.unit_duplicate': {
    fr: 'Matricule en double dans le fichier.',
    en: 'Duplicate matricule in the file.',
  },
});
