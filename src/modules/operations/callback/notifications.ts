import type { Locale } from '../../../platform/http/locale.ts';
import { defineNotification } from '../../../platform/notify/notification-templates.ts';

/** What an offer message says. */
export interface OfferParams extends Record<string, unknown> {
  orgName: { fr: string; en: string };
  reference: string;
  jobClass: string;
  place: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
  url: string;
}

const when = (iso: string, l: Locale) =>
  new Intl.DateTimeFormat(l === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
const time = (iso: string, l: Locale) =>
  new Intl.DateTimeFormat(l === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** An offer: accept or refuse with one tap before the window closes. */
export const OFFER_TEMPLATE = defineNotification<OfferParams>('callback.offer', {
  subject: (p, l) =>
    l === 'fr'
      ? `Remplacement offert : ${p.jobClass}, ${when(p.startsAt, l)}`
      : `Shift offered: ${p.jobClass}, ${when(p.startsAt, l)}`,
  text: (p, l) =>
    l === 'fr'
      ? `${p.orgName.fr} vous offre un quart (${p.reference}) : ${p.jobClass}, ${p.place}, du ${when(p.startsAt, l)} au ${when(p.endsAt, l)}.\n\nRépondez avant ${time(p.expiresAt, l)} : ${p.url}\n\nSans réponse à temps, l’offre passe à la personne suivante sur la liste.`
      : `${p.orgName.en} offers you a shift (${p.reference}): ${p.jobClass}, ${p.place}, from ${when(p.startsAt, l)} to ${when(p.endsAt, l)}.\n\nAnswer before ${time(p.expiresAt, l)}: ${p.url}\n\nWithout an answer in time, the offer goes to the next person on the list.`,
  short: (p, l) =>
    l === 'fr'
      ? `Quart offert ${p.jobClass} ${when(p.startsAt, l)}. Répondez avant ${time(p.expiresAt, l)} : ${p.url}`
      : `Shift offered ${p.jobClass} ${when(p.startsAt, l)}. Answer before ${time(p.expiresAt, l)}: ${p.url}`,
  url: (p) => p.url,
});

/** What the end of an offer says (confirmed, or filled by someone else, or cancelled). */
export interface OfferClosedParams extends Record<string, unknown> {
  reference: string;
  jobClass: string;
  startsAt: string;
  outcome: 'confirmed' | 'filled' | 'cancelled';
}

/** Tells a person their acceptance is confirmed, or that the need they were offered is filled or cancelled. */
export const OFFER_CLOSED_TEMPLATE = defineNotification<OfferClosedParams>('callback.offer_closed', {
  subject: (p, l) => {
    const texts = {
      confirmed: { fr: 'Quart confirmé', en: 'Shift confirmed' },
      filled: { fr: 'Besoin comblé', en: 'Need filled' },
      cancelled: { fr: 'Besoin annulé', en: 'Need cancelled' },
    } as const;
    return `${texts[p.outcome][l]} : ${p.jobClass} (${p.reference})`;
  },
  text: (p, l) => {
    const at = when(p.startsAt, l);
    if (p.outcome === 'confirmed')
      return l === 'fr'
        ? `Votre acceptation est confirmée : ${p.jobClass}, ${at} (${p.reference}).`
        : `Your acceptance is confirmed: ${p.jobClass}, ${at} (${p.reference}).`;
    if (p.outcome === 'filled')
      return l === 'fr'
        ? `Le quart ${p.jobClass} du ${at} (${p.reference}) a été comblé. Votre offre est retirée ; votre rang sur la liste ne change pas.`
        : `The ${p.jobClass} shift of ${at} (${p.reference}) has been filled. Your offer is withdrawn; your rank on the list does not change.`;
    return l === 'fr'
      ? `Le quart ${p.jobClass} du ${at} (${p.reference}) est annulé. Votre offre est retirée.`
      : `The ${p.jobClass} shift of ${at} (${p.reference}) is cancelled. Your offer is withdrawn.`;
  },
  short: (p, l) =>
    p.outcome === 'confirmed'
      ? l === 'fr'
        ? `Quart confirmé : ${p.jobClass} ${when(p.startsAt, l)}`
        : `Shift confirmed: ${p.jobClass} ${when(p.startsAt, l)}`
      : l === 'fr'
        ? `Quart ${p.jobClass} ${when(p.startsAt, l)} : offre retirée (${p.outcome === 'filled' ? 'comblé' : 'annulé'}).`
        : `Shift ${p.jobClass} ${when(p.startsAt, l)}: offer withdrawn (${p.outcome}).`,
});
