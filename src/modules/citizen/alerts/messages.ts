import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of emergency alerts.
registerMessages({
  'alert.not_found': { fr: 'Alerte introuvable.', en: 'Alert not found.' },
  'alert.event_unknown': { fr: 'Type d’événement inconnu.', en: 'Unknown event type.' },
  'alert.area_invalid': {
    fr: 'La zone doit être le territoire, un polygone d’au moins trois points ou un cercle de rayon positif.',
    en: 'The area must be the territory, a polygon of at least three points or a circle with a positive radius.',
  },
  'alert.expiry_invalid': {
    fr: 'L’expiration doit être dans le futur (au plus 30 jours).',
    en: 'The expiry must be in the future (at most 30 days).',
  },
  'alert.not_current': {
    fr: 'Cette alerte a déjà été mise à jour ou annulée : partez du dernier message.',
    en: 'This alert was already updated or cancelled: start from the latest message.',
  },
  'alert.not_pending': {
    fr: 'Cette alerte n’attend pas d’approbation.',
    en: 'This alert is not waiting for approval.',
  },
  'alert.self_approval': {
    fr: 'Une deuxième personne doit approuver l’alerte.',
    en: 'A second person must approve the alert.',
  },
  'alert.polygon_points': {
    fr: 'Le polygone doit avoir au moins trois points distincts qui ne sont pas alignés.',
    en: 'The polygon needs at least three distinct points that are not in a line.',
  },
  'alert.polygon_coordinates': {
    fr: 'Chaque point doit avoir une latitude entre -90 et 90 et une longitude entre -180 et 180.',
    en: 'Every point needs a latitude between -90 and 90 and a longitude between -180 and 180.',
  },
  'alert.polygon_crossing': {
    fr: 'Les côtés du polygone se croisent : tracez un contour qui ne se recoupe pas.',
    en: 'The polygon’s sides cross each other: draw an outline that does not cut itself.',
  },
  'alert.sector_unknown': { fr: 'Secteur introuvable.', en: 'Sector not found.' },
  'alert.sector_name_taken': {
    fr: 'Un secteur porte déjà ce nom.',
    en: 'A sector already has this name.',
  },
  'alert.subscription_not_found': { fr: 'Abonnement introuvable.', en: 'Subscription not found.' },
});
