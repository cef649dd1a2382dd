import { ApiError } from '../../app/api.ts';
import { normalise } from '../../ui/errors.ts';

/**
 * Runs a request and, when the server refuses fields by their nested names (`stripe.secretKey`,
 * `subject.fr`), renames them to the form's own fields so that each message shows beside its input.
 */
export async function withFormFields<T>(names: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiError) || error.fields.length === 0) throw error;
    const fields = error.fields.map((f) => ({ ...f, field: names[normalise(f.field)] ?? f.field }));
    throw new ApiError(error.status, error.code, error.message, { fields });
  }
}
