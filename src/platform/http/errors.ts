import type { Bilingual, Locale } from './locale.ts';
import { MESSAGES } from './messages.ts';

const catalogue = new Map<string, Bilingual>(Object.entries(MESSAGES));

/** Adds a module's bilingual error messages to the catalogue (codes prefixed by the module, e.g. `registration.full`). */
export function registerMessages(messages: Record<string, Bilingual>): void {
  for (const [code, text] of Object.entries(messages)) catalogue.set(code, text);
}

/** Whether the catalogue knows a code. */
export function hasMessage(code: string): boolean {
  return catalogue.has(code);
}

/** HTTP statuses an AppError may carry (DESIGN.md, HTTP rules). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/**
 * An error meant for the person: a stable code, a status, and a message rendered in their language.
 * Thrown by use cases and policies; the error handler turns it into `{ error: { code, message, details } }`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly params: Record<string, string | number>;
  readonly details: unknown;

  constructor(
    code: string,
    status: ErrorStatus,
    options: { params?: Record<string, string | number>; details?: unknown } = {},
  ) {
    super(code);
    this.code = code;
    this.status = status;
    this.params = options.params ?? {};
    this.details = options.details;
  }
}

/** Renders a catalogue message in a language, filling `{name}` placeholders. */
export function renderMessage(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const entry = catalogue.get(code) ?? MESSAGES.internal;
  return entry[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** Shorthands for the common cases. */
export const notFound = (what = 'resource') => new AppError('not_found', 404, { params: { what } });
export const forbidden = () => new AppError('auth.forbidden', 403);
export const unauthenticated = () => new AppError('auth.required', 401);
