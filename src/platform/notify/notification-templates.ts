import type { Locale } from '../http/locale.ts';
import { defineEmailTemplate, type EmailTemplate } from './templates.ts';

/**
 * A bilingual notification, rendered per channel: e-mail uses subject, text (and html); a text message
 * and a push notification use the short text; the inbox uses subject and text. `url` is where the
 * message leads (a path of the web app or an absolute address).
 */
export interface NotificationTemplate<P extends Record<string, unknown>> extends EmailTemplate<P> {
  /** One or two sentences for a text message or a device notification (keep it under ~100 characters). */
  short?(params: P, locale: Locale): string;
  url?(params: P): string | undefined;
}

const templates = new Map<string, NotificationTemplate<Record<string, unknown>>>();

/** Registers a named notification template (also usable as a plain e-mail template by sendEmail). */
export function defineNotification<P extends Record<string, unknown>>(
  name: string,
  template: NotificationTemplate<P>,
): string {
  templates.set(name, template as unknown as NotificationTemplate<Record<string, unknown>>);
  return defineEmailTemplate(name, template);
}

/** Looks up a notification template by name. */
export function notificationTemplate(name: string): NotificationTemplate<Record<string, unknown>> {
  const t = templates.get(name);
  if (!t) throw new Error(`unknown notification template ${name}`);
  return t;
}

/** Bilingual texts written by staff for a mass send, stored with the campaign. */
export interface StaffMessageParams extends Record<string, unknown> {
  subject: { fr: string; en: string };
  body: { fr: string; en: string };
  url?: string;
}

/** The template of messages staff write themselves (campaigns): their texts in the person's language. */
export const STAFF_MESSAGE = defineNotification<StaffMessageParams>('notify.staff_message', {
  subject: (p, l) => p.subject[l],
  text: (p, l) => p.body[l],
  short: (p, l) => p.subject[l],
  url: (p) => p.url,
});
