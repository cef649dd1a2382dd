import { registerMessages } from '../http/errors.ts';

/** Bilingual messages of payments, orders and refunds. */
export const PAYMENT_MESSAGES = {
  'payment.order_not_found': { fr: 'Commande introuvable.', en: 'Order not found.' },
  'payment.not_payable': {
    fr: 'Cette commande ne peut pas être payée dans son état actuel ({status}).',
    en: 'This order cannot be paid in its current state ({status}).',
  },
  'payment.illegal_transition': {
    fr: 'Changement d’état refusé : une commande ne passe pas de « {from} » à « {to} ».',
    en: 'State change refused: an order does not go from “{from}” to “{to}”.',
  },
  'payment.in_progress': {
    fr: 'Un paiement est déjà en cours pour cette commande. Patientez un instant puis réessayez.',
    en: 'A payment is already under way for this order. Wait a moment and try again.',
  },
  'payment.provider_unavailable': {
    fr: 'Ce mode de paiement n’est pas offert par cette organisation.',
    en: 'This payment method is not offered by this organisation.',
  },
  'payment.provider_error': {
    fr: 'Le service de paiement ne répond pas. Aucun montant n’a été perçu en double; réessayez dans un instant.',
    en: 'The payment service is not answering. Nothing was charged twice; try again in a moment.',
  },
  'payment.card_required': {
    fr: 'Entrez un numéro de carte de test.',
    en: 'Enter a test card number.',
  },
  'payment.sandbox_test_cards_only': {
    fr: 'Mode test : seules les cartes de test sont acceptées (par exemple 4242 4242 4242 4242). N’entrez jamais une vraie carte.',
    en: 'Test mode: only test cards are accepted (for example 4242 4242 4242 4242). Never enter a real card.',
  },
  'payment.instalments_not_allowed': {
    fr: 'Cette commande ne peut pas être payée en deux versements.',
    en: 'This order cannot be paid in two instalments.',
  },
  'payment.invalid_line': {
    fr: 'Une ligne de la commande est invalide : {reason}.',
    en: 'An order line is invalid: {reason}.',
  },
  'payment.account_not_found': {
    fr: 'Aucun compte avec ce courriel.',
    en: 'No account with this e-mail.',
  },
  'payment.product_not_found': {
    fr: 'Produit inconnu : {code}.',
    en: 'Unknown product: {code}.',
  },
  'payment.amount_invalid': {
    fr: 'Le montant doit être positif et ne pas dépasser le solde de {max}.',
    en: 'The amount must be positive and not exceed the balance of {max}.',
  },
  'payment.not_confirmable': {
    fr: 'Ce paiement ne peut pas être confirmé.',
    en: 'This payment cannot be confirmed.',
  },
  'payment.no_receipt': {
    fr: 'Aucun reçu : aucun paiement n’a encore été reçu pour cette commande.',
    en: 'No receipt: no payment has been received for this order yet.',
  },
  'payment.cannot_cancel': {
    fr: 'Cette commande ne peut plus être annulée ({status}).',
    en: 'This order can no longer be cancelled ({status}).',
  },
  'payment.webhook_invalid': {
    fr: 'Signature de l’événement invalide.',
    en: 'Invalid event signature.',
  },
  'payment.webhook_not_configured': {
    fr: 'Stripe n’est pas configuré pour cette organisation.',
    en: 'Stripe is not configured for this organisation.',
  },
  'refund.exceeds_paid': {
    fr: 'Le remboursement dépasse le montant remboursable ({max}).',
    en: 'The refund exceeds the refundable amount ({max}).',
  },
  'refund.not_refundable': {
    fr: 'Cette commande ne peut pas être remboursée dans son état actuel ({status}).',
    en: 'This order cannot be refunded in its current state ({status}).',
  },
  'reconciliation.range_invalid': {
    fr: 'La période doit aller d’une date à une date postérieure, sur au plus 366 jours.',
    en: 'The period must run from a date to a later date, over 366 days at most.',
  },
};

registerMessages(PAYMENT_MESSAGES);
