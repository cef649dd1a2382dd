import type { Locale } from '../http/locale.ts';

/** A bilingual e-mail: subject and plain text always; HTML is derived from the text when absent. */
export interface EmailTemplate<P extends Record<string, unknown>> {
  subject(params: P, locale: Locale): string;
  text(params: P, locale: Locale): string;
  html?(params: P, locale: Locale): string;
}

const templates = new Map<string, EmailTemplate<Record<string, unknown>>>();

/** Registers a named template (features call this at import time). */
export function defineEmailTemplate<P extends Record<string, unknown>>(
  name: string,
  template: EmailTemplate<P>,
) {
  templates.set(name, template as unknown as EmailTemplate<Record<string, unknown>>);
  return name;
}

/** Looks up a template by name. */
export function emailTemplate(name: string): EmailTemplate<Record<string, unknown>> {
  const t = templates.get(name);
  if (!t) throw new Error(`unknown e-mail template ${name}`);
  return t;
}
