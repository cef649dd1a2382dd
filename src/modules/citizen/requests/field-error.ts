import { AppError, type ErrorStatus, renderMessage } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';

/**
 * An error about one field of the request form, with the field's message in the person's language in
 * `details.fields`, so the form shows it next to the field and keeps everything else typed.
 */
export function fieldError(
  code: string,
  field: string,
  locale: Locale,
  status: ErrorStatus = 400,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(code, status, {
    params,
    details: { fields: [{ field, rule: code, message: renderMessage(code, locale, params) }] },
  });
}
