import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldShell {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, hint and error message around one control, tied to it by id and aria-describedby. */
function Shell({ id, label, hint, error, optional, children }: FieldShell & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

type InputProps = FieldShell &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { inputSize?: 'short' | 'code' };

/** A labelled text input (text, email, password, date, tel…). */
export function TextField({ id, label, hint, error, optional, inputSize, className, ...input }: InputProps) {
  return (
    <Shell id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...input}
        id={id}
        className={['input', inputSize ? `input--${inputSize}` : '', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Shell>
  );
}

type SelectProps = FieldShell & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

/** A labelled select. */
export function SelectField({ id, label, hint, error, optional, children, ...select }: SelectProps) {
  return (
    <Shell id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        {...select}
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {children}
      </select>
    </Shell>
  );
}

type TextAreaProps = FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** A labelled multi-line text input. */
export function TextAreaField({ id, label, hint, error, optional, ...area }: TextAreaProps) {
  return (
    <Shell id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        {...area}
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Shell>
  );
}
