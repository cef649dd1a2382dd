import type { Bilingual } from '../../../platform/http/locale.ts';
import { defineNotification } from '../../../platform/notify/notification-templates.ts';
import { defineEmailTemplate } from '../../../platform/notify/templates.ts';

// Messages about requests, in both languages. Citizens get them on the channels they chose for the
// `requests` category; the e-mail code that proves a guest's address always goes by e-mail.

interface About extends Record<string, unknown> {
  reference: string;
  category: Bilingual;
  url: string;
}

/** Acknowledgement of a new request, with its reference and its page. */
export const REQUEST_RECEIVED = defineNotification<About>('requests.received', {
  subject: (p, l) =>
    l === 'fr'
      ? `Requête ${p.reference} reçue — ${p.category.fr}`
      : `Request ${p.reference} received — ${p.category.en}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nNous avons bien reçu votre requête « ${p.category.fr} ». Son numéro est ${p.reference}; rappelez-le si vous communiquez avec nous.\n\nVous serez avisé à chaque changement de statut. Suivez-la, ajoutez des renseignements ou rouvrez-la si le problème revient :\n${p.url}`
      : `Hello,\n\nWe have received your request “${p.category.en}”. Its number is ${p.reference}; please mention it if you contact us.\n\nYou will be told of every status change. Follow it, add information or reopen it if the problem comes back:\n${p.url}`,
  short: (p, l) => (l === 'fr' ? `Requête ${p.reference} reçue.` : `Request ${p.reference} received.`),
  url: (p) => p.url,
});

interface CodeParams extends About {
  code: string;
  hours: number;
  kind: 'report' | 'follow';
}

/** The code (and link) that proves a guest's e-mail address before staff treat the request as confirmed. */
export const REQUEST_CONFIRM_EMAIL = defineEmailTemplate<CodeParams>('requests.confirm_email', {
  subject: (p, l) =>
    l === 'fr'
      ? `Confirmez votre adresse — requête ${p.reference}`
      : `Confirm your address — request ${p.reference}`,
  text: (p, l) => {
    const intro =
      p.kind === 'report'
        ? l === 'fr'
          ? `Vous avez soumis la requête ${p.reference} (« ${p.category.fr} »). Elle sera transmise à nos équipes dès que vous aurez confirmé votre adresse courriel.`
          : `You submitted request ${p.reference} (“${p.category.en}”). It will be passed to our teams as soon as you confirm your e-mail address.`
        : l === 'fr'
          ? `Vous avez demandé à suivre la requête ${p.reference} (« ${p.category.fr} »).`
          : `You asked to follow request ${p.reference} (“${p.category.en}”).`;
    return l === 'fr'
      ? `Bonjour,\n\n${intro}\n\nVotre code : ${p.code}\n\nOu ouvrez ce lien, qui mène aussi à la page de suivi (gardez-le) :\n${p.url}\n\nLe code est valide ${p.hours} heures. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.`
      : `Hello,\n\n${intro}\n\nYour code: ${p.code}\n\nOr open this link, which also leads to the follow-up page (keep it):\n${p.url}\n\nThe code is valid for ${p.hours} hours. If you did not ask for this, ignore this message.`;
  },
});

interface StatusParams extends About {
  status: Bilingual;
  message: string | null;
}

/** A status change, with the staff's public message when there is one. */
export const REQUEST_STATUS_CHANGED = defineNotification<StatusParams>('requests.status_changed', {
  subject: (p, l) =>
    l === 'fr' ? `Requête ${p.reference} : ${p.status.fr}` : `Request ${p.reference}: ${p.status.en}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nLa requête ${p.reference} (« ${p.category.fr} ») est maintenant : ${p.status.fr}.${p.message ? `\n\nMessage de la municipalité :\n${p.message}` : ''}\n\nHistorique complet :\n${p.url}`
      : `Hello,\n\nRequest ${p.reference} (“${p.category.en}”) is now: ${p.status.en}.${p.message ? `\n\nMessage from the municipality:\n${p.message}` : ''}\n\nFull history:\n${p.url}`,
  short: (p, l) =>
    l === 'fr' ? `Requête ${p.reference} : ${p.status.fr}.` : `Request ${p.reference}: ${p.status.en}.`,
  url: (p) => p.url,
});

