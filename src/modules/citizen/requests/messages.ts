import { registerMessages } from '../../../platform/http/errors.ts';

// Requests to the city: every message a person or staff member may read, French first.
registerMessages({
  'requests.not_found': { fr: 'Requête introuvable.', en: 'Request not found.' },
  'requests.category_unknown': {
    fr: 'Cette catégorie de requête n’existe pas ou n’est plus offerte. Choisissez-en une dans la liste.',
    en: 'This request category does not exist or is no longer offered. Choose one from the list.',
  },
  'requests.location_invalid': {
    fr: 'L’emplacement indiqué n’est pas valide. Placez le repère sur la carte, cherchez une adresse ou utilisez votre position.',
    en: 'The location given is not valid. Place the pin on the map, search for an address or use your position.',
  },
  'requests.location_outside': {
    fr: 'L’emplacement indiqué est à {km} km du territoire de {town}. Placez le repère dans la municipalité.',
    en: 'The location given is {km} km away from {town}. Place the pin inside the municipality.',
  },
  'requests.contact_required': {
    fr: 'Indiquez votre adresse courriel pour recevoir le suivi de votre requête, ou connectez-vous.',
    en: 'Give your e-mail address to receive updates on your request, or sign in.',
  },
  'requests.attribute_required': { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  'requests.attribute_number': { fr: 'Entrez un nombre.', en: 'Enter a number.' },
  'requests.attribute_datetime': {
    fr: 'Entrez une date et une heure valides.',
    en: 'Enter a valid date and time.',
  },
  'requests.attribute_choice': {
    fr: 'Choisissez parmi les valeurs proposées.',
    en: 'Choose among the values offered.',
  },
  'requests.attribute_too_long': { fr: 'Ce texte est trop long.', en: 'This text is too long.' },
  'requests.photo_invalid': {
    fr: 'Une photo jointe est introuvable ou déjà utilisée. Déposez-la de nouveau.',
    en: 'An attached photo cannot be found or is already used. Upload it again.',
  },
  'requests.too_many_photos': {
    fr: 'Vous pouvez joindre au plus {max} photos.',
    en: 'You can attach at most {max} photos.',
  },
  'requests.code_invalid': {
    fr: 'Code invalide ou expiré. Vérifiez le courriel reçu ou demandez un nouveau code.',
    en: 'Invalid or expired code. Check the e-mail you received or ask for a new code.',
  },
  'requests.code_limit': {
    fr: 'Trop de codes ont été envoyés pour cette requête. Communiquez avec la municipalité.',
    en: 'Too many codes were sent for this request. Contact the municipality.',
  },
  'requests.already_confirmed': {
    fr: 'Votre adresse courriel est déjà confirmée.',
    en: 'Your e-mail address is already confirmed.',
  },
  'requests.reopen_not_closed': {
    fr: 'Seule une requête résolue ou fermée peut être rouverte.',
    en: 'Only a resolved or closed request can be reopened.',
  },
  'requests.reopen_expired': {
    fr: 'Le délai de {days} jours pour rouvrir cette requête est passé. Soumettez une nouvelle requête.',
    en: 'The {days}-day period to reopen this request has passed. Submit a new request.',
  },
  'requests.reporter_only': {
    fr: 'Seule la personne qui a soumis la requête peut faire cette action.',
    en: 'Only the person who submitted the request can do this.',
  },
  'requests.merged': {
    fr: 'Cette requête a été fusionnée avec la requête {reference}; c’est elle qui est suivie.',
    en: 'This request was merged into request {reference}, which is the one followed.',
  },
  'requests.status_unknown': {
    fr: 'Ce statut n’existe pas dans votre organisation.',
    en: 'This status does not exist in your organisation.',
  },
  'requests.assignee_invalid': {
    fr: 'Cette personne ne traite pas les requêtes de votre organisation.',
    en: 'This person does not handle requests in your organisation.',
  },
  'requests.department_unknown': {
    fr: 'Ce service n’existe pas dans votre organisation.',
    en: 'This department does not exist in your organisation.',
  },
  'requests.merge_same': {
    fr: 'Une requête ne peut pas être fusionnée avec elle-même.',
    en: 'A request cannot be merged into itself.',
  },
  'requests.merge_target_merged': {
    fr: 'La requête choisie a elle-même été fusionnée; choisissez la requête {reference}.',
    en: 'The chosen request was itself merged; choose request {reference}.',
  },
  'requests.code_taken': {
    fr: 'Le code « {code} » est déjà utilisé.',
    en: 'The code “{code}” is already used.',
  },
  'requests.field_values_missing': {
    fr: 'Le champ « {code} » est une liste : donnez-lui au moins une valeur.',
    en: 'The field “{code}” is a list: give it at least one value.',
  },
  'requests.field_duplicate': {
    fr: 'Deux champs portent le code « {code} ».',
    en: 'Two fields have the code “{code}”.',
  },
  'requests.phase_invalid': {
    fr: 'Un statut personnalisé doit préciser une étape : prise en charge, en cours, résolue ou fermée.',
    en: 'A custom status must refine a phase: acknowledged, in progress, resolved or closed.',
  },
});

registerMessages({
  'requests.not_public': {
    fr: 'Cette requête ne peut pas encore être suivie.',
    en: 'This request cannot be followed yet.',
  },
  'requests.reporter_stays': {
    fr: 'La personne qui a soumis une requête la suit jusqu’au bout; choisissez plutôt vos moyens de notification dans votre compte.',
    en: 'The person who submitted a request follows it to the end; choose how you are notified in your account instead.',
  },
  'requests.not_confirmed': {
    fr: 'Confirmez d’abord votre adresse courriel avec le code reçu.',
    en: 'First confirm your e-mail address with the code you received.',
  },
});
