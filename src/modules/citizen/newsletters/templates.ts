import { defineNotification } from '../../../platform/notify/notification-templates.ts';
import { richTextHtml, richTextPlain } from './rich-text.ts';

type Bi = { fr: string; en: string };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The double opt-in message: the lists asked for and the confirmation link. */
export interface ConfirmParams extends Record<string, unknown> {
  lists: Bi[];
  url: string;
}

export const NEWSLETTER_CONFIRM = defineNotification<ConfirmParams>('citizen.newsletter_confirm', {
  subject: (_p, l) => (l === 'fr' ? 'Confirmez votre abonnement' : 'Confirm your subscription'),
  text: (p, l) =>
    [
      l === 'fr'
        ? 'Quelqu’un (vous, nous l’espérons) a demandé à recevoir ces infolettres à cette adresse :'
        : 'Someone (you, we hope) asked to receive these newsletters at this address:',
      ...p.lists.map((n) => `- ${n[l]}`),
      '',
      l === 'fr'
        ? `Pour confirmer, ouvrez ce lien (valide 7 jours) : ${p.url}`
        : `To confirm, open this link (valid 7 days): ${p.url}`,
      '',
      l === 'fr'
        ? 'Sans confirmation, vous ne recevrez rien et votre adresse sera effacée.'
        : 'Without confirmation you will receive nothing and your address will be erased.',
    ].join('\n'),
  short: (_p, l) =>
    l === 'fr' ? 'Confirmez votre abonnement à l’infolettre.' : 'Confirm your newsletter subscription.',
  url: (p) => p.url,
});

/** One issue of a newsletter; `listUrl` unsubscribes from this list only (the footer's link, from all). */
export interface IssueParams extends Record<string, unknown> {
  listName: Bi;
  subject: Bi;
  body: Bi;
  archiveUrl: string;
  listUrl?: string;
}

function footer(p: IssueParams, l: 'fr' | 'en'): string {
  if (!p.listUrl) return '';
  return l === 'fr'
    ? `Se désabonner de « ${p.listName.fr} » en un clic : ${p.listUrl}`
    : `Unsubscribe from “${p.listName.en}” in one click: ${p.listUrl}`;
}

export const NEWSLETTER_ISSUE = defineNotification<IssueParams>('citizen.newsletter_issue', {
  subject: (p, l) => p.subject[l],
  text: (p, l) =>
    [
      richTextPlain(p.body[l]),
      '',
      `${l === 'fr' ? 'Archives' : 'Archive'} : ${p.archiveUrl}`,
      footer(p, l),
    ].join('\n'),
  html: (p, l) =>
    `${richTextHtml(p.body[l])}<p><a href="${escapeHtml(p.archiveUrl)}">${l === 'fr' ? 'Lire dans le navigateur' : 'Read in the browser'}</a></p>${
      p.listUrl
        ? `<p style="font-size:0.875rem">${escapeHtml(footer(p, l)).replace(escapeHtml(p.listUrl), `<a href="${escapeHtml(p.listUrl)}">${escapeHtml(p.listUrl)}</a>`)}</p>`
        : ''
    }`,
  short: (p, l) => p.subject[l],
  url: (p) => p.archiveUrl,
});
