import { type ChangeEvent, type FormEvent, useCallback, useRef, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { fieldError } from './errors.ts';

/**
 * Business-rule errors that concern one field (e.g. `auth.password_too_common` → `password`) become field
 * problems, so their message shows next to that field and the summary links to it.
 */
function attach(error: unknown, codeFields: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || error.fields.length > 0) return error;
  const field = codeFields[error.code];
  if (!field) return error;
  return new ApiError(error.status, error.code, error.message, {
    fields: [{ field, rule: error.code, message: error.message }],
  });
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * State of one form: what the person typed (kept whatever the server answers), the submission in progress,
 * and the last error with its per-field messages. Input ids are `<prefix>-<field>`; `codeFields` ties
 * error codes to the field they concern.
 */
export function useForm<T extends Record<string, string>>(
  prefix: string,
  initial: T,
  codeFields: Record<string, keyof T & string> = {},
) {
  const [values, setValues] = useState<T>(initial);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const labels = useRef<Record<string, string>>({});

  const set = useCallback(
    (name: keyof T, value: string) => setValues((old) => ({ ...old, [name]: value })),
    [],
  );

  /** Props for a TextField/SelectField/TextAreaField bound to one value. */
  const field = (name: keyof T & string, label: string) => {
    labels.current[name] = label;
    return {
      id: `${prefix}-${name}`,
      name,
      label,
      value: values[name],
      error: fieldError(error, name),
      onChange: (event: ChangeEvent<Control>) => set(name, event.target.value),
    };
  };

  /** The fields the error summary links to. */
  const summaryFields = () =>
    Object.fromEntries(
      Object.entries(labels.current).map(([name, label]) => [name, { id: `${prefix}-${name}`, label }]),
    );

  const handleSubmit = (action: (values: T) => Promise<void>) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await action(values);
    } catch (caught) {
      setError(attach(caught, codeFields));
    } finally {
      setPending(false);
    }
  };

  return { values, set, setValues, error, setError, pending, field, summaryFields, handleSubmit };
}
