import { registerMessages } from '../http/errors.ts';

registerMessages({
  'notify.message_not_found': { fr: 'Message introuvable.', en: 'Message not found.' },
  'notify.category_unknown': {
    fr: 'Catégorie de notification inconnue : {category}.',
    en: 'Unknown notification category: {category}.',
  },
  'notify.channel_required': {
    fr: 'Les alertes d’urgence et les messages de votre compte ne peuvent pas être désactivés : gardez au moins un moyen de les recevoir.',
    en: 'Emergency alerts and your account’s messages cannot be turned off: keep at least one way to receive them.',
  },
  'notify.unsubscribe_invalid': {
    fr: 'Ce lien de désabonnement n’est pas valide.',
    en: 'This unsubscribe link is not valid.',
  },
  'notify.inbox_item_not_found': {
    fr: 'Message introuvable dans votre boîte.',
    en: 'Message not found in your inbox.',
  },
  'notify.push_endpoint_invalid': {
    fr: 'L’adresse d’abonnement de l’appareil n’est pas valide (https requis).',
    en: 'The device’s subscription address is not valid (https required).',
  },
  'notify.push_keys_invalid': {
    fr: 'Les clés d’abonnement de l’appareil ne sont pas valides.',
    en: 'The device’s subscription keys are not valid.',
  },
  'notify.push_subscription_not_found': { fr: 'Appareil introuvable.', en: 'Device not found.' },
  'notify.sms_signature_invalid': {
    fr: 'Signature du rapport de livraison invalide.',
    en: 'Invalid delivery report signature.',
  },
  'notify.campaign_not_found': { fr: 'Envoi introuvable.', en: 'Send not found.' },
  'notify.campaign_category_refused': {
    fr: 'Les messages de compte ne peuvent pas faire l’objet d’un envoi de masse.',
    en: 'Account messages cannot be sent in bulk.',
  },
});
