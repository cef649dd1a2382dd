import type { TFunction } from 'i18next';
import { ApiError } from '../app/api.ts';

/** The first message the server gave for one field of a form, if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => normalise(f.field) === field)?.message;
}

/** Field names as the server writes them (`/email`, `body.email`) reduced to the form's (`email`). */
export function normalise(field: string): string {
  return field
    .replace(/^\//, '')
    .replace(/^body\./, '')
    .replace(/\//g, '.');
}

/** A sentence for an error: the server's own (already in the person's language) or a generic one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('errors.network');
    if (error.message) return error.message;
    return t('errors.unexpected');
  }
  return t('errors.unexpected');
}
