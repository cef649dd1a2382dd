import { registerMessages } from '../../platform/http/errors.ts';

// Bilingual messages of on-demand transit.
registerMessages({
  'transit.not_found': { fr: 'Introuvable.', en: 'Not found.' },
  'transit.trip_not_found': { fr: 'Déplacement introuvable.', en: 'Trip not found.' },
  'transit.fare_product_not_found': { fr: 'Titre de transport introuvable.', en: 'Fare product not found.' },
  'transit.fare_not_for_sale': {
    fr: 'Ce titre ne s’achète pas d’avance : le passage simple se paie à la réservation.',
    en: 'This fare cannot be bought ahead: a single trip is paid when booking.',
  },
  'transit.fare_start_invalid': {
    fr: 'La date de début doit être entre aujourd’hui et dans {days} jours.',
    en: 'The start date must be between today and {days} days from now.',
  },
  'transit.fare_holding_not_found': { fr: 'Titre introuvable.', en: 'Fare not found.' },
  'transit.fare_holding_exhausted': {
    fr: 'Ce livret n’est pas actif ou n’a plus assez de passages ({rides} nécessaires).',
    en: 'This booklet is not active or has too few rides left ({rides} needed).',
  },
  'transit.fare_holding_not_valid': {
    fr: 'Ce laissez-passer n’est pas valide le {date}.',
    en: 'This pass is not valid on {date}.',
  },
  'transit.fare_holding_not_payable': {
    fr: 'Une adhésion ne paie pas un déplacement : elle donne droit au tarif réduit, appliqué d’office.',
    en: 'A membership does not pay a trip: it gives the reduced fare, applied automatically.',
  },
  'transit.service_not_configured': {
    fr: 'Le transport à la demande n’est pas offert par cette organisation.',
    en: 'This organisation does not offer on-demand transit.',
  },
  'transit.stop_not_found': { fr: 'Point de service introuvable.', en: 'Service point not found.' },
  'transit.same_stop': {
    fr: 'Le point de départ et la destination doivent être différents.',
    en: 'The pickup and drop-off points must be different.',
  },
  'transit.stop_not_accessible': {
    fr: 'Ce point de service n’est pas accessible en fauteuil roulant.',
    en: 'This service point is not wheelchair accessible.',
  },
  'transit.too_soon': {
    fr: 'Il faut réserver au moins {minutes} minutes à l’avance.',
    en: 'Trips must be booked at least {minutes} minutes ahead.',
  },
  'transit.too_far_ahead': {
    fr: 'On peut réserver au plus {days} jours à l’avance.',
    en: 'Trips can be booked at most {days} days ahead.',
  },
  'transit.after_cutoff': {
    fr: 'L’heure limite de réservation pour aujourd’hui est passée.',
    en: 'Today’s booking cut-off time has passed.',
  },
  'transit.out_of_service': {
    fr: 'Le service ne roule pas à cette heure-là (horaire ou jour férié).',
    en: 'There is no service at that time (hours or holiday).',
  },
  'transit.no_vehicle': {
    fr: 'Aucun véhicule ne peut faire ce déplacement à cette heure. Voyez les autres heures proposées.',
    en: 'No vehicle can make this trip at that time. See the other times offered.',
  },
  'transit.series_end_required': {
    fr: 'Indiquez la date de fin ou le nombre de semaines.',
    en: 'Give the end date or the number of weeks.',
  },
  'transit.series_too_long': {
    fr: 'Une série dure au plus {weeks} semaines, et finit après son début.',
    en: 'A series lasts at most {weeks} weeks and ends after it starts.',
  },
  'transit.series_empty': {
    fr: 'Aucun des jours choisis ne tombe dans cette période.',
    en: 'None of the chosen weekdays falls in that period.',
  },
  'transit.not_cancellable': {
    fr: 'Ce déplacement ne peut plus être annulé ou modifié.',
    en: 'This trip can no longer be cancelled or changed.',
  },
  'transit.rider_required': {
    fr: 'Indiquez le nom et le téléphone de la personne, ou son compte.',
    en: 'Give the person’s name and phone number, or their account.',
  },
  'transit.not_your_shift': {
    fr: 'Ce déplacement n’est pas sur votre quart de travail.',
    en: 'This trip is not on your shift.',
  },
  'transit.no_shift': {
    fr: 'Aucun quart de travail ne vous est attribué aujourd’hui.',
    en: 'No shift is assigned to you today.',
  },
  'transit.bad_transition': {
    fr: 'Cette étape n’est pas possible pour ce déplacement ({status}).',
    en: 'This step is not possible for this trip ({status}).',
  },
  'transit.no_show_too_early': {
    fr: 'Une absence ne peut être notée qu’après l’arrivée au point et le délai d’attente.',
    en: 'A no-show can only be recorded after arriving at the stop and waiting.',
  },
  'transit.shift_not_found': { fr: 'Quart de travail introuvable.', en: 'Shift not found.' },
  'transit.shift_invalid': {
    fr: 'La fin du quart doit suivre son début, le même jour de service.',
    en: 'A shift must end after it starts, on the same service day.',
  },
  'transit.reassign_infeasible': {
    fr: 'Ce véhicule ne peut pas prendre ce déplacement sans manquer une promesse faite.',
    en: 'This vehicle cannot take this trip without breaking a promise already made.',
  },
  'transit.zone_invalid': {
    fr: 'La zone doit être un polygone GeoJSON valide.',
    en: 'The zone must be a valid GeoJSON polygon.',
  },
  'transit.duplicate_code': { fr: 'Ce code est déjà utilisé.', en: 'This code is already used.' },
  'transit.in_use': {
    fr: 'Cet élément est utilisé par des déplacements ou des quarts : désactivez-le plutôt.',
    en: 'This item is used by trips or shifts: deactivate it instead.',
  },
  'transit.feed_unknown_org': { fr: 'Organisation inconnue.', en: 'Unknown organisation.' },
});
