import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../context.ts';

type Preview = ApiData<'/api/orgs/{orgId}/addresses/imports', 'post'>;
type Mapping = Preview['mapping'];
type LineError = Preview['errors'][number];

/** The fields of an address a file's columns can fill, in the order a person reads them. */
const TARGETS = [
  'address',
  'civicNumber',
  'civicSuffix',
  'streetType',
  'street',
  'unit',
  'municipality',
  'postalCode',
  'latitude',
  'longitude',
] as const satisfies ReadonlyArray<keyof Mapping>;

/** What the server found in the file: lines, valid ones, errors, format. */
export function PreviewFigures({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const n = (v: number) => v.toLocaleString(intlLocale());
  return (
    <ul className="figures" aria-label={t('addressImport.figures')}>
      <li>
        <strong>{preview.format === 'csv' ? 'CSV' : 'GeoJSON'}</strong>
        {preview.delimiter
          ? t('addressImport.delimiter', {
              delimiter: preview.delimiter === '\t' ? 'tab' : preview.delimiter,
            })
          : t('addressImport.format')}
      </li>
      <li>
        <strong>{n(preview.total)}</strong>
        {t('addressImport.lines')}
      </li>
      <li>
        <strong>{n(preview.valid)}</strong>
        {t('addressImport.valid', { checked: n(preview.checked) })}
      </li>
      <li>
        <strong>{n(preview.errorCount)}</strong>
        {t('addressImport.errorLines')}
      </li>
    </ul>
  );
}

/** The first lines as they would be read with the current columns. */
export function SampleTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  if (preview.sample.length === 0) return null;
  const deg = (v: number | null) =>
    v === null ? '—' : v.toLocaleString(intlLocale(), { maximumFractionDigits: 6 });
  return (
    <Table
      caption={t('addressImport.sampleCaption', { count: preview.sample.length })}
      rows={preview.sample}
      rowKey={(s) => String(s.line)}
      columns={[
        { key: 'line', header: t('addressImport.line'), rowHeader: true, render: (s) => s.line },
        {
          key: 'number',
          header: t('addressImport.fields.civicNumber'),
          nowrap: true,
          render: (s) => `${s.address.civicNumber}${s.address.civicSuffix ?? ''}`,
        },
        {
          key: 'street',
          header: t('addressImport.fields.street'),
          render: (s) => [s.address.streetType, s.address.streetName].filter(Boolean).join(' '),
        },
        { key: 'unit', header: t('addressImport.fields.unit'), render: (s) => s.address.unit ?? '—' },
        {
          key: 'municipality',
          header: t('addressImport.fields.municipality'),
          render: (s) => s.address.municipality ?? '—',
        },
        {
          key: 'postal',
          header: t('addressImport.fields.postalCode'),
          nowrap: true,
          render: (s) => s.address.postalCode ?? '—',
        },
        {
          key: 'lat',
          header: t('addressImport.fields.latitude'),
          nowrap: true,
          render: (s) => deg(s.address.latitude),
        },
        {
          key: 'lon',
          header: t('addressImport.fields.longitude'),
          nowrap: true,
          render: (s) => deg(s.address.longitude),
        },
      ]}
    />
  );
}

/** Line-by-line errors (the server keeps the first ones; the count is of all). */
export function ImportErrors({ errors, total }: { errors: LineError[]; total: number }) {
  const { t } = useTranslation();
  if (total === 0) return <p>{t('addressImport.noErrors')}</p>;
  return (
    <>
      <h2>{t('addressImport.errorsTitle', { count: total })}</h2>
      {errors.length < total && <p>{t('addressImport.errorsShown', { shown: errors.length, total })}</p>}
      <Table
        caption={t('addressImport.errorsCaption')}
        captionHidden
        rows={errors}
        rowKey={(e) => `${e.line}-${e.code}`}
        columns={[
          { key: 'line', header: t('addressImport.line'), rowHeader: true, render: (e) => e.line },
          { key: 'message', header: t('addressImport.problem'), render: (e) => e.message },
        ]}
      />
    </>
  );
}

/** Which column fills which field: detected by the server, changed here and previewed again. */
export function MappingForm({ preview, onChange }: { preview: Preview; onChange: (p: Preview) => void }) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const [mapping, setMapping] = useState<Mapping>(preview.mapping);
  const remap = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/addresses/imports/{importId}/preview', {
          params: { path: { orgId: org.id, importId: preview.id } },
          // Only the fields the person changed: the others stay as the server has them.
          body: {
            mapping: Object.fromEntries(
              TARGETS.filter((f) => mapping[f] !== preview.mapping[f]).map((f) => [f, mapping[f]]),
            ),
          },
        }),
      ),
    onSuccess: (next) => {
      setMapping(next.mapping);
      onChange(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remap.mutate();
  };
  return (
    <form className="form staff-form-section" onSubmit={submit} noValidate aria-labelledby="import-mapping">
      <h2 id="import-mapping">{t('addressImport.mappingTitle')}</h2>
      <p>{t('addressImport.mappingText')}</p>
      <ErrorSummary error={remap.error} />
      <div className="two-columns">
        {TARGETS.map((target) => (
          <SelectField
            key={target}
            id={`mapping-${target}`}
            label={t(`addressImport.fields.${target}`)}
            value={mapping[target] ?? ''}
            onChange={(event) => setMapping((old) => ({ ...old, [target]: event.target.value || null }))}
          >
            <option value="">{t('addressImport.noColumn')}</option>
            {preview.columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <Button type="submit" variant="secondary" busy={remap.isPending}>
        {t('addressImport.remap')}
      </Button>
    </form>
  );
}
