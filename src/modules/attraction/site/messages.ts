import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of the regional site, the territory map and the resource people.
registerMessages({
  'region.not_found': { fr: 'Cette région n’a pas de site.', en: 'This region has no site.' },
  'region.page_not_found': { fr: 'Page introuvable.', en: 'Page not found.' },
  'region.slug_taken': {
    fr: 'Cette adresse de page est déjà prise : {slug}.',
    en: 'This page address is already taken: {slug}.',
  },
  'region.slug_reserved': {
    fr: 'Cette adresse de page est réservée : {slug}.',
    en: 'This page address is reserved: {slug}.',
  },
  'region.revision_not_found': { fr: 'Version introuvable.', en: 'Revision not found.' },
  'region.revision_stale': {
    fr: 'La page a changé depuis que vous l’avez ouverte (version {latest}). Rechargez-la avant d’enregistrer.',
    en: 'The page changed since you opened it (revision {latest}). Reload it before saving.',
  },
  'region.image_alt_required': {
    fr: 'Chaque image doit avoir un texte de remplacement, en français et en anglais.',
    en: 'Every image needs alternative text, in French and in English.',
  },
  'region.image_not_platform': {
    fr: 'Les images doivent être déposées sur la plateforme (image:<identifiant>) : {src}.',
    en: 'Images must be uploaded to the platform (image:<id>): {src}.',
  },
  'region.image_unknown': {
    fr: 'Image introuvable parmi les fichiers déposés.',
    en: 'Image not found among the uploaded files.',
  },
  'region.event_dates_required': {
    fr: 'Un événement a besoin d’une date de début (et d’une fin qui suit le début).',
    en: 'An event needs a start date (and an end after its start).',
  },
  'region.section_unknown': { fr: 'Section inconnue : {slug}.', en: 'Unknown section: {slug}.' },
  'region.place_not_found': { fr: 'Lieu introuvable.', en: 'Place not found.' },
  'region.municipality_unknown': {
    fr: 'Cette municipalité ne fait pas partie de la MRC.',
    en: 'This municipality is not part of the MRC.',
  },
  'region.geometry_invalid': {
    fr: 'Le contour doit être un polygone GeoJSON valide.',
    en: 'The outline must be a valid GeoJSON polygon.',
  },
  'region.contact_not_found': { fr: 'Personne-ressource introuvable.', en: 'Resource person not found.' },
  'region.slot_not_found': { fr: 'Plage horaire introuvable.', en: 'Time slot not found.' },
  'region.slot_taken': {
    fr: 'Cette plage vient d’être réservée par quelqu’un d’autre. Choisissez-en une autre.',
    en: 'Someone else just booked this time slot. Please choose another one.',
  },
  'region.slot_past': { fr: 'Cette plage est déjà passée.', en: 'This time slot is already over.' },
  'region.slot_invalid': {
    fr: 'La fin d’une plage doit suivre son début.',
    en: 'A slot must end after it starts.',
  },
  'region.slot_booked': {
    fr: 'Une plage réservée ne peut pas être supprimée.',
    en: 'A booked slot cannot be deleted.',
  },
  'region.employer_not_found': { fr: 'Employeur introuvable.', en: 'Employer not found.' },
});
