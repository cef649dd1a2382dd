import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import type { CategoryField } from './shared.tsx';

/** What was entered in a category's own fields: text, or the keys chosen in a list. */
export type AttributeValues = Record<string, string | string[]>;

/** The id of a field's control, for labels and the error summary. */
export const attributeId = (code: string) => `req-attr-${code}`;

/** A category's own fields, each with the widget its datatype calls for and its error from the server. */
export function AttributeFields({
  fields,
  values,
  onChange,
  error,
}: {
  fields: CategoryField[];
  values: AttributeValues;
  onChange: (values: AttributeValues) => void;
  error: unknown;
}) {
  const { t, i18n } = useTranslation('citizen');
  const en = i18n.language === 'en';
  const set = (code: string, value: string | string[]) => onChange({ ...values, [code]: value });
  return (
    <>
      {fields.map((field) => {
        const id = attributeId(field.code);
        const label = en ? field.labelEn : field.labelFr;
        const hint = (en ? field.descriptionEn : field.descriptionFr) || undefined;
        const problem = fieldError(error, `attributes.${field.code}`);
        const text = typeof values[field.code] === 'string' ? (values[field.code] as string) : '';
        const common = {
          id,
          label,
          hint,
          error: problem,
          optional: !field.required,
          required: field.required,
        };
        switch (field.datatype) {
          case 'singlevaluelist':
            return (
              <SelectField
                key={field.code}
                {...common}
                value={text}
                onChange={(e) => set(field.code, e.target.value)}
              >
                <option value="">{t('requests.form.choose')}</option>
                {(field.values ?? []).map((v) => (
                  <option key={v.key} value={v.key}>
                    {en ? v.nameEn : v.nameFr}
                  </option>
                ))}
              </SelectField>
            );
          case 'multivaluelist': {
            const chosen = Array.isArray(values[field.code]) ? (values[field.code] as string[]) : [];
            return (
              <fieldset
                key={field.code}
                id={id}
                tabIndex={-1}
                className={problem ? 'field field--invalid' : 'field'}
              >
                <legend>{label}</legend>
                {problem && <p className="field__error">{problem}</p>}
                <div className="choice-list">
                  {(field.values ?? []).map((v) => (
                    <label key={v.key} className="choice">
                      <input
                        type="checkbox"
                        checked={chosen.includes(v.key)}
                        onChange={(e) =>
                          set(
                            field.code,
                            e.target.checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key),
                          )
                        }
                      />
                      {en ? v.nameEn : v.nameFr}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          }
          case 'text':
            return (
              <TextAreaField
                key={field.code}
                {...common}
                value={text}
                onChange={(e) => set(field.code, e.target.value)}
              />
            );
          case 'number':
            return (
              <TextField
                key={field.code}
                {...common}
                inputMode="decimal"
                inputSize="short"
                value={text}
                onChange={(e) => set(field.code, e.target.value)}
              />
            );
          case 'datetime':
            return (
              <TextField
                key={field.code}
                {...common}
                type="datetime-local"
                value={text}
                onChange={(e) => set(field.code, e.target.value)}
              />
            );
          default:
            return (
              <TextField
                key={field.code}
                {...common}
                value={text}
                onChange={(e) => set(field.code, e.target.value)}
              />
            );
        }
      })}
    </>
  );
}

/** Values as the API takes them: empty ones dropped, local date-times as instants. */
export function attributesForApi(fields: CategoryField[], values: AttributeValues): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.code];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (field.datatype === 'datetime' && typeof value === 'string') {
      const at = new Date(value);
      result[field.code] = Number.isNaN(at.getTime()) ? value : at.toISOString();
    } else result[field.code] = value;
  }
  return result;
}
