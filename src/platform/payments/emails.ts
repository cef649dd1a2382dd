import { defineEmailTemplate } from '../notify/templates.ts';

interface InstalmentParams extends Record<string, unknown> {
  givenName: string;
  reference: string;
  amount: string;
  dueDate: string;
  url: string;
  testMode: boolean;
}

const testFr = '\n\nMODE TEST — aucun paiement réel.';
const testEn = '\n\nTEST MODE — no real payment.';

/** Reminds a person that the second instalment of an order falls due soon. */
export const INSTALMENT_REMINDER_TEMPLATE = defineEmailTemplate<InstalmentParams>(
  'payments.instalment_reminder',
  {
    subject: (p, l) =>
      l === 'fr'
        ? `Deuxième versement de ${p.amount} — commande ${p.reference}`
        : `Second instalment of ${p.amount} — order ${p.reference}`,
    text: (p, l) =>
      l === 'fr'
        ? `Bonjour ${p.givenName},\n\nLe deuxième versement de ${p.amount} pour la commande ${p.reference} est dû le ${p.dueDate}.\n\nVous pouvez le payer dès maintenant dans votre espace : ${p.url}${p.testMode ? testFr : ''}`
        : `Hello ${p.givenName},\n\nThe second instalment of ${p.amount} for order ${p.reference} is due on ${p.dueDate}.\n\nYou can pay it now in your account: ${p.url}${p.testMode ? testEn : ''}`,
  },
);

interface ChargedParams extends InstalmentParams {
  succeeded: boolean;
}

/** Tells a person the outcome of the automatic charge of a second instalment. */
export const INSTALMENT_CHARGED_TEMPLATE = defineEmailTemplate<ChargedParams>('payments.instalment_charged', {
  subject: (p, l) =>
    l === 'fr'
      ? `${p.succeeded ? 'Versement reçu' : 'Versement refusé'} — commande ${p.reference}`
      : `${p.succeeded ? 'Instalment received' : 'Instalment declined'} — order ${p.reference}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\n${p.succeeded ? `Le deuxième versement de ${p.amount} pour la commande ${p.reference} a été perçu. Votre commande est maintenant payée.` : `Le deuxième versement de ${p.amount} pour la commande ${p.reference} a été refusé. Payez-le dans votre espace : ${p.url}`}${p.testMode ? testFr : ''}`
      : `Hello ${p.givenName},\n\n${p.succeeded ? `The second instalment of ${p.amount} for order ${p.reference} was collected. Your order is now paid.` : `The second instalment of ${p.amount} for order ${p.reference} was declined. Pay it in your account: ${p.url}`}${p.testMode ? testEn : ''}`,
});
