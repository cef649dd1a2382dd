import type { Locale } from '../http/locale.ts';
import type { NotificationTemplate } from './notification-templates.ts';
import { type EmailBranding, footerLines, type UnsubscribeInfo } from './render.ts';
import { fitSms } from './sms-text.ts';

/** What a text message, a push notification and an inbox item show. */
export interface ChannelContent {
  title: string;
  body: string;
  url: string | null;
}

type Template = NotificationTemplate<Record<string, unknown>>;

/** Where a template's link leads, as an absolute address. */
export function absoluteUrl(url: string | undefined, publicUrl: string): string | null {
  if (!url) return null;
  return url.startsWith('/') ? `${publicUrl}${url}` : url;
}

function shortText(template: Template, params: Record<string, unknown>, locale: Locale): string {
  if (template.short) return template.short(params, locale);
  const first = template.text(params, locale).split(/\n{2,}/)[0] ?? '';
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

/**
 * A text message: the sender's name, the short text, and the unsubscribe link, in at most two
 * segments. The sender's contact is on the page the link opens (the law allows a link for it when a
 * text message has no room).
 */
export function renderSms(
  template: Template,
  params: Record<string, unknown>,
  locale: Locale,
  sender: EmailBranding,
  unsubscribeUrl: string | undefined,
): ChannelContent {
  const title = template.subject(params, locale);
  const suffix = unsubscribeUrl
    ? locale === 'fr'
      ? `\nDésabonnement : ${unsubscribeUrl}`
      : `\nUnsubscribe: ${unsubscribeUrl}`
    : '';
  const body = fitSms(`${sender.name} : ${shortText(template, params, locale)}`, suffix);
  return { title, body, url: null };
}

/** A device notification: the subject as title, the short text signed by the sender. */
export function renderPush(
  template: Template,
  params: Record<string, unknown>,
  locale: Locale,
  sender: EmailBranding,
  publicUrl: string,
): ChannelContent {
  return {
    title: template.subject(params, locale),
    body: `${shortText(template, params, locale)}\n— ${sender.name}`,
    url: absoluteUrl(template.url?.(params), publicUrl),
  };
}

/** An inbox item: the whole text with the same footer as an e-mail. */
export function renderInbox(
  template: Template,
  params: Record<string, unknown>,
  locale: Locale,
  sender: EmailBranding,
  publicUrl: string,
  unsubscribe: UnsubscribeInfo | undefined,
): ChannelContent {
  return {
    title: template.subject(params, locale),
    body: `${template.text(params, locale)}\n\n-- \n${footerLines(locale, sender, unsubscribe).join('\n')}`,
    url: absoluteUrl(template.url?.(params), publicUrl),
  };
}
