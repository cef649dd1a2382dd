import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ApiData, ApiError, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { errorMessage, fieldError } from '../../../ui/errors.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { StepHeading } from '../../../ui/StepHeading.tsx';
import { useStaff } from '../context.ts';
import { ProgressBar } from '../ProgressBar.tsx';
import { ImportErrors, MappingForm, PreviewFigures, SampleTable } from './ImportParts.tsx';

type Preview = ApiData<'/api/orgs/{orgId}/addresses/imports', 'post'>;

/** The content type the server expects for a file, from its name (browsers often leave File.type empty). */
function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'application/geo+json';
  if (file.type === 'text/csv' || file.type === 'application/geo+json' || file.type === 'application/json')
    return file.type;
  return null;
}

/** Step 1: choose the file; it is sent as it is and the server answers a preview. */
function Upload({ onPreview }: { onPreview: (preview: Preview) => void }) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const [file, setFile] = useState<File | null>(null);
  const label = t('addressImport.file');
  const upload = useMutation({
    mutationFn: async (chosen: File | null) => {
      const problem = (message: string) =>
        new ApiError(400, 'client.file', message, { fields: [{ field: 'file', rule: 'required', message }] });
      if (!chosen) throw problem(t('addressImport.fileMissing'));
      const type = contentTypeOf(chosen);
      if (!type) throw problem(t('addressImport.typeUnknown'));
      return call(
        api.POST('/api/orgs/{orgId}/addresses/imports', {
          params: { path: { orgId: org.id }, query: { fileName: chosen.name.slice(0, 200) } },
          headers: { 'Content-Type': type },
          // The file's bytes go as they are: the server detects the encoding and the delimiter.
          body: '',
          bodySerializer: () => chosen,
        }),
      );
    },
    onSuccess: onPreview,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate(file);
  };
  const error = fieldError(upload.error, 'file');
  return (
    <form className="form staff-form-section" onSubmit={submit} noValidate aria-labelledby="import-upload">
      <h2 id="import-upload">{t('addressImport.uploadTitle')}</h2>
      <ErrorSummary error={upload.error} fields={{ file: { id: 'import-file', label } }} />
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor="import-file">
          {label}
        </label>
        <span className="field__hint" id="import-file-hint">
          {t('addressImport.fileHint')}
        </span>
        {error && (
          <span className="field__error" id="import-file-error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {error}
          </span>
        )}
        <input
          id="import-file"
          className="input"
          type="file"
          accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
          aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <Button type="submit" busy={upload.isPending}>
        {t('addressImport.upload')}
      </Button>
    </form>
  );
}

/** Steps 2 and 3: the preview with its detected columns and line errors, other columns, then start. */
function Review({
  preview,
  onChange,
  onStarted,
}: {
  preview: Preview;
  onChange: (p: Preview) => void;
  onStarted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { org } = useStaff();
  const start = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/addresses/imports/{importId}/start', {
          params: { path: { orgId: org.id, importId: preview.id } },
        }),
      ),
    onSuccess: (started) => onStarted(started.id),
  });
  return (
    <section aria-labelledby="import-preview">
      <StepHeading id="import-preview">
        {t('addressImport.previewTitle', { file: preview.fileName ?? '' })}
      </StepHeading>
      <PreviewFigures preview={preview} />
      <SampleTable preview={preview} />
      <ImportErrors errors={preview.errors} total={preview.errorCount} />
      <MappingForm preview={preview} onChange={onChange} />
      <h2>{t('addressImport.startTitle')}</h2>
      {start.error && <Alert tone="error">{errorMessage(start.error, t)}</Alert>}
      {preview.mappingComplete ? (
        <>
          <p>{t('addressImport.startText', { valid: preview.valid, total: preview.total })}</p>
          <Button busy={start.isPending} onClick={() => start.mutate()}>
            {t('addressImport.start')}
          </Button>
        </>
      ) : (
        <Alert tone="warning">{t('addressImport.mappingIncomplete')}</Alert>
      )}
    </section>
  );
}

/** Step 4: the import running in the background, polled every second, then its result. */
function Progress({ importId, onAgain }: { importId: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const { org, base } = useStaff();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['address-import', org.id, importId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/addresses/imports/{importId}', {
          params: { path: { orgId: org.id, importId } },
        }),
      ),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return q.state.error || s === 'done' || s === 'failed' || s === 'previewed' ? false : 1000;
    },
  });
  const finished = query.data?.status === 'done';
  if (finished) void client.invalidateQueries({ queryKey: ['address-search', org.id] });
  return (
    <section aria-labelledby="import-progress">
      <StepHeading id="import-progress">{t('addressImport.progressTitle')}</StepHeading>
      <Loadable query={query}>
        {(p) => (
          <>
            <ProgressBar
              label={t('addressImport.progressLabel')}
              percent={p.status === 'done' ? 100 : p.percent}
              status={t(`addressImport.statuses.${p.status}`, { processed: p.processed, total: p.total })}
            />
            {p.status === 'done' && (
              <Alert tone="success" title={t('addressImport.doneTitle')}>
                <p>
                  {t('addressImport.doneText', {
                    inserted: p.inserted,
                    updated: p.updated,
                    errors: p.errorCount,
                  })}
                </p>
              </Alert>
            )}
            {p.status === 'failed' && <Alert tone="error">{t('addressImport.failedText')}</Alert>}
            {(p.status === 'done' || p.status === 'failed') && (
              <>
                <ImportErrors errors={p.errors} total={p.errorCount} />
                <p className="btn-row">
                  <Button variant="secondary" onClick={onAgain}>
                    {t('addressImport.again')}
                  </Button>
                  <Link to={`${base}/addresses`}>{t('addressImport.toRegister')}</Link>
                </p>
              </>
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}

/** Importing addresses from CSV or GeoJSON: upload, preview with line errors, columns, start, progress. */
export function AddressImportPage() {
  const { t } = useTranslation();
  const { base } = useStaff();
  const [params, setParams] = useSearchParams();
  const running = params.get('import');
  const [preview, setPreview] = useState<Preview | null>(null);
  return (
    <Page title={t('staff.addressImport')}>
      <p>
        <Link to={`${base}/addresses`}>{t('addressImport.back')}</Link>
      </p>
      <p>{t('addressImport.intro')}</p>
      {running ? (
        <Progress
          importId={running}
          onAgain={() => {
            setPreview(null);
            setParams(new URLSearchParams());
          }}
        />
      ) : preview ? (
        <>
          <Review
            preview={preview}
            onChange={setPreview}
            onStarted={(id) => setParams(new URLSearchParams({ import: id }))}
          />
          <p>
            <Button variant="link" className="link-target" onClick={() => setPreview(null)}>
              {t('addressImport.otherFile')}
            </Button>
          </p>
        </>
      ) : (
        <Upload onPreview={setPreview} />
      )}
    </Page>
  );
}
