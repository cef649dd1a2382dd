import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import {
  type ConditionDraft,
  type DocumentDraft,
  emptyDocument,
  emptyField,
  FIELD_TYPES,
  type FieldDraft,
  type FieldType,
  NUMERIC_TYPES,
} from './permit-type-draft.ts';

/** The input id of an API path (`fields.2.key` → `pt-fields.2.key`), shared with the error summary. */
export const inputId = (path: string) => `pt-${path}`;

function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Up, down and remove for one item of a list, each naming the item for screen readers. */
function ItemButtons({
  index,
  count,
  name,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  name: string;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('portal');
  return (
    <div className="portal-item-buttons">
      <Button
        variant="secondary"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={t('types.moveUpNamed', { name })}
      >
        {t('types.moveUp')}
      </Button>
      <Button
        variant="secondary"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={t('types.moveDownNamed', { name })}
      >
        {t('types.moveDown')}
      </Button>
      <Button variant="secondary" onClick={onRemove} aria-label={t('types.removeNamed', { name })}>
        {t('types.remove')}
      </Button>
    </div>
  );
}

/** "Ask only when …": an earlier field and the value it must have (yes/no, a choice, or a text). */
function ConditionInputs({
  path,
  item,
  earlier,
  error,
  onChange,
}: {
  path: string;
  item: ConditionDraft;
  earlier: readonly FieldDraft[];
  error: unknown;
  onChange: (patch: Partial<ConditionDraft>) => void;
}) {
  const { t, i18n } = useTranslation('portal');
  const on = earlier.find((f) => f.key === item.showIfField);
  const choices =
    on?.type === 'select' ? on.options.split('\n').map((l) => l.split('|').map((p) => p.trim())) : [];
  return (
    <div className="two-columns">
      <SelectField
        id={inputId(`${path}.showIf.field`)}
        label={t('types.condition')}
        hint={t('types.conditionHint')}
        value={item.showIfField}
        error={fieldError(error, `${path}.showIf.field`)}
        onChange={(e) => onChange({ showIfField: e.target.value, showIfEquals: '' })}
      >
        <option value="">{t('types.always')}</option>
        {earlier
          .filter((f) => f.key.trim())
          .map((f) => (
            <option key={f.uid} value={f.key}>
              {(i18n.language === 'en' ? f.labelEn : f.labelFr) || f.key}
            </option>
          ))}
        {item.showIfField && !on && <option value={item.showIfField}>{item.showIfField}</option>}
      </SelectField>
      {item.showIfField &&
        (on?.type === 'boolean' || (on?.type === 'select' && choices.some((c) => c[0])) ? (
          <SelectField
            id={inputId(`${path}.showIf.equals`)}
            label={t('types.conditionValue')}
            value={item.showIfEquals}
            onChange={(e) => onChange({ showIfEquals: e.target.value })}
          >
            <option value="">{t('types.choose')}</option>
            {on.type === 'boolean' ? (
              <>
                <option value="true">{t('apply.yes')}</option>
                <option value="false">{t('apply.no')}</option>
              </>
            ) : (
              choices
                .filter((c) => c[0])
                .map(([value = '', fr = '', en = '']) => (
                  <option key={value} value={value}>
                    {(i18n.language === 'en' ? en || fr : fr) || value}
                  </option>
                ))
            )}
          </SelectField>
        ) : (
          <TextField
            id={inputId(`${path}.showIf.equals`)}
            label={t('types.conditionValue')}
            value={item.showIfEquals}
            onChange={(e) => onChange({ showIfEquals: e.target.value })}
          />
        ))}
    </div>
  );
}

/** The form's fields: key, type, labels, hint, required, limits, choices and condition, in order. */
export function FieldsEditor({
  fields,
  error,
  onChange,
}: {
  fields: FieldDraft[];
  error: unknown;
  onChange: (fields: FieldDraft[]) => void;
}) {
  const { t, i18n } = useTranslation('portal');
  const set = (i: number, patch: Partial<FieldDraft>) =>
    onChange(fields.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  const err = (path: string) => fieldError(error, path);
  return (
    <fieldset className="portal-items">
      <legend>
        <h2>{t('types.fields')}</h2>
      </legend>
      <p>{t('types.fieldsIntro')}</p>
      {fields.length === 0 && <p>{t('types.noFields')}</p>}
      <ol className="portal-item-list">
        {fields.map((f, i) => {
          const path = `fields.${i}`;
          const name = (i18n.language === 'en' ? f.labelEn : f.labelFr) || f.key || t('types.newField');
          return (
            <li key={f.uid}>
              <fieldset className="portal-item">
                <legend>{t('types.fieldNumber', { n: i + 1, name })}</legend>
                <div className="two-columns">
                  <TextField
                    id={inputId(`${path}.key`)}
                    label={t('types.key')}
                    hint={t('types.fieldKeyHint')}
                    value={f.key}
                    spellCheck={false}
                    error={err(`${path}.key`)}
                    onChange={(e) => set(i, { key: e.target.value })}
                  />
                  <SelectField
                    id={inputId(`${path}.type`)}
                    label={t('types.fieldType')}
                    value={f.type}
                    onChange={(e) => set(i, { type: e.target.value as FieldType })}
                  >
                    {FIELD_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`types.fieldTypes.${type}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    id={inputId(`${path}.label.fr`)}
                    label={t('types.labelFr')}
                    value={f.labelFr}
                    error={err(`${path}.label.fr`)}
                    onChange={(e) => set(i, { labelFr: e.target.value })}
                  />
                  <TextField
                    id={inputId(`${path}.label.en`)}
                    label={t('types.labelEn')}
                    value={f.labelEn}
                    error={err(`${path}.label.en`)}
                    onChange={(e) => set(i, { labelEn: e.target.value })}
                  />
                  <TextField
                    id={inputId(`${path}.hint.fr`)}
                    label={t('types.hintFr')}
                    optional
                    value={f.hintFr}
                    onChange={(e) => set(i, { hintFr: e.target.value })}
                  />
                  <TextField
                    id={inputId(`${path}.hint.en`)}
                    label={t('types.hintEn')}
                    optional
                    value={f.hintEn}
                    onChange={(e) => set(i, { hintEn: e.target.value })}
                  />
                  {NUMERIC_TYPES.includes(f.type) && (
                    <>
                      <TextField
                        id={inputId(`${path}.min`)}
                        label={t('types.min')}
                        optional
                        inputMode="decimal"
                        value={f.min}
                        error={err(`${path}.min`)}
                        onChange={(e) => set(i, { min: e.target.value })}
                      />
                      <TextField
                        id={inputId(`${path}.max`)}
                        label={t('types.max')}
                        optional
                        inputMode="decimal"
                        value={f.max}
                        error={err(`${path}.max`)}
                        onChange={(e) => set(i, { max: e.target.value })}
                      />
                    </>
                  )}
                </div>
                {f.type === 'select' && (
                  <TextAreaField
                    id={inputId(`${path}.options`)}
                    label={t('types.options')}
                    hint={t('types.optionsHint')}
                    value={f.options}
                    spellCheck={false}
                    error={err(`${path}.options`)}
                    onChange={(e) => set(i, { options: e.target.value })}
                  />
                )}
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={f.required}
                    onChange={(e) => set(i, { required: e.target.checked })}
                  />
                  {t('types.required')}
                </label>
                <ConditionInputs
                  path={path}
                  item={f}
                  earlier={fields.slice(0, i)}
                  error={error}
                  onChange={(patch) => set(i, patch)}
                />
                <ItemButtons
                  index={i}
                  count={fields.length}
                  name={name}
                  onMove={(to) => onChange(move(fields, i, to))}
                  onRemove={() => {
                    onChange(fields.filter((_, k) => k !== i));
                    focusLater('pt-add-field');
                  }}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button
        id="pt-add-field"
        variant="secondary"
        onClick={() => {
          onChange([...fields, emptyField()]);
          focusLater(inputId(`fields.${fields.length}.key`));
        }}
      >
        {t('types.addField')}
      </Button>
    </fieldset>
  );
}

/** The documents to attach: key, labels, required, condition. */
export function DocumentsEditor({
  documents,
  fields,
  error,
  onChange,
}: {
  documents: DocumentDraft[];
  fields: readonly FieldDraft[];
  error: unknown;
  onChange: (documents: DocumentDraft[]) => void;
}) {
  const { t, i18n } = useTranslation('portal');
  const set = (i: number, patch: Partial<DocumentDraft>) =>
    onChange(documents.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="portal-items">
      <legend>
        <h2>{t('types.documents')}</h2>
      </legend>
      {documents.length === 0 && <p>{t('types.noDocuments')}</p>}
      <ol className="portal-item-list">
        {documents.map((d, i) => {
          const path = `documents.${i}`;
          const name = (i18n.language === 'en' ? d.labelEn : d.labelFr) || d.key || t('types.newDocument');
          return (
            <li key={d.uid}>
              <fieldset className="portal-item">
                <legend>{t('types.documentNumber', { n: i + 1, name })}</legend>
                <div className="two-columns">
                  <TextField
                    id={inputId(`${path}.key`)}
                    label={t('types.key')}
                    hint={t('types.documentKeyHint')}
                    value={d.key}
                    spellCheck={false}
                    error={fieldError(error, `${path}.key`)}
                    onChange={(e) => set(i, { key: e.target.value })}
                  />
                  <TextField
                    id={inputId(`${path}.label.fr`)}
                    label={t('types.labelFr')}
                    value={d.labelFr}
                    error={fieldError(error, `${path}.label.fr`)}
                    onChange={(e) => set(i, { labelFr: e.target.value })}
                  />
                  <TextField
                    id={inputId(`${path}.label.en`)}
                    label={t('types.labelEn')}
                    value={d.labelEn}
                    error={fieldError(error, `${path}.label.en`)}
                    onChange={(e) => set(i, { labelEn: e.target.value })}
                  />
                </div>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={d.required}
                    onChange={(e) => set(i, { required: e.target.checked })}
                  />
                  {t('types.documentRequired')}
                </label>
                <ConditionInputs
                  path={path}
                  item={d}
                  earlier={fields}
                  error={error}
                  onChange={(patch) => set(i, patch)}
                />
                <ItemButtons
                  index={i}
                  count={documents.length}
                  name={name}
                  onMove={(to) => onChange(move(documents, i, to))}
                  onRemove={() => {
                    onChange(documents.filter((_, k) => k !== i));
                    focusLater('pt-add-document');
                  }}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button
        id="pt-add-document"
        variant="secondary"
        onClick={() => {
          onChange([...documents, emptyDocument()]);
          focusLater(inputId(`documents.${documents.length}.key`));
        }}
      >
        {t('types.addDocument')}
      </Button>
    </fieldset>
  );
}
