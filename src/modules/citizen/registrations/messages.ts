import { registerMessages } from '../../../platform/http/errors.ts';

registerMessages({
  'registration.too_young': {
    fr: '{name} est trop jeune pour « {title} » : l’âge minimal est de {min} ans au {date}.',
    en: '{name} is too young for “{title}”: the minimum age is {min} on {date}.',
  },
  'registration.too_old': {
    fr: '{name} dépasse l’âge maximal de « {title} » ({max} ans au {date}).',
    en: '{name} is over the maximum age for “{title}” ({max} on {date}).',
  },
  'registration.birth_date_missing': {
    fr: 'Indiquez la date de naissance de {name} dans votre ménage : « {title} » a des limites d’âge.',
    en: 'Add {name}’s birth date to your household: “{title}” has age limits.',
  },
  'registration.window_not_open': {
    fr: 'Les inscriptions à « {title} » ouvrent le {opensAt} pour vous.',
    en: 'Registration for “{title}” opens for you on {opensAt}.',
  },
  'registration.window_closed': {
    fr: 'Les inscriptions à « {title} » sont fermées depuis le {closesAt}.',
    en: 'Registration for “{title}” closed on {closesAt}.',
  },
  'registration.full': {
    fr: '« {title} » est complet. Vous pouvez vous inscrire sur la liste d’attente : une place libérée vous sera offerte à votre tour.',
    en: '“{title}” is full. You can join the waitlist: a freed place will be offered to you in turn.',
  },
  'registration.already_registered': {
    fr: '{name} est déjà inscrit ou en liste d’attente pour « {title} ».',
    en: '{name} is already registered or on the waitlist for “{title}”.',
  },
  'registration.registered_meanwhile': {
    fr: 'Une personne de votre panier vient d’être inscrite à l’une de ces activités par une autre demande. Rien d’autre n’a été fait; vérifiez vos inscriptions.',
    en: 'Someone in your cart was just registered to one of these activities by another request. Nothing else was done; check your registrations.',
  },
  'registration.activity_unavailable': {
    fr: 'Cette activité n’est pas offerte aux inscriptions.',
    en: 'This activity is not open for registration.',
  },
  'registration.cart_invalid': {
    fr: 'Certaines inscriptions de votre panier ne peuvent pas être faites. Votre panier est conservé; corrigez-les et réessayez.',
    en: 'Some registrations in your cart cannot be made. Your cart is kept; correct them and try again.',
  },
  'registration.cart_duplicate': {
    fr: 'La même personne figure deux fois pour la même activité dans votre panier.',
    en: 'The same person appears twice for the same activity in your cart.',
  },
  'registration.not_found': { fr: 'Inscription introuvable.', en: 'Registration not found.' },
  'registration.cannot_cancel': {
    fr: 'Cette inscription ne peut plus être annulée (état : {status}).',
    en: 'This registration can no longer be cancelled (status: {status}).',
  },
  'registration.no_offer': {
    fr: 'Aucune place ne vous est offerte pour cette inscription.',
    en: 'No place is offered to you for this registration.',
  },
  'registration.nothing_to_pay': {
    fr: 'Aucune inscription en attente de paiement.',
    en: 'No registration is waiting for payment.',
  },
  'registration.person_not_found': {
    fr: 'Aucune personne ne correspond à cette carte ou à ce compte.',
    en: 'No person matches this card or account.',
  },
  'waiting_room.admission_required': {
    fr: 'Beaucoup de gens s’inscrivent en ce moment. Entrez dans la salle d’attente : votre place dans la file est gardée.',
    en: 'Many people are registering right now. Enter the waiting room: your place in the queue is kept.',
  },
  'waiting_room.not_yet': {
    fr: 'Votre tour n’est pas encore arrivé : vous êtes {position}e dans la file, attente estimée {minutes} min.',
    en: 'It is not your turn yet: you are number {position} in the queue, estimated wait {minutes} min.',
  },
  'waiting_room.token_invalid': {
    fr: 'Votre billet de file d’attente n’est pas valide ou a expiré. Reprenez une place dans la file.',
    en: 'Your queue ticket is invalid or has expired. Take a new place in the queue.',
  },
  'waiting_room.closed': {
    fr: 'Il n’y a pas de salle d’attente pour cette saison en ce moment.',
    en: 'There is no waiting room for this season right now.',
  },
});
