import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import type { PermitField } from './shared.tsx';
import { useBilingual } from './shared.tsx';

type Answers = Record<string, string | number | boolean>;

/** Whether a field (or document) is asked given the answers so far (as the server decides). */
export function isAsked(
  item: { showIf?: { field: string; equals: string | boolean } },
  answers: Answers,
): boolean {
  return !item.showIf || answers[item.showIf.field] === item.showIf.equals;
}

/** The fields of a permit form that apply, each with its label, hint and the server's message. */
export function PermitFormFields({
  idPrefix,
  fields,
  answers,
  onChange,
  problems,
}: {
  idPrefix: string;
  fields: PermitField[];
  answers: Answers;
  onChange: (key: string, value: string | number | boolean | undefined) => void;
  problems: Record<string, string>;
}) {
  const { t } = useTranslation('portal');
  const bi = useBilingual();
  return (
    <>
      {fields
        .filter((f) => isAsked(f, answers))
        .map((f) => {
          const id = `${idPrefix}-${f.key}`;
          const common = {
            id,
            label: bi(f.label),
            hint: f.hint ? bi(f.hint) : undefined,
            error: problems[f.key],
            optional: !f.required,
          };
          const value = answers[f.key];
          switch (f.type) {
            case 'select':
              return (
                <SelectField
                  key={f.key}
                  {...common}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => onChange(f.key, e.target.value || undefined)}
                >
                  <option value="">{t('apply.choose')}</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {bi(o.label)}
                    </option>
                  ))}
                </SelectField>
              );
            case 'boolean':
              return (
                <SelectField
                  key={f.key}
                  {...common}
                  value={value === true ? 'yes' : value === false ? 'no' : ''}
                  onChange={(e) =>
                    onChange(
                      f.key,
                      e.target.value === 'yes' ? true : e.target.value === 'no' ? false : undefined,
                    )
                  }
                >
                  <option value="">{t('apply.choose')}</option>
                  <option value="yes">{t('apply.yes')}</option>
                  <option value="no">{t('apply.no')}</option>
                </SelectField>
              );
            case 'textarea':
              return (
                <TextAreaField
                  key={f.key}
                  {...common}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => onChange(f.key, e.target.value)}
                />
              );
            case 'number':
            case 'money':
            case 'area':
              return (
                <TextField
                  key={f.key}
                  {...common}
                  inputMode="decimal"
                  inputSize="short"
                  value={value === undefined ? '' : String(value)}
                  onChange={(e) => {
                    const text = e.target.value.trim().replace(',', '.');
                    onChange(
                      f.key,
                      text === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : e.target.value,
                    );
                  }}
                />
              );
            case 'date':
              return (
                <TextField
                  key={f.key}
                  {...common}
                  type="date"
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => onChange(f.key, e.target.value || undefined)}
                />
              );
            default:
              return (
                <TextField
                  key={f.key}
                  {...common}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => onChange(f.key, e.target.value)}
                />
              );
          }
        })}
    </>
  );
}
