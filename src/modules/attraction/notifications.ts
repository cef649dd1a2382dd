import { defineNotification } from '../../platform/notify/notification-templates.ts';

const fr = (l: string) => l === 'fr';

/** An invitation to act for a company on the job portal. */
export const COMPANY_INVITATION = defineNotification<{ company: string; inviter: string; url: string }>(
  'attraction.company_invitation',
  {
    subject: (p, l) =>
      fr(l)
        ? `Invitation : ${p.company} sur le portail d’emploi`
        : `Invitation: ${p.company} on the job portal`,
    text: (p, l) =>
      fr(l)
        ? `${p.inviter} vous invite à recruter pour ${p.company}.\n\nAccepter l’invitation (valide 14 jours) : ${p.url}`
        : `${p.inviter} invites you to recruit for ${p.company}.\n\nAccept the invitation (valid 14 days): ${p.url}`,
    url: (p) => p.url,
  },
);

/** The digest of new matches: one message listing them, never one per match. */
export const MATCH_DIGEST = defineNotification<{
  side: 'candidate' | 'employer';
  count: number;
  lines: Array<{ fr: string; en: string }>;
  url: string;
}>('attraction.match_digest', {
  subject: (p, l) =>
    p.side === 'candidate'
      ? fr(l)
        ? `${p.count} nouvelle(s) offre(s) pour vous`
        : `${p.count} new job offer(s) for you`
      : fr(l)
        ? `${p.count} nouveau(x) profil(s) pour vos offres`
        : `${p.count} new profile(s) for your offers`,
  text: (p, l) =>
    [
      fr(l)
        ? 'Voici les nouveaux arrimages depuis notre dernier message :'
        : 'Here are the new matches since our last message:',
      '',
      ...p.lines.map((x) => `• ${x[fr(l) ? 'fr' : 'en']}`),
      '',
      fr(l)
        ? `Les voir et manifester votre intérêt : ${p.url}`
        : `See them and express your interest: ${p.url}`,
    ].join('\n'),
  short: (p, l) => (fr(l) ? `${p.count} nouvel(s) arrimage(s)` : `${p.count} new match(es)`),
  url: (p) => p.url,
});

/** Both sides want contact: details and the thread are open. */
export const MUTUAL_INTEREST = defineNotification<{ offer: string; url: string }>(
  'attraction.mutual_interest',
  {
    subject: (p, l) => (fr(l) ? `Intérêt mutuel : ${p.offer}` : `Mutual interest: ${p.offer}`),
    text: (p, l) =>
      fr(l)
        ? `L’intérêt est réciproque pour « ${p.offer} ». Les coordonnées sont maintenant visibles et vous pouvez écrire dans Civique : ${p.url}`
        : `The interest is mutual for “${p.offer}”. Contact details are now visible and you can write in Civique: ${p.url}`,
    short: (p, l) => (fr(l) ? `Intérêt mutuel : ${p.offer}` : `Mutual interest: ${p.offer}`),
    url: (p) => p.url,
  },
);

/** A new message in a match's thread (the text itself stays in Civique). */
export const MATCH_MESSAGE = defineNotification<{ offer: string; url: string }>('attraction.match_message', {
  subject: (p, l) => (fr(l) ? `Nouveau message : ${p.offer}` : `New message: ${p.offer}`),
  text: (p, l) =>
    fr(l)
      ? `Vous avez un nouveau message au sujet de « ${p.offer} ». Le lire : ${p.url}`
      : `You have a new message about “${p.offer}”. Read it: ${p.url}`,
  short: (p, l) => (fr(l) ? `Nouveau message : ${p.offer}` : `New message: ${p.offer}`),
  url: (p) => p.url,
});

/** The MRC's decision on an offer. */
export const OFFER_MODERATED = defineNotification<{
  offer: string;
  approved: boolean;
  note: string | null;
  url: string;
}>('attraction.offer_moderated', {
  subject: (p, l) =>
    p.approved
      ? fr(l)
        ? `Offre publiée : ${p.offer}`
        : `Offer published: ${p.offer}`
      : fr(l)
        ? `Offre à revoir : ${p.offer}`
        : `Offer to revise: ${p.offer}`,
  text: (p, l) =>
    [
      p.approved
        ? fr(l)
          ? `Votre offre « ${p.offer} » est publiée.`
          : `Your offer “${p.offer}” is published.`
        : fr(l)
          ? `Votre offre « ${p.offer} » n’a pas été publiée.`
          : `Your offer “${p.offer}” was not published.`,
      p.note ? `\n${p.note}` : '',
      `\n${p.url}`,
    ].join('\n'),
  url: (p) => p.url,
});
