import { defineNotification } from '../../../platform/notify/notification-templates.ts';

interface ConfirmedParams extends Record<string, unknown> {
  givenName: string;
  town: { fr: string; en: string };
  reference: string;
  lines: Array<{ fr: string; en: string }>;
  total: { fr: string; en: string };
  receiptUrl: string;
  registrationsUrl: string;
  testMode: boolean;
}

/** The confirmation of paid registrations, with the receipt's link. */
export const REGISTRATION_CONFIRMED = defineNotification<ConfirmedParams>('citizen.registration_confirmed', {
  subject: (p, l) =>
    l === 'fr'
      ? `Inscription confirmée — ${p.town.fr} (${p.reference})`
      : `Registration confirmed — ${p.town.en} (${p.reference})`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nVos inscriptions sont confirmées :\n${p.lines.map((x) => `• ${x.fr}`).join('\n')}\n\nTotal : ${p.total.fr} (commande ${p.reference}).\nReçu : ${p.receiptUrl}\nVos inscriptions : ${p.registrationsUrl}${p.testMode ? '\n\nMODE TEST — aucun paiement réel.' : ''}`
      : `Hello ${p.givenName},\n\nYour registrations are confirmed:\n${p.lines.map((x) => `• ${x.en}`).join('\n')}\n\nTotal: ${p.total.en} (order ${p.reference}).\nReceipt: ${p.receiptUrl}\nYour registrations: ${p.registrationsUrl}${p.testMode ? '\n\nTEST MODE — no real payment.' : ''}`,
  short: (p, l) =>
    l === 'fr' ? `Inscription confirmée (${p.reference}).` : `Registration confirmed (${p.reference}).`,
  url: (p) => p.registrationsUrl,
});

interface OfferParams extends Record<string, unknown> {
  givenName: string;
  participant: string;
  title: { fr: string; en: string };
  expires: { fr: string; en: string };
  url: string;
}

/** A place freed for the next person on the waitlist: accept before the offer expires. */
export const PLACE_OFFERED = defineNotification<OfferParams>('citizen.place_offered', {
  subject: (p, l) =>
    l === 'fr' ? `Une place s’est libérée : ${p.title.fr}` : `A place opened up: ${p.title.en}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nUne place s’est libérée pour ${p.participant} à « ${p.title.fr} ». Elle vous est réservée jusqu’au ${p.expires.fr}; passé ce délai, elle sera offerte à la personne suivante de la liste d’attente.\n\nAcceptez-la ici : ${p.url}`
      : `Hello ${p.givenName},\n\nA place opened up for ${p.participant} in “${p.title.en}”. It is kept for you until ${p.expires.en}; after that it goes to the next person on the waitlist.\n\nAccept it here: ${p.url}`,
  short: (p, l) =>
    l === 'fr'
      ? `Place libérée pour ${p.participant} (${p.title.fr}) jusqu’au ${p.expires.fr}.`
      : `Place open for ${p.participant} (${p.title.en}) until ${p.expires.en}.`,
  url: (p) => p.url,
});
