import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { errorMessage, normalise } from './errors.ts';

/**
 * The list of problems at the top of a form, focused when it appears so screen readers announce it;
 * each field problem links to its field. `fields` maps the API's field names to their input and label.
 */
export function ErrorSummary({
  error,
  fields = {},
}: {
  error: unknown;
  fields?: Record<string, { id: string; label: string }>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);

  if (!error) return null;

  const problems =
    error instanceof ApiError && error.fields.length > 0
      ? error.fields.filter(
          (problem, index, all) =>
            all.findIndex((other) => normalise(other.field) === normalise(problem.field)) === index,
        )
      : [];

  const jump = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{problems.length > 0 ? t('form.summaryTitle') : t('errors.title')}</h2>
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem) => {
            const name = normalise(problem.field);
            const field = fields[name];
            const id = field?.id;
            const text = field
              ? t('form.problem', { label: field.label, message: problem.message })
              : problem.message;
            return (
              <li key={name || problem.message}>
                {id ? (
                  <a href={`#${id}`} onClick={jump(id)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{errorMessage(error, t)}</p>
      )}
    </div>
  );
}
