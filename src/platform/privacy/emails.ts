import type { Locale } from '../http/locale.ts';
import { defineEmailTemplate } from '../notify/templates.ts';

function formatDay(iso: unknown, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'America/Toronto',
  }).format(new Date(String(iso)));
}

interface ReceivedParams extends Record<string, unknown> {
  givenName: string;
  dueAt: string;
}

/** Acknowledges a deletion request and states the deadline by which it will be answered. */
export const DELETION_RECEIVED_TEMPLATE = defineEmailTemplate<ReceivedParams>('privacy.deletion_received', {
  subject: (_p, l) =>
    l === 'fr' ? 'Nous avons reçu votre demande de suppression' : 'We received your deletion request',
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nNous avons bien reçu votre demande de suppression de vos renseignements personnels. Nous y répondrons au plus tard le ${formatDay(p.dueAt, 'fr')}, comme le prévoit la Loi sur l’accès aux documents des organismes publics.\n\nVous pouvez suivre votre demande dans la section « Confidentialité » de votre compte.`
      : `Hello ${p.givenName},\n\nWe received your request to delete your personal information. We will answer it by ${formatDay(p.dueAt, 'en')}, as the Access to Information Act requires.\n\nYou can follow your request in the “Privacy” section of your account.`,
});

interface HandledParams extends Record<string, unknown> {
  givenName: string;
  response: string;
}

const completed = {
  fr: (p: HandledParams) =>
    `Bonjour ${p.givenName},\n\nVotre demande de suppression a été traitée : votre compte et les renseignements personnels qui y étaient liés ont été supprimés. Les inscriptions au journal d’audit sont conservées sans vos coordonnées, comme la loi l’exige.\n\nRéponse du responsable de la protection des renseignements personnels :\n${p.response}\n\nCe courriel est le dernier que vous recevrez à cette adresse.`,
  en: (p: HandledParams) =>
    `Hello ${p.givenName},\n\nYour deletion request has been handled: your account and the personal information linked to it have been deleted. Audit log entries are kept without your contact details, as the law requires.\n\nAnswer from the person in charge of the protection of personal information:\n${p.response}\n\nThis is the last e-mail you will receive at this address.`,
};

/** Confirms the deletion, in both languages (the account, and with it the language choice, is gone). */
export const DELETION_COMPLETED_TEMPLATE = defineEmailTemplate<HandledParams>('privacy.deletion_completed', {
  subject: (_p, l) =>
    l === 'fr'
      ? 'Votre compte a été supprimé / Your account has been deleted'
      : 'Your account has been deleted / Votre compte a été supprimé',
  text: (p, l) => {
    const other: Locale = l === 'fr' ? 'en' : 'fr';
    return `${completed[l](p)}\n\n* * *\n\n${completed[other](p)}`;
  },
});

/** Tells the person their deletion request was refused, and why. */
export const DELETION_REFUSED_TEMPLATE = defineEmailTemplate<HandledParams>('privacy.deletion_refused', {
  subject: (_p, l) =>
    l === 'fr' ? 'Réponse à votre demande de suppression' : 'Answer to your deletion request',
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour ${p.givenName},\n\nNous ne pouvons pas donner suite à votre demande de suppression, pour la raison suivante :\n${p.response}\n\nVous pouvez demander la révision de cette décision à la Commission d’accès à l’information du Québec dans les 30 jours.`
      : `Hello ${p.givenName},\n\nWe cannot act on your deletion request, for the following reason:\n${p.response}\n\nYou may ask the Commission d’accès à l’information du Québec to review this decision within 30 days.`,
});
