import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of the citizen map.
registerMessages({
  'map.zoning_not_geojson': {
    fr: 'Le fichier doit être une FeatureCollection GeoJSON (WGS 84).',
    en: 'The file must be a GeoJSON FeatureCollection (WGS 84).',
  },
  'map.zoning_invalid': {
    fr: 'Certaines zones sont invalides (géométrie ou code de zone manquant); rien n’a été importé.',
    en: 'Some zones are invalid (geometry or zone code missing); nothing was imported.',
  },
  'map.place_not_found': { fr: 'Lieu introuvable.', en: 'Place not found.' },
});
