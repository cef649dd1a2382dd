import { registerMessages } from '../http/errors.ts';

// Bilingual messages of addresses, imports and map layers (French first).
registerMessages({
  'geo.bbox_invalid': {
    fr: 'La zone doit s’écrire bbox=ouest,sud,est,nord en degrés décimaux (longitudes de -180 à 180, latitudes de -90 à 90, sud ≤ nord).',
    en: 'The area must be written bbox=west,south,east,north in decimal degrees (longitudes -180 to 180, latitudes -90 to 90, south ≤ north).',
  },
  'geo.layer_not_found': { fr: 'Cette couche n’existe pas.', en: 'This layer does not exist.' },
  'address.none_nearby': {
    fr: 'Aucune adresse géolocalisée n’est enregistrée près de ce point.',
    en: 'No geolocated address is registered near this point.',
  },
  'address_import.not_found': { fr: 'Importation introuvable.', en: 'Import not found.' },
  'address_import.already_started': {
    fr: 'Cette importation est déjà lancée.',
    en: 'This import has already been started.',
  },
  'address_import.file_expired': {
    fr: 'Le fichier de cette importation n’est plus conservé; téléversez-le de nouveau.',
    en: 'This import’s file is no longer kept; upload it again.',
  },
  'address_import.mapping_incomplete': {
    fr: 'Indiquez quelles colonnes contiennent le numéro civique et la rue (ou l’adresse complète), et les deux coordonnées ou aucune.',
    en: 'Say which columns hold the civic number and the street (or the whole address), and both coordinates or neither.',
  },
  'address_import.mapping_unknown_column': {
    fr: 'La colonne « {column} » n’existe pas dans le fichier.',
    en: 'The column “{column}” is not in the file.',
  },
  'address_import.nothing_to_import': {
    fr: 'Le fichier ne contient aucune adresse valide à importer.',
    en: 'The file holds no valid address to import.',
  },
  'address_import.csv_malformed': {
    fr: 'Le fichier CSV est mal formé à la ligne {line} (guillemet non fermé?); la suite n’a pas été lue.',
    en: 'The CSV file is malformed at line {line} (unclosed quote?); the rest was not read.',
  },
  'address_import.json_malformed': {
    fr: 'Le fichier GeoJSON n’est pas un JSON valide (ligne {line}).',
    en: 'The GeoJSON file is not valid JSON (line {line}).',
  },
  'address_import.geojson_not_features': {
    fr: 'Le fichier GeoJSON doit être une FeatureCollection (ou une Feature).',
    en: 'The GeoJSON file must be a FeatureCollection (or a Feature).',
  },
  'address_import.failed': {
    fr: 'L’importation a échoué; les adresses déjà traitées sont conservées. Relancez-la.',
    en: 'The import failed; addresses already processed are kept. Start it again.',
  },
  'address_import.line.column_count': {
    fr: '{found} colonnes au lieu de {expected}.',
    en: '{found} columns instead of {expected}.',
  },
  'address_import.line.address_unreadable': {
    fr: 'Adresse illisible : elle doit commencer par le numéro civique (« 123, rue Principale »).',
    en: 'Unreadable address: it must start with the civic number (“123, rue Principale”).',
  },
  'address_import.line.civic_missing': { fr: 'Numéro civique manquant.', en: 'Civic number missing.' },
  'address_import.line.civic_invalid': {
    fr: 'Numéro civique invalide : « {value} ».',
    en: 'Invalid civic number: “{value}”.',
  },
  'address_import.line.suffix_invalid': {
    fr: 'Suffixe du numéro civique invalide : « {value} » (une lettre ou 1/2).',
    en: 'Invalid civic number suffix: “{value}” (one letter or 1/2).',
  },
  'address_import.line.street_missing': { fr: 'Nom de rue manquant.', en: 'Street name missing.' },
  'address_import.line.street_too_long': {
    fr: 'Nom de rue trop long (120 caractères au plus).',
    en: 'Street name too long (120 characters at most).',
  },
  'address_import.line.street_type_unknown': {
    fr: 'Type de rue inconnu : « {value} ».',
    en: 'Unknown street type: “{value}”.',
  },
  'address_import.line.postal_code_invalid': {
    fr: 'Code postal invalide : « {value} » (format A1A 1A1).',
    en: 'Invalid postal code: “{value}” (format A1A 1A1).',
  },
  'address_import.line.position_incomplete': {
    fr: 'Il faut la latitude et la longitude, ou ni l’une ni l’autre.',
    en: 'Both latitude and longitude are needed, or neither.',
  },
  'address_import.line.latitude_invalid': {
    fr: 'Latitude invalide : « {value} » (degrés décimaux WGS 84, de -90 à 90).',
    en: 'Invalid latitude: “{value}” (WGS 84 decimal degrees, -90 to 90).',
  },
  'address_import.line.longitude_invalid': {
    fr: 'Longitude invalide : « {value} » (degrés décimaux WGS 84, de -180 à 180).',
    en: 'Invalid longitude: “{value}” (WGS 84 decimal degrees, -180 to 180).',
  },
  'address_import.line.position_invalid': {
    fr: 'Coordonnées invalides (longitude, latitude en degrés décimaux WGS 84).',
    en: 'Invalid coordinates (longitude, latitude in WGS 84 decimal degrees).',
  },
  'address_import.line.not_a_point': {
    fr: 'L’entité n’a pas une géométrie de type Point.',
    en: 'The feature does not have a Point geometry.',
  },
});
