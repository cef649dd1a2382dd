import { registerMessages } from '../../../platform/http/errors.ts';

// Open311 GeoReport v2: errors are answered in the standard's shape ([{ code, description }]), with the
// description in the request's language.
registerMessages({
  'open311.jurisdiction_required': {
    fr: 'Ce serveur dessert plusieurs municipalités : le paramètre jurisdiction_id est obligatoire.',
    en: 'This server serves several municipalities: the jurisdiction_id parameter is required.',
  },
  'open311.jurisdiction_unknown': {
    fr: 'jurisdiction_id inconnu : « {jurisdiction} ».',
    en: 'Unknown jurisdiction_id: “{jurisdiction}”.',
  },
  'open311.api_key_required': {
    fr: 'Une clé d’API (api_key) est obligatoire pour soumettre une requête.',
    en: 'An API key (api_key) is required to submit a request.',
  },
  'open311.api_key_invalid': {
    fr: 'Clé d’API invalide ou révoquée.',
    en: 'Invalid or revoked API key.',
  },
  'open311.rate_limited': {
    fr: 'Limite de {limit} requêtes par minute atteinte pour cette clé. Réessayez dans {seconds} secondes.',
    en: 'Limit of {limit} requests per minute reached for this key. Try again in {seconds} seconds.',
  },
  'open311.service_code_required': {
    fr: 'Le paramètre service_code est obligatoire.',
    en: 'The service_code parameter is required.',
  },
  'open311.service_unknown': {
    fr: 'service_code inconnu : « {code} ».',
    en: 'Unknown service_code: “{code}”.',
  },
  'open311.location_required': {
    fr: 'Un emplacement est obligatoire : lat et long (WGS 84).',
    en: 'A location is required: lat and long (WGS 84).',
  },
  'open311.request_not_found': {
    fr: 'Aucune requête ne porte ce numéro : « {id} ».',
    en: 'No request has this identifier: “{id}”.',
  },
  'open311.token_not_found': { fr: 'Jeton inconnu : « {token} ».', en: 'Unknown token: “{token}”.' },
  'open311.format_unknown': {
    fr: 'Format inconnu : utilisez .json ou .xml.',
    en: 'Unknown format: use .json or .xml.',
  },
  'open311.date_invalid': {
    fr: 'Date invalide pour {name} : utilisez le format ISO 8601 (2026-05-14T09:30:00-04:00).',
    en: 'Invalid date for {name}: use ISO 8601 (2026-05-14T09:30:00-04:00).',
  },
  'open311.date_range_invalid': {
    fr: 'start_date doit précéder end_date.',
    en: 'start_date must come before end_date.',
  },
  'open311.status_invalid': {
    fr: 'status doit valoir open ou closed (ou les deux, séparés par une virgule).',
    en: 'status must be open or closed (or both, comma-separated).',
  },
  'open311.parameter_invalid': {
    fr: 'Paramètre invalide : {name}.',
    en: 'Invalid parameter: {name}.',
  },
  'open311.key_name_required': {
    fr: 'Donnez un nom à la clé (l’application qui l’utilisera).',
    en: 'Give the key a name (the application that will use it).',
  },
  'open311.key_not_found': { fr: 'Clé d’API introuvable.', en: 'API key not found.' },
});