interface UpdateParams extends About {
  message: string;
}

/** A public update written by staff without a change of status. */
export const REQUEST_PUBLIC_UPDATE = defineNotification<UpdateParams>('requests.public_update', {
  subject: (p, l) =>
    l === 'fr' ? `Nouvelle mise à jour — requête ${p.reference}` : `New update — request ${p.reference}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nLa municipalité a ajouté une mise à jour à la requête ${p.reference} (« ${p.category.fr} ») :\n\n${p.message}\n\n${p.url}`
      : `Hello,\n\nThe municipality added an update to request ${p.reference} (“${p.category.en}”):\n\n${p.message}\n\n${p.url}`,
  short: (p, l) =>
    l === 'fr' ? `Mise à jour de la requête ${p.reference}.` : `Update on request ${p.reference}.`,
  url: (p) => p.url,
});

interface MergedParams extends About {
  duplicate: string;
}

/** A duplicate was merged: its followers now follow the surviving request. */
export const REQUEST_MERGED = defineNotification<MergedParams>('requests.merged', {
  subject: (p, l) =>
    l === 'fr'
      ? `Requête ${p.duplicate} regroupée avec ${p.reference}`
      : `Request ${p.duplicate} grouped with ${p.reference}`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nLa requête ${p.duplicate} signale le même problème que la requête ${p.reference} (« ${p.category.fr} »). Nous les avons regroupées : vous suivez maintenant la requête ${p.reference} et serez avisé de ses changements.\n\n${p.url}`
      : `Hello,\n\nRequest ${p.duplicate} reports the same problem as request ${p.reference} (“${p.category.en}”). We grouped them: you now follow request ${p.reference} and will be told of its changes.\n\n${p.url}`,
  short: (p, l) =>
    l === 'fr'
      ? `Requête ${p.duplicate} regroupée avec ${p.reference}.`
      : `Request ${p.duplicate} grouped with ${p.reference}.`,
  url: (p) => p.url,
});

/** Tells a staff member a request was assigned to them. */
export const REQUEST_ASSIGNED = defineNotification<About>('requests.assigned', {
  subject: (p, l) =>
    l === 'fr' ? `Requête ${p.reference} assignée à vous` : `Request ${p.reference} assigned to you`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nLa requête ${p.reference} (« ${p.category.fr} ») vous a été assignée.\n\n${p.url}`
      : `Hello,\n\nRequest ${p.reference} (“${p.category.en}”) was assigned to you.\n\n${p.url}`,
  short: (p, l) =>
    l === 'fr' ? `Requête ${p.reference} assignée à vous.` : `Request ${p.reference} assigned to you.`,
  url: (p) => p.url,
});

interface OverdueParams extends Record<string, unknown> {
  count: number;
  references: string[];
  kind: 'ack' | 'resolve';
  url: string;
}

/** Alerts staff that requests passed their target. */
export const REQUESTS_OVERDUE = defineNotification<OverdueParams>('requests.overdue', {
  subject: (p, l) =>
    l === 'fr'
      ? `${p.count} requête${p.count > 1 ? 's' : ''} en retard (${p.kind === 'ack' ? 'prise en charge' : 'résolution'})`
      : `${p.count} overdue request${p.count > 1 ? 's' : ''} (${p.kind === 'ack' ? 'acknowledgement' : 'resolution'})`,
  text: (p, l) =>
    l === 'fr'
      ? `Bonjour,\n\nCes requêtes ont dépassé leur délai de ${p.kind === 'ack' ? 'prise en charge' : 'résolution'} :\n${p.references.join('\n')}\n\nFile des requêtes en retard :\n${p.url}`
      : `Hello,\n\nThese requests passed their ${p.kind === 'ack' ? 'acknowledgement' : 'resolution'} target:\n${p.references.join('\n')}\n\nQueue of overdue requests:\n${p.url}`,
  short: (p, l) => (l === 'fr' ? `${p.count} requête(s) en retard.` : `${p.count} overdue request(s).`),
  url: (p) => p.url,
});
