import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Table } from '../../../../ui/Table.tsx';
import type { Category, CategoryField } from '../shared.tsx';
import { useBilingual } from '../shared.tsx';
import type { useStaffLookups } from './common.tsx';

const TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
type FieldDraft = Omit<CategoryField, 'values'> & { values: string; key: string };

let drafts = 0;
const draftKey = () => `field-${++drafts}`;

const toDraft = (f: CategoryField): FieldDraft => ({
  ...f,
  key: draftKey(),
  values: (f.values ?? []).map((v) => `${v.key} | ${v.nameFr} | ${v.nameEn}`).join('\n'),
});
const fromDraft = (f: FieldDraft): CategoryField => {
  const values = f.values
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([key = '', nameFr = '', nameEn = '']) => ({
      key,
      nameFr: nameFr || key,
      nameEn: nameEn || nameFr || key,
    }));
  const { values: _, key: __, ...rest } = f;
  return { ...rest, ...(f.datatype.endsWith('valuelist') ? { values } : {}) };
};

const EMPTY = {
  code: '',
  nameFr: '',
  nameEn: '',
  descriptionFr: '',
  descriptionEn: '',
  departmentId: '',
  ackDays: '',
  resolveDays: '',
  sensitive: false,
  active: true,
};

/** Categories: the list, and a form to create one or change it with its own fields. */
export function CategoryEditor({
  orgId,
  lookups,
}: {
  orgId: string;
  lookups: ReturnType<typeof useStaffLookups>;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const [editing, setEditing] = useState<Category | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [fields, setFields] = useState<FieldDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const edit = (c: Category | null) => {
    setEditing(c);
    setError(null);
    setSaved(null);
    setForm(
      c
        ? {
            code: c.code,
            nameFr: c.name.fr,
            nameEn: c.name.en,
            descriptionFr: c.description.fr,
            descriptionEn: c.description.en,
            departmentId: c.departmentId ?? '',
            ackDays: c.ackDays === null ? '' : String(c.ackDays),
            resolveDays: c.resolveDays === null ? '' : String(c.resolveDays),
            sensitive: c.sensitive,
            active: c.active,
          }
        : EMPTY,
    );
    setFields(c ? c.fields.map(toDraft) : []);
    requestAnimationFrame(() => document.getElementById('cat-code')?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const days = (v: string) => (v.trim() === '' ? null : Number(v));
    const body = {
      code: form.code.trim(),
      nameFr: form.nameFr,
      nameEn: form.nameEn,
      descriptionFr: form.descriptionFr,
      descriptionEn: form.descriptionEn,
      departmentId: form.departmentId || null,
      ackDays: days(form.ackDays),
      resolveDays: days(form.resolveDays),
      sensitive: form.sensitive,
      active: form.active,
      fields: fields.map(fromDraft),
    };
    try {
      const result = editing
        ? await call(
            api.PUT('/api/orgs/{orgId}/staff/request-categories/{id}', {
              params: { path: { orgId, id: editing.id } },
              body,
            }),
          )
        : await call(
            api.POST('/api/orgs/{orgId}/staff/request-categories', { params: { path: { orgId } }, body }),
          );
      setSaved(t('requests.settings.categorySaved', { name: bi(result.name) }));
      await lookups.refetch();
      edit(null);
    } catch (caught) {
      setError(caught);
    }
  };
  const text = (name: keyof typeof EMPTY, label: string, extra: Record<string, unknown> = {}) => ({
    id: `cat-${name}`,
    label,
    value: String(form[name]),
    error: fieldError(error, name),
    onChange: (e: { target: { value: string } }) => setForm((old) => ({ ...old, [name]: e.target.value })),
    ...extra,
  });
  const setField = (i: number, patch: Partial<FieldDraft>) =>
    setFields((old) => old.map((f, k) => (k === i ? { ...f, ...patch } : f)));

  return (
    <section aria-labelledby="cat-title">
      <h2 id="cat-title">{t('requests.settings.categories')}</h2>
      {saved && <p role="status">{saved}</p>}
      <Table
        caption={t('requests.settings.categories')}
        captionHidden
        rows={lookups.categories}
        rowKey={(c) => c.id}
        columns={[
          { key: 'name', header: t('requests.settings.name'), rowHeader: true, render: (c) => bi(c.name) },
          { key: 'code', header: t('requests.settings.code'), render: (c) => c.code },
          {
            key: 'targets',
            header: t('requests.settings.targets'),
            render: (c) =>
              t('requests.settings.targetsValue', { ack: c.ackDays ?? '—', resolve: c.resolveDays ?? '—' }),
          },
          { key: 'fields', header: t('requests.settings.fields'), render: (c) => c.fields.length },
          {
            key: 'flags',
            header: t('requests.settings.flags'),
            render: (c) =>
              [
                c.sensitive ? t('requests.settings.sensitive') : '',
                c.active ? '' : t('requests.settings.inactive'),
              ]
                .filter(Boolean)
                .join(', ') || '—',
          },
          {
            key: 'edit',
            header: t('requests.settings.actions'),
            render: (c) => (
              <Button
                variant="link"
                onClick={() => edit(c)}
                aria-label={t('requests.settings.editNamed', { name: bi(c.name) })}
              >
                {t('requests.settings.edit')}
              </Button>
            ),
          },
        ]}
      />
      <form className="form req-panel" onSubmit={submit} noValidate aria-labelledby="cat-form-title">
        <h3 id="cat-form-title">
          {editing
            ? t('requests.settings.editCategory', { name: bi(editing.name) })
            : t('requests.settings.newCategory')}
        </h3>
        <ErrorSummary error={error} />
        <TextField
          {...text('code', t('requests.settings.code'), {
            hint: t('requests.settings.codeHint'),
            spellCheck: false,
          })}
        />
        <TextField {...text('nameFr', t('requests.settings.nameFr'))} />
        <TextField {...text('nameEn', t('requests.settings.nameEn'))} />
        <TextAreaField {...text('descriptionFr', t('requests.settings.descriptionFr'), { optional: true })} />
        <TextAreaField {...text('descriptionEn', t('requests.settings.descriptionEn'), { optional: true })} />
        <SelectField {...text('departmentId', t('requests.staff.department'))}>
          <option value="">{t('requests.staff.noDepartment')}</option>
          {lookups.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {bi(d.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          {...text('ackDays', t('requests.settings.ackDays'), {
            inputMode: 'numeric',
            inputSize: 'short',
            optional: true,
            hint: t('requests.settings.daysHint'),
          })}
        />
        <TextField
          {...text('resolveDays', t('requests.settings.resolveDays'), {
            inputMode: 'numeric',
            inputSize: 'short',
            optional: true,
          })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.sensitive}
            onChange={(e) => setForm((old) => ({ ...old, sensitive: e.target.checked }))}
          />
          {t('requests.settings.sensitiveLabel')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm((old) => ({ ...old, active: e.target.checked }))}
          />
          {t('requests.settings.activeLabel')}
        </label>
        <h4>{t('requests.settings.fields')}</h4>
        {fields.map((f, i) => (
          <fieldset key={f.key} className="req-panel">
            <legend>{t('requests.settings.fieldN', { n: i + 1 })}</legend>
            <TextField
              id={`fld-${i}-code`}
              label={t('requests.settings.code')}
              value={f.code}
              spellCheck={false}
              onChange={(e) => setField(i, { code: e.target.value })}
            />
            <SelectField
              id={`fld-${i}-type`}
              label={t('requests.settings.datatype')}
              value={f.datatype}
              onChange={(e) => setField(i, { datatype: e.target.value as FieldDraft['datatype'] })}
            >
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`requests.settings.types.${type}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`fld-${i}-fr`}
              label={t('requests.settings.labelFr')}
              value={f.labelFr}
              onChange={(e) => setField(i, { labelFr: e.target.value })}
            />
            <TextField
              id={`fld-${i}-en`}
              label={t('requests.settings.labelEn')}
              value={f.labelEn}
              onChange={(e) => setField(i, { labelEn: e.target.value })}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={f.required}
                onChange={(e) => setField(i, { required: e.target.checked })}
              />
              {t('requests.settings.required')}
            </label>
            {f.datatype.endsWith('valuelist') && (
              <TextAreaField
                id={`fld-${i}-values`}
                label={t('requests.settings.values')}
                hint={t('requests.settings.valuesHint')}
                value={f.values}
                onChange={(e) => setField(i, { values: e.target.value })}
              />
            )}
            <Button variant="link" onClick={() => setFields((old) => old.filter((_, k) => k !== i))}>
              {t('requests.settings.removeField')}
            </Button>
          </fieldset>
        ))}
        <div className="btn-row">
          <Button
            variant="secondary"
            onClick={() =>
              setFields((old) => [
                ...old,
                {
                  code: '',
                  datatype: 'string',
                  required: false,
                  labelFr: '',
                  labelEn: '',
                  values: '',
                  key: draftKey(),
                },
              ])
            }
          >
            {t('requests.settings.addField')}
          </Button>
        </div>
        <div className="btn-row">
          <Button type="submit">{t('requests.staff.save')}</Button>
          {editing && (
            <Button variant="link" onClick={() => edit(null)}>
              {t('requests.form.cancel')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
