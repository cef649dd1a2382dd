import './operations.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useStaff } from '../staff/context.ts';
import { ProgressBar } from '../staff/ProgressBar.tsx';
import { OperationsNav, useLocalised, useStations } from './shared.tsx';

type Preview = ApiData<'/api/orgs/{orgId}/operations/stations/{stationId}/imports', 'post'>;
type Mapping = Preview['mapping'];

/** CSV import of readings: upload and preview, choose columns, start, follow progress. */
export function ImportPage() {
  const { t } = useTranslation('operations');
  const { t: common } = useTranslation();
  const { org } = useStaff();
  const { pick } = useLocalised();
  const id = useId();
  const stations = useStations();
  const [stationId, setStationId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const station = stations.data?.find((s) => s.id === stationId) ?? stations.data?.[0];
  const upload = useMutation({
    mutationFn: async () => {
      if (!file || !station) throw new Error('file');
      return call(
        api.POST('/api/orgs/{orgId}/operations/stations/{stationId}/imports', {
          params: {
            path: { orgId: org.id, stationId: station.id },
            query: { fileName: file.name.slice(0, 200) },
          },
          headers: { 'Content-Type': 'text/csv' },
          body: '',
          bodySerializer: () => file,
        }),
      );
    },
    onSuccess: (p) => {
      setPreview(p);
      setMapping(p.mapping);
      setStarted(null);
    },
  });
  const remap = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/orgs/{orgId}/operations/imports/{importId}/preview', {
          params: { path: { orgId: org.id, importId: preview?.id ?? '' } },
          body: mapping as Mapping,
        }),
      ),
    onSuccess: (p) => setPreview(p),
  });
  const start = useMutation({
    mutationFn: async () =>
      call(
        api.POST('/api/orgs/{orgId}/operations/imports/{importId}/start', {
          params: { path: { orgId: org.id, importId: preview?.id ?? '' } },
        }),
      ),
    onSuccess: (p) => setStarted(p.id),
  });
  const progress = useQuery({
    queryKey: ['operations', org.id, 'import', started],
    enabled: !!started,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
    queryFn: async () =>
      call(
        api.GET('/api/orgs/{orgId}/operations/imports/{importId}', {
          params: { path: { orgId: org.id, importId: started ?? '' } },
        }),
      ),
  });
  if (stations.isLoading) return <Loading />;
  const columnSelect = (
    key: string,
    label: string,
    value: string | null,
    set: (v: string | null) => void,
  ) => (
    <SelectField
      key={key}
      id={`${id}-${key}`}
      label={label}
      value={value ?? ''}
      onChange={(e) => set(e.target.value || null)}
    >
      <option value="">{t('import.noColumn')}</option>
      {(preview?.columns ?? []).map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </SelectField>
  );
  const error = upload.error ?? remap.error ?? start.error;
  const done = progress.data;
  return (
    <Page title={t('nav.import')}>
      <OperationsNav />
      <p>{t('import.intro')}</p>
      {error && <Alert tone="error">{errorMessage(error, common)}</Alert>}
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          upload.mutate();
        }}
      >
        <SelectField
          id={`${id}-s`}
          label={t('import.station')}
          value={station?.id ?? ''}
          onChange={(e) => setStationId(e.target.value)}
        >
          {(stations.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} — {pick(s.name)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('import.file')}
          </label>
          <span className="field__hint" id={`${id}-file-hint`}>
            {t('import.fileHint')}
          </span>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,text/csv"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" busy={upload.isPending}>
          {t('import.preview')}
        </Button>
      </form>
      {preview && mapping && (
        <section>
          <h2>{t('import.mapping')}</h2>
          <Alert tone={preview.errorCount ? 'warning' : 'info'}>
            {t('import.summary', {
              total: preview.total,
              valid: preview.valid ?? 0,
              errors: preview.errorCount,
            })}
          </Alert>
          <form
            className="ops-filters"
            onSubmit={(e) => {
              e.preventDefault();
              remap.mutate();
            }}
          >
            {columnSelect('at', t('import.observedAt'), mapping.observedAt, (v) =>
              setMapping({ ...mapping, observedAt: v }),
            )}
            {columnSelect('measure', t('import.measureColumn'), mapping.measure, (v) =>
              setMapping({ ...mapping, measure: v }),
            )}
            {columnSelect('value', t('import.valueColumn'), mapping.value, (v) =>
              setMapping({ ...mapping, value: v }),
            )}
            {columnSelect('dir', t('import.directionColumn'), mapping.direction, (v) =>
              setMapping({ ...mapping, direction: v }),
            )}
            {(station?.measures ?? []).map((m) =>
              columnSelect(
                `m-${m.code}`,
                t('import.columnFor', { measure: m.code }),
                mapping.measureColumns[m.code] ?? null,
                (v) => {
                  const next = { ...mapping.measureColumns };
                  if (v) next[m.code] = v;
                  else delete next[m.code];
                  setMapping({ ...mapping, measureColumns: next });
                },
              ),
            )}
            <Button type="submit" variant="secondary" busy={remap.isPending}>
              {t('import.apply')}
            </Button>
          </form>
          {preview.errors.length > 0 && (
            <Table
              caption={t('import.errors')}
              rows={preview.errors}
              rowKey={(e) => `${e.line}-${e.code}-${e.message}`}
              columns={[
                {
                  key: 'line',
                  header: t('import.line'),
                  rowHeader: true,
                  nowrap: true,
                  render: (e) => e.line,
                },
                { key: 'msg', header: t('import.problem'), render: (e) => e.message },
              ]}
            />
          )}
          <Table
            caption={t('import.sample')}
            rows={preview.sample.map((row, i) => ({ i, row }))}
            rowKey={(r) => String(r.i)}
            columns={preview.columns.map((c) => ({
              key: c,
              header: c,
              render: (r: { row: Record<string, string> }) => r.row[c] ?? '',
            }))}
          />
          {!started && (
            <Button busy={start.isPending} onClick={() => start.mutate()}>
              {t('import.start')}
            </Button>
          )}
        </section>
      )}
      {done && (
        <section>
          <h2>{t('import.progress')}</h2>
          <ProgressBar
            label={t('import.progress')}
            percent={done.total ? (done.processed / done.total) * 100 : 0}
            status={t('import.progressStatus', { processed: done.processed, total: done.total })}
          />
          {done.status === 'done' && (
            <Alert tone="success">
              {t('import.done', {
                inserted: done.inserted,
                duplicates: done.duplicates,
                errors: done.errorCount,
              })}
            </Alert>
          )}
          {done.status === 'failed' && <Alert tone="error">{t('import.failed')}</Alert>}
        </section>
      )}
    </Page>
  );
}
