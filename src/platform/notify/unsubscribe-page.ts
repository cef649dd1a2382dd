import type { Locale } from '../http/locale.ts';
import type { UnsubscribeView } from './unsubscribe.ts';

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const TEXT = {
  fr: {
    title: 'Désabonnement',
    ask: (c: string, ch: string) => `Ne plus recevoir les messages « ${c} » par ${ch} ?`,
    button: 'Me désabonner',
    done: (c: string, ch: string) => `C’est fait : vous ne recevrez plus les messages « ${c} » par ${ch}.`,
    manage: 'Vous pouvez changer vos choix en tout temps dans votre espace, sous « Notifications ».',
    sender: (n: string) => `Expéditeur : ${n}`,
    contact: 'Pour nous joindre : ',
    invalid: 'Ce lien de désabonnement n’est pas valide.',
  },
  en: {
    title: 'Unsubscribe',
    ask: (c: string, ch: string) => `Stop receiving “${c}” messages by ${ch}?`,
    button: 'Unsubscribe me',
    done: (c: string, ch: string) => `Done: you will no longer receive “${c}” messages by ${ch}.`,
    manage: 'You can change your choices at any time in your space, under “Notifications”.',
    sender: (n: string) => `Sender: ${n}`,
    contact: 'To reach us: ',
    invalid: 'This unsubscribe link is not valid.',
  },
} as const;

function page(locale: Locale, sections: string[]): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${TEXT[locale].title} / ${TEXT[locale === 'fr' ? 'en' : 'fr'].title}</title><style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem;margin:2rem auto;padding:0 1rem}section+section{border-top:1px solid #d0d0d0;margin-top:1.5rem;padding-top:1rem}button{font:inherit;padding:.6rem 1.2rem;background:#1f3a5f;color:#fff;border:0;border-radius:.3rem;cursor:pointer}button:focus-visible{outline:3px solid #f2a900;outline-offset:2px}</style></head><body><main>${sections.join('')}</main></body></html>`;
}

function section(
  view: UnsubscribeView,
  locale: Locale,
  token: string,
  done: boolean,
  heading: 'h1' | 'h2',
): string {
  const t = TEXT[locale];
  const c = escapeHtml(view.categoryLabel[locale]);
  const ch = escapeHtml(view.channelLabel[locale]);
  const other = locale === view.locale ? '' : ` lang="${locale}"`;
  const contact = view.sender.contact
    ? `<p>${escapeHtml(t.contact)}${escapeHtml(view.sender.contact)}</p>`
    : '';
  const body = done
    ? `<p role="status">${t.done(c, ch)}</p><p>${escapeHtml(t.manage)}</p>`
    : `<p>${t.ask(c, ch)}</p><form method="post" action="/api/notify/unsubscribe/${escapeHtml(token)}"><button type="submit">${escapeHtml(t.button)}</button></form>`;
  return `<section${other}><${heading}>${escapeHtml(t.title)}</${heading}>${body}<p>${escapeHtml(t.sender(view.sender.name))}</p>${contact}</section>`;
}

/**
 * The bilingual page of an unsubscribe link: the person's language first, a button that POSTs (a GET
 * changes nothing, so link scanners unsubscribe nobody); once the category is off, it says so instead.
 */
export function unsubscribePage(view: UnsubscribeView, token: string, done: boolean): string {
  const second: Locale = view.locale === 'fr' ? 'en' : 'fr';
  const shown = done || view.unsubscribed;
  return page(view.locale, [
    section(view, view.locale, token, shown, 'h1'),
    section(view, second, token, shown, 'h2'),
  ]);
}

/** The page of a link that is not valid (altered, or from another installation). */
export function invalidUnsubscribePage(locale: Locale): string {
  const second: Locale = locale === 'fr' ? 'en' : 'fr';
  return page(locale, [
    `<section><h1>${escapeHtml(TEXT[locale].title)}</h1><p>${escapeHtml(TEXT[locale].invalid)}</p></section>`,
    `<section lang="${second}"><h2>${escapeHtml(TEXT[second].title)}</h2><p>${escapeHtml(TEXT[second].invalid)}</p></section>`,
  ]);
}
