import './portal.css';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';
import { PermitFormFields } from './PermitFormFields.tsx';
import { newKey, type PermitFile, useBilingual, useMoney, useTown } from './shared.tsx';

type Answers = Record<string, string | number | boolean>;

/** Applying for a permit (or declaring works): property from the roll, form, documents, then submission. */
export function ApplyPage() {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const { orgSlug, typeCode } = useParams();
  const { town, loading } = useTown(orgSlug);
  const navigate = useNavigate();
  const bi = useBilingual();
  const money = useMoney();
  const id = useId();
  const orgId = town?.id ?? '';
  const [q, setQ] = useState('');
  const typed = useDeferredValue(q.trim());
  const [unit, setUnit] = useState<{ id: string; label: string } | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<PermitFile | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const types = useQuery({
    queryKey: ['portal', orgId, 'permit-types'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/portal/permits/types', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const type = types.data?.items.find((x) => x.code === typeCode);
  const units = useQuery({
    queryKey: ['portal', orgId, 'roll-search', typed],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/roll/search', {
          params: { path: { orgId }, query: { q: typed, limit: 8 } },
        }),
      ),
    enabled: !!orgId && typed.length >= 2 && !unit,
  });
  const [fee, setFee] = useState<number | null>(null);
  useEffect(() => {
    if (!orgId || !typeCode) return;
    const timer = setTimeout(() => {
      call(
        api.POST('/api/orgs/{orgId}/portal/permits/types/{code}/quote', {
          params: { path: { orgId, code: typeCode } },
          body: { answers },
        }),
      )
        .then((quote) => setFee(quote.feeCents))
        .catch(() => setFee(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [orgId, typeCode, answers]);

  if (loading || !town || types.isPending) return <Loading />;
  if (!type)
    return (
      <Page title={t('apply.unknownType')}>
        <p>
          <Link to={`/${town.slug}/permits`}>{t('nav.permits')}</Link>
        </p>
      </Page>
    );

  const showError = (caught: unknown) => {
    setError(errorMessage(caught, common));
    const next: Record<string, string> = {};
    if (caught instanceof ApiError && typeof caught.details === 'object' && caught.details !== null) {
      const details = caught.details as {
        fields?: Array<{ field: string; code: string }>;
        documents?: string[];
      };
      for (const f of details.fields ?? []) {
        const code = f.code.replace('permit.', '');
        next[f.field] =
          code === 'field_required' ||
          code === 'field_invalid' ||
          code === 'field_range' ||
          code === 'field_option'
            ? t(`problem.${code}`)
            : t('problem.field_invalid');
      }
    }
    setProblems(next);
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { propertyUnitId: unit?.id, description, answers };
      const saved = file
        ? await call(
            api.PATCH('/api/orgs/{orgId}/portal/permits/applications/{id}', {
              params: { path: { orgId, id: file.id } },
              body,
            }),
          )
        : await call(
            api.POST('/api/orgs/{orgId}/portal/permits/applications', {
              params: { path: { orgId } },
              body: { typeCode: type.code, ...body },
              headers: { 'Idempotency-Key': key.current },
            }),
          );
      setFile(saved);
      setProblems({});
      return saved;
    } catch (caught) {
      showError(caught);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    const saved = await save();
    if (!saved) return;
    setBusy(true);
    try {
      const done = await call(
        api.POST('/api/orgs/{orgId}/portal/permits/applications/{id}/submit', {
          params: { path: { orgId, id: saved.id } },
        }),
      );
      navigate(`/${town.slug}/permits/applications/${done.id}`);
    } catch (caught) {
      showError(caught);
    } finally {
      setBusy(false);
    }
  };
  const title =
    type.kind === 'permit'
      ? t('apply.titlePermit', { name: bi(type.name) })
      : t('apply.titleDeclaration', { name: bi(type.name) });
  return (
    <Page title={title}>
      <p className="lead">{bi(type.description)}</p>
      {error && (
        <Alert tone="error" title={t('apply.problem')}>
          <p>{error}</p>
        </Alert>
      )}
      <h2>{t('apply.step', { n: 1, total: 3, title: t('apply.stepProperty') })}</h2>
      {unit ? (
        <p>
          <strong>{unit.label}</strong>{' '}
          <Button variant="link" onClick={() => setUnit(null)}>
            {t('apply.changeProperty')}
          </Button>
        </p>
      ) : (
        <div>
          <TextField
            id={`${id}-property`}
            label={t('apply.propertySearch')}
            hint={t('roll.searchHint')}
            value={q}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
          />
          <div aria-live="polite">
            {units.data && (
              <ul className="portal-results">
                {units.data.items.map((u) => (
                  <li key={u.id}>
                    <Button
                      variant="secondary"
                      onClick={() => setUnit({ id: u.id, label: `${u.address ?? ''} (${u.matricule})` })}
                    >
                      {t('apply.chooseProperty', {
                        address: u.address ?? u.matricule,
                        matricule: u.matricule,
                      })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <h2>{t('apply.step', { n: 2, total: 3, title: t('apply.stepForm') })}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <PermitFormFields
          idPrefix={id}
          fields={type.fields}
          answers={answers}
          problems={problems}
          onChange={(k, v) =>
            setAnswers((current) => {
              const next = { ...current };
              if (v === undefined) delete next[k];
              else next[k] = v;
              return next;
            })
          }
        />
        <TextAreaField
          id={`${id}-description`}
          label={t('apply.description')}
          optional
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <p aria-live="polite">{fee === null ? '' : t('apply.fee', { amount: money(fee) })}</p>
        <Button type="submit" variant="secondary" busy={busy}>
          {file ? t('apply.saveAgain') : t('apply.save')}
        </Button>
      </form>
      <h2>{t('apply.step', { n: 3, total: 3, title: t('apply.stepDocuments') })}</h2>
      {file ? (
        <>
          <DocumentUpload orgId={orgId} file={file} type={type} onChange={setFile} />
          <p>
            {type.kind === 'permit'
              ? t('apply.submitNote', { days: type.legalDelayDays })
              : t('apply.declareNote')}
          </p>
          <Button busy={busy} onClick={() => void submit()}>
            {fee ? t('apply.submitAndPay', { amount: money(fee) }) : t('apply.submit')}
          </Button>
        </>
      ) : (
        <p>{t('apply.saveFirst')}</p>
      )}
    </Page>
  );
}
