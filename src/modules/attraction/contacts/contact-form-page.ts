// Server-rendered page of one resource person with a contact form that works with JavaScript turned off:
// an ordinary POST of an urlencoded form, a CSRF token in a hidden field (bound to the CSRF cookie), errors
// shown next to each field with what the person typed kept.
import { Value } from 'typebox/value';
import { findRegion } from '../site/policies.ts';
import { type PublicPageRequest, publicFrame } from '../site/public-pages.ts';
import { esc, formatWhen, type Lang } from '../site/render-site.ts';
import { TOPICS } from './contact-pages.ts';
import { getPublicContact } from './contacts.ts';
import { MessageInput, type MessageInputT } from './schemas.ts';

/** What the form holds, as typed (strings only: nothing is lost when it comes back with errors). */
export interface ContactFormValues {
  name: string;
  email: string;
  message: string;
  website: string;
  consent: boolean;
}
export type ContactFormField = 'name' | 'email' | 'message' | 'consent';
export type ContactFormErrors = Partial<Record<ContactFormField, string>>;

const W = {
  fr: {
    write: 'Écrire un message',
    lead: 'Votre message lui est transmis par courriel ; son adresse n’est jamais affichée.',
    name: 'Votre nom',
    email: 'Votre courriel',
    message: 'Votre message',
    consent:
      'J’accepte que mon nom, mon courriel et mon message soient transmis à cette personne pour qu’elle me réponde.',
    honeypot: 'Ne remplissez pas ce champ',
    send: 'Envoyer le message',
    problems: 'Le message n’a pas été envoyé. Corrigez ces champs :',
    errors: {
      name: 'Indiquez votre nom (120 caractères au plus).',
      email: 'Indiquez un courriel valide, par exemple nom@exemple.ca.',
      message: 'Écrivez un message d’au moins 10 caractères (4000 au plus).',
      consent: 'Cochez la case pour accepter que votre message soit transmis.',
    },
    topics: 'Sujets',
    slots: 'Prochaines plages libres',
    book: 'Prendre rendez-vous en ligne',
    sentTitle: 'Message transmis',
    sent: (who: string) =>
      `Votre message a été transmis à ${who}. Vous recevrez une confirmation par courriel.`,
    back: 'Retour aux personnes-ressources',
  },
  en: {
    write: 'Write a message',
    lead: 'Your message is sent to them by e-mail; their address is never shown.',
    name: 'Your name',
    email: 'Your e-mail',
    message: 'Your message',
    consent: 'I agree that my name, e-mail and message be sent to this person so they can answer me.',
    honeypot: 'Do not fill in this field',
    send: 'Send the message',
    problems: 'The message was not sent. Please correct these fields:',
    errors: {
      name: 'Give your name (120 characters at most).',
      email: 'Give a valid e-mail address, for example name@example.ca.',
      message: 'Write a message of at least 10 characters (4,000 at most).',
      consent: 'Tick the box to agree that your message be sent.',
    },
    topics: 'Topics',
    slots: 'Next open slots',
    book: 'Book an appointment online',
    sentTitle: 'Message sent',
    sent: (who: string) => `Your message was sent to ${who}. You will get a confirmation by e-mail.`,
    back: 'Back to resource people',
  },
} as const;

/** The form's fields as typed; anything not a string counts as empty. */
export function formValues(body: Record<string, unknown>): ContactFormValues {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return {
    name: s('name'),
    email: s('email'),
    message: s('message'),
    website: s('website'),
    consent: s('consent') === 'yes',
  };
}

/** Checks the form against the same schema as the JSON contact route, field by field, in the page's language. */
export function checkContactForm(
  v: ContactFormValues,
  locale: Lang,
): { ok: true; input: MessageInputT } | { ok: false; errors: ContactFormErrors } {
  const input = {
    name: v.name.trim(),
    email: v.email.trim(),
    message: v.message.trim(),
    ...(v.website ? { website: v.website } : {}),
    consent: v.consent,
  };
  if (Value.Check(MessageInput, input)) return { ok: true, input: input as MessageInputT };
  const errors: ContactFormErrors = {};
  for (const e of Value.Errors(MessageInput, input)) {
    const field = e.instancePath.split('/')[1] as ContactFormField | undefined;
    if (field && field in W[locale].errors) errors[field] = W[locale].errors[field];
  }
  // A honeypot longer than allowed is a robot: answer as if sent (see sendContactMessage).
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, input: { ...input, consent: true, website: 'x' } };
}

export const contactPagePath = (org: string, l: Lang, slug: string) =>
  `/region/${org}/${l}/personnes-ressources/${slug}`;
const both = (fn: (l: Lang) => string) => ({ fr: fn('fr'), en: fn('en') });

