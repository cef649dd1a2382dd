import '../portal.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useStaff } from '../../staff/context.ts';
import { DocumentsEditor, FieldsEditor, inputId } from './PermitTypeItems.tsx';
import {
  emptyType,
  FEE_KINDS,
  type FeeKind,
  fromDraft,
  NUMERIC_TYPES,
  type StaffPermitType,
  type TypeDraft,
  toDraft,
} from './permit-type-draft.ts';

/** Staff create or change a permit type: its form, documents, fee rule and legal delay. */
export function PermitTypeEditPage() {
  const { t } = useTranslation('portal');
  const { org } = useStaff();
  const { code } = useParams();
  const types = useQuery({
    queryKey: ['portal', org.id, 'staff-permit-types'],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/portal/permits/staff/types', { params: { path: { orgId: org.id } } })),
  });
  if (code === undefined) return <TypeForm key="new" initial={undefined} />;
  return (
    <Loadable query={types}>
      {({ items }) => {
        const type = items.find((i) => i.code === code);
        return type ? (
          <TypeForm key={type.code} initial={type} />
        ) : (
          <Page title={t('types.notFound')}>
            <p>{t('types.notFoundText', { code })}</p>
          </Page>
        );
      }}
    </Loadable>
  );
}

function TypeForm({ initial }: { initial: StaffPermitType | undefined }) {
  const { t, i18n } = useTranslation('portal');
  const { org, base } = useStaff();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = useState<TypeDraft>(() => (initial ? toDraft(initial) : emptyType()));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const area = `${base}/modules/urban_planning/permit-types`;
  const name = initial ? (i18n.language === 'en' ? initial.name.en : initial.name.fr) : '';
  const title = initial ? t('types.editTitle', { name }) : t('types.newTitle');
  const set = (patch: Partial<TypeDraft>) => setDraft((old) => ({ ...old, ...patch }));
  const text = (key: keyof TypeDraft, path: string = key) => ({
    id: inputId(path),
    value: String(draft[key]),
    error: fieldError(error, path),
    onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value } as Partial<TypeDraft>),
  });
  const numericFields = draft.fields.filter((f) => NUMERIC_TYPES.includes(f.type) && f.key.trim());
  const feePath =
    draft.feeKind === 'fixed'
      ? 'feeRule.cents'
      : draft.feeKind === 'per_area'
        ? 'feeRule.centsPerSquareMetre'
        : 'feeRule.centsPerThousand';
  const fieldPath = draft.feeKind === 'per_area' ? 'feeRule.areaField' : 'feeRule.valueField';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setSaved('');
    const code = (initial?.code ?? draft.code).trim();
    const built = fromDraft(draft);
    const local = [
      ...(!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code)
        ? [{ field: 'code', rule: 'pattern', message: t('types.codeInvalid') }]
        : []),
      ...('problems' in built
        ? built.problems.map((p) => ({ field: p.field, rule: 'draft', message: t(p.message) }))
        : []),
    ];
    if (local.length || 'problems' in built) {
      setError(new ApiError(400, 'validation.failed', t('types.problem'), { fields: local }));
      return;
    }
    setBusy(true);
    try {
      const result = await call(
        api.PUT('/api/orgs/{orgId}/portal/permits/staff/types/{code}', {
          params: { path: { orgId: org.id, code } },
          body: built.body,
        }),
      );
      await client.invalidateQueries({ queryKey: ['portal', org.id] });
      const savedName = i18n.language === 'en' ? result.name.en : result.name.fr;
      if (!initial) navigate(`${area}/edit/${result.code}`, { state: { saved: savedName } });
      else setSaved(t('types.saved', { name: savedName }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  // Every problem the server or the editor can name links to its input.
  const labels: Record<string, { id: string; label: string }> = {};
  for (const [path, label] of Object.entries({
    code: t('types.code'),
    nameFr: t('types.nameFr'),
    nameEn: t('types.nameEn'),
    legalDelayDays: t('types.legalDelay'),
    validityMonths: t('types.validity'),
    position: t('types.position'),
    [feePath]: t(`types.feeAmount.${draft.feeKind}`),
    [fieldPath]: t('types.feeField'),
    'feeRule.minCents': t('types.feeMin'),
    'feeRule.maxCents': t('types.feeMax'),
    'feeRule.baseCents': t('types.feeBase'),
  }))
    labels[path] = { id: inputId(path), label };
  draft.fields.forEach((f, i) => {
    const label = f.labelFr || f.key || String(i + 1);
    for (const part of ['key', 'label.fr', 'label.en', 'min', 'max', 'options', 'showIf.field'])
      labels[`fields.${i}.${part}`] = {
        id: inputId(`fields.${i}.${part}`),
        label: t('types.fieldNamed', { label }),
      };
  });
  draft.documents.forEach((d, i) => {
    const label = d.labelFr || d.key || String(i + 1);
    for (const part of ['key', 'label.fr', 'label.en', 'showIf.field'])
      labels[`documents.${i}.${part}`] = {
        id: inputId(`documents.${i}.${part}`),
        label: t('types.documentNamed', { label }),
      };
  });
  const savedBefore = (location.state as { saved?: string } | null)?.saved;

  return (
    <Page title={title}>
      <p>
        <Link to={area}>{t('types.back')}</Link>
      </p>
      {(saved || (savedBefore && !error)) && (
        <Alert tone="success">{saved || t('types.saved', { name: savedBefore })}</Alert>
      )}
      <form className="form portal-type-form" onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={labels} />
        <h2>{t('types.general')}</h2>
        {initial ? (
          <p>
            {t('types.code')} : <code>{initial.code}</code>
          </p>
        ) : (
          <TextField
            {...text('code')}
            label={t('types.code')}
            hint={t('types.codeHint')}
            spellCheck={false}
          />
        )}
        <SelectField {...text('kind')} label={t('types.kind')}>
          <option value="permit">{t('types.kinds.permit')}</option>
          <option value="declaration">{t('types.kinds.declaration')}</option>
        </SelectField>
        <div className="two-columns">
          <TextField {...text('nameFr')} label={t('types.nameFr')} />
          <TextField {...text('nameEn')} label={t('types.nameEn')} />
          <TextAreaField {...text('descriptionFr')} label={t('types.descriptionFr')} optional />
          <TextAreaField {...text('descriptionEn')} label={t('types.descriptionEn')} optional />
          <TextField
            {...text('legalDelayDays')}
            label={t('types.legalDelay')}
            hint={t('types.legalDelayHint')}
            inputMode="numeric"
            inputSize="short"
          />
          <TextField
            {...text('validityMonths')}
            label={t('types.validity')}
            inputMode="numeric"
            inputSize="short"
          />
          <TextField
            {...text('position')}
            label={t('types.position')}
            hint={t('types.positionHint')}
            inputMode="numeric"
            inputSize="short"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
          {t('types.active')}
        </label>

        <FieldsEditor fields={draft.fields} error={error} onChange={(fields) => set({ fields })} />
        <DocumentsEditor
          documents={draft.documents}
          fields={draft.fields}
          error={error}
          onChange={(documents) => set({ documents })}
        />

        <fieldset>
          <legend>
            <h2>{t('types.fee')}</h2>
          </legend>
          <SelectField
            id={inputId('feeRule.kind')}
            label={t('types.feeKind')}
            value={draft.feeKind}
            error={fieldError(error, 'feeRule')}
            onChange={(e) => set({ feeKind: e.target.value as FeeKind })}
          >
            {FEE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`types.feeKinds.${kind}`)}
              </option>
            ))}
          </SelectField>
          {draft.feeKind !== 'none' && (
            <div className="two-columns">
              <TextField
                {...text('feeAmount', feePath)}
                label={t(`types.feeAmount.${draft.feeKind}`)}
                inputMode="decimal"
                inputSize="short"
              />
              {draft.feeKind !== 'fixed' && (
                <>
                  <SelectField
                    {...text('feeField', fieldPath)}
                    label={t('types.feeField')}
                    hint={t('types.feeFieldHint')}
                  >
                    <option value="">{t('types.choose')}</option>
                    {numericFields.map((f) => (
                      <option key={f.uid} value={f.key}>
                        {(i18n.language === 'en' ? f.labelEn : f.labelFr) || f.key}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    {...text('feeBase', 'feeRule.baseCents')}
                    label={t('types.feeBase')}
                    optional
                    inputMode="decimal"
                    inputSize="short"
                  />
                  <TextField
                    {...text('feeMin', 'feeRule.minCents')}
                    label={t('types.feeMin')}
                    optional
                    inputMode="decimal"
                    inputSize="short"
                  />
                  <TextField
                    {...text('feeMax', 'feeRule.maxCents')}
                    label={t('types.feeMax')}
                    optional
                    inputMode="decimal"
                    inputSize="short"
                  />
                </>
              )}
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t('types.openData')}</h2>
          </legend>
          <p>{t('types.openDataIntro')}</p>
          <div className="two-columns">
            <TextField
              {...text('bldsType', 'blds.permitTypeMapped')}
              label={t('types.bldsType')}
              hint={t('types.bldsTypeHint')}
            />
            <SelectField {...text('workClass', 'blds.workClassMapped')} label={t('types.workClass')}>
              <option value="New">{t('types.workClasses.New')}</option>
              <option value="Existing">{t('types.workClasses.Existing')}</option>
            </SelectField>
            <SelectField {...text('permitClass', 'blds.permitClassMapped')} label={t('types.permitClass')}>
              <option value="Residential">{t('types.permitClasses.Residential')}</option>
              <option value="Non-Residential">{t('types.permitClasses.Non-Residential')}</option>
            </SelectField>
          </div>
        </fieldset>
        <Button type="submit" busy={busy}>
          {initial ? t('types.save') : t('types.create')}
        </Button>
      </form>
    </Page>
  );
}
