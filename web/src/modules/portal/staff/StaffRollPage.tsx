import '../portal.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';

/** The roll for staff: import a MAMH file (with progress), past imports and their refused units, the CUBF list. */
export function StaffRollPage() {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const { org } = useStaff();
  const id = useId();
  const [roll, setRoll] = useState<File | null>(null);
  const [codes, setCodes] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const imports = useQuery({
    queryKey: ['portal', org.id, 'roll-imports'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/roll/imports', {
          params: { path: { orgId: org.id }, query: { perPage: 20 } },
        }),
      ),
    // Progress is followed while an import runs.
    refetchInterval: (query) => (query.state.data?.items.some((i) => i.status === 'running') ? 1500 : false),
  });
  const upload = async () => {
    if (!roll) return;
    setBusy(true);
    setMessage(null);
    try {
      const form = new FormData();
      form.append('file', roll, roll.name);
      await call(
        api.POST('/api/orgs/{orgId}/portal/roll/imports', {
          params: { path: { orgId: org.id } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
      setMessage({ tone: 'success', text: t('staffRoll.started') });
      await imports.refetch();
    } catch (caught) {
      setMessage({ tone: 'error', text: errorMessage(caught, common) });
    } finally {
      setBusy(false);
    }
  };
  const loadCodes = async () => {
    if (!codes) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await call(
        api.PUT('/api/orgs/{orgId}/portal/roll/use-codes', {
          params: { path: { orgId: org.id } },
          body: { csv: await codes.text() },
        }),
      );
      setMessage({ tone: 'success', text: t('staffRoll.codesLoaded', { count: result.loaded }) });
    } catch (caught) {
      setMessage({ tone: 'error', text: errorMessage(caught, common) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('staff.roll')}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-roll`}>
            {t('staffRoll.file')}
          </label>
          <span className="field__hint" id={`${id}-roll-hint`}>
            {t('staffRoll.fileHint')}
          </span>
          <input
            id={`${id}-roll`}
            type="file"
            accept=".xml,text/xml,application/xml"
            aria-describedby={`${id}-roll-hint`}
            onChange={(e) => setRoll(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" busy={busy}>
          {t('staffRoll.import')}
        </Button>
      </form>
      <h2>{t('staffRoll.imports')}</h2>
      <Loadable query={imports}>
        {(data) => (
          <Table
            caption={t('staffRoll.imports')}
            captionHidden
            rows={data.items}
            rowKey={(r) => r.id}
            columns={[
              { key: 'file', header: t('staffRoll.fileName'), rowHeader: true, render: (r) => r.fileName },
              { key: 'year', header: t('roll.year'), render: (r) => r.year ?? '—' },
              {
                key: 'status',
                header: t('permits.status'),
                render: (r) =>
                  r.status === 'running' ? (
                    <>
                      {t('staffRoll.status.running')}{' '}
                      <progress
                        max={1}
                        value={r.progress ?? 0}
                        aria-label={t('staffRoll.progress', { file: r.fileName })}
                      />
                    </>
                  ) : (
                    t(`staffRoll.status.${r.status as 'active' | 'superseded' | 'failed'}`)
                  ),
              },
              { key: 'read', header: t('staffRoll.read'), render: (r) => r.unitsRead },
              { key: 'imported', header: t('staffRoll.imported'), render: (r) => r.unitsImported },
              {
                key: 'rejected',
                header: t('staffRoll.rejected'),
                render: (r) =>
                  r.unitsRejected === 0
                    ? 0
                    : `${r.unitsRejected} (${r.rejections
                        .slice(0, 3)
                        .map((x) => t('staffRoll.atLine', { line: x.line, code: x.code }))
                        .join(' ; ')})`,
              },
              {
                key: 'error',
                header: t('staffRoll.error'),
                render: (r) =>
                  r.error ? t('staffRoll.errorAt', { code: r.error.code, line: r.error.line ?? '—' }) : '—',
              },
              {
                key: 'when',
                header: t('staffRoll.when'),
                nowrap: true,
                render: (r) => formatDateTime(r.createdAt),
              },
            ]}
          />
        )}
      </Loadable>
      <h2>{t('staffRoll.codes')}</h2>
      <p>{t('staffRoll.codesText')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void loadCodes();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-codes`}>
            {t('staffRoll.codesFile')}
          </label>
          <input
            id={`${id}-codes`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setCodes(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" variant="secondary" busy={busy}>
          {t('staffRoll.loadCodes')}
        </Button>
      </form>
    </Page>
  );
}