function field(id: ContactFormField, label: string, control: string, error: string | undefined): string {
  return `<p class="field${error ? ' invalid' : ''}"><label for="f-${id}">${esc(label)}</label>${
    error ? `<span class="error" id="f-${id}-error">${esc(error)}</span>` : ''
  }${control}</p>`;
}

/** The resource person's page: who they are, their next open slots and the contact form. */
export async function contactFormPage(
  req: PublicPageRequest & {
    slug: string;
    csrfToken: string;
    values?: ContactFormValues;
    errors?: ContactFormErrors;
    /** Why the form came back without field errors (expired token, too many posts). */
    notice?: string;
  },
): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const w = W[l];
  const { contact: c, slots } = await getPublicContact(req.db, region, req.slug);
  const v = req.values ?? { name: '', email: '', message: '', website: '', consent: false };
  const errors = req.errors ?? {};
  const described = (id: ContactFormField) =>
    errors[id] ? ` aria-invalid="true" aria-describedby="f-${id}-error"` : '';
  const summary = Object.keys(errors).length
    ? `<div class="form-errors" role="alert" tabindex="-1" id="problemes"><p>${esc(w.problems)}</p><ul>${(
        Object.entries(errors) as Array<[ContactFormField, string]>
      )
        .map(([k, m]) => `<li><a href="#f-${k}">${esc(m)}</a></li>`)
        .join('')}</ul></div>`
    : req.notice
      ? `<div class="form-errors" role="alert"><p>${esc(req.notice)}</p></div>`
      : '';
  const form = `<form class="stack" method="post" action="${esc(contactPagePath(region.slug, l, c.slug))}" novalidate>
<input type="hidden" name="_csrf" value="${esc(req.csrfToken)}">
${field('name', w.name, `<input id="f-name" name="name" autocomplete="name" maxlength="120" required value="${esc(v.name)}"${described('name')}>`, errors.name)}
${field('email', w.email, `<input id="f-email" name="email" type="email" autocomplete="email" maxlength="254" required value="${esc(v.email)}"${described('email')}>`, errors.email)}
${field('message', w.message, `<textarea id="f-message" name="message" rows="6" maxlength="4000" required${described('message')}>${esc(v.message)}</textarea>`, errors.message)}
<p class="hp" aria-hidden="true"><label for="f-website">${esc(w.honeypot)}</label><input id="f-website" name="website" tabindex="-1" autocomplete="off" value=""></p>
<p class="field check${errors.consent ? ' invalid' : ''}">${errors.consent ? `<span class="error" id="f-consent-error">${esc(errors.consent)}</span>` : ''}<input id="f-consent" name="consent" type="checkbox" value="yes"${v.consent ? ' checked' : ''}${described('consent')}> <label for="f-consent">${esc(w.consent)}</label></p>
<p><button type="submit">${esc(w.send)}</button></p>
</form>`;
  const slotList = slots.length
    ? `<h2>${esc(w.slots)}</h2><ul>${slots
        .slice(0, 5)
        .map((s) => `<li>${esc(formatWhen(new Date(s.startsAt), l))}</li>`)
        .join(
          '',
        )}</ul><p><a href="/${esc(region.slug)}/region/contacts/${esc(c.slug)}">${esc(w.book)}</a></p>`
    : '';
  return publicFrame(req, region, {
    title: `${c.name} — ${c.role[l]}`,
    description: `${c.role[l]}. ${c.bio[l]}`,
    paths: both((x) => contactPagePath(region.slug, x, c.slug)),
    body: `${summary}<h1>${esc(c.name)}</h1><p class="meta">${esc(c.role[l])}</p><p>${esc(c.bio[l])}</p>
<p>${esc(w.topics)} : ${c.topics.map((t) => esc(TOPICS[t]?.[l] ?? t)).join(', ')}</p>${slotList}
<h2>${esc(w.write)}</h2><p>${esc(w.lead)}</p>${form}`,
  });
}

/** The confirmation after the form was sent (reached by redirect, so reloading does not send twice). */
export async function contactSentPage(req: PublicPageRequest & { slug: string }): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const { contact: c } = await getPublicContact(req.db, region, req.slug);
  return publicFrame(req, region, {
    title: W[l].sentTitle,
    description: W[l].sentTitle,
    noindex: true,
    paths: both((x) => `${contactPagePath(region.slug, x, c.slug)}/envoye`),
    body: `<h1>${esc(W[l].sentTitle)}</h1><p role="status">${esc(W[l].sent(c.name))}</p><p><a href="/region/${esc(region.slug)}/${l}/personnes-ressources">${esc(W[l].back)}</a></p>`,
  });
}
