import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useStaff } from '../../../staff/context.ts';
import { RecreationNav } from './RecreationNav.tsx';

/** Staff check uploaded proofs of residency, and import the town's households (CSV). */
export function ResidencyReviewPage() {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const { org } = useStaff();
  const [message, setMessage] = useState('');
  const [importError, setImportError] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);
  const pending = useQuery({
    queryKey: ['citizen', 'residencies', org.id],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/staff/residencies', {
          params: { path: { orgId: org.id }, query: { status: 'pending', perPage: 100 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ residencyId, approve }: { residencyId: string; approve: boolean }) =>
      call(
        api.POST('/api/citizen/orgs/{orgId}/staff/residencies/{residencyId}/decide', {
          params: { path: { orgId: org.id, residencyId } },
          body: { approve },
        }),
      ),
    onSuccess: async (r) => {
      setMessage(
        r.status === 'active' ? t('registrations.staff.approved') : t('registrations.staff.refused'),
      );
      await client.invalidateQueries({ queryKey: ['citizen', 'residencies'] });
    },
  });
  const openProof = async (fileId: string) => {
    const link = await call(
      api.GET('/api/files/{orgId}/{id}/link', { params: { path: { orgId: org.id, id: fileId } } }),
    );
    window.open(link.url, '_blank', 'noopener');
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    setImportError(null);
    try {
      const csv = await file.text();
      const done = await call(
        api.POST('/api/citizen/orgs/{orgId}/staff/household-imports', {
          params: { path: { orgId: org.id } },
          body: { fileName: file.name, csv },
        }),
      );
      setMessage(t('registrations.staff.imported', { households: done.households, members: done.members }));
    } catch (caught) {
      setImportError(caught);
    } finally {
      setImporting(false);
    }
  };
  const lines =
    importError instanceof ApiError
      ? ((importError.details as { lines?: Array<{ line: number; message: string }> } | undefined)?.lines ??
        [])
      : [];
  return (
    <Page title={t('registrations.staff.residency')}>
      <RecreationNav />
      {message && <Alert tone="success">{message}</Alert>}
      {decide.error && <Alert tone="error">{errorMessage(decide.error, common)}</Alert>}
      <h2>{t('registrations.staff.proofsToCheck')}</h2>
      <Loadable query={pending}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('registrations.staff.noProofs')}</p>
          ) : (
            <Table
              caption={t('registrations.staff.proofsToCheck')}
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'who',
                  header: t('registrations.staff.submittedBy'),
                  rowHeader: true,
                  render: (r) => r.submittedBy?.name ?? '—',
                },
                {
                  key: 'address',
                  header: t('residency.address'),
                  render: (r) => `${r.addressLabel ?? ''} ${r.postalCode ?? ''}`,
                },
                {
                  key: 'when',
                  header: t('registrations.staff.submittedAt'),
                  nowrap: true,
                  render: (r) => formatDateTime(r.createdAt),
                },
                {
                  key: 'actions',
                  header: t('registrations.actions'),
                  render: (r) => (
                    <span className="btn-row">
                      {r.fileId && (
                        <Button variant="secondary" onClick={() => void openProof(r.fileId as string)}>
                          {t('registrations.staff.openProof')}
                        </Button>
                      )}
                      <Button onClick={() => decide.mutate({ residencyId: r.id, approve: true })}>
                        {t('registrations.staff.approve')}
                      </Button>
                      <Button
                        variant="danger"
                        onClick={() => decide.mutate({ residencyId: r.id, approve: false })}
                      >
                        {t('registrations.staff.refuse')}
                      </Button>
                    </span>
                  ),
                },
              ]}
            />
          )
        }
      </Loadable>
      <h2 id={`${id}-import`}>{t('registrations.staff.importTitle')}</h2>
      <p>{t('registrations.staff.importText')}</p>
      {importError !== null && (
        <Alert tone="error" title={errorMessage(importError, common)}>
          {lines.length > 0 && (
            <ul>
              {lines.map((l) => (
                <li key={`${l.line}-${l.message}`}>{l.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-csv`}>
          {t('registrations.staff.importFile')}
        </label>
        <input
          id={`${id}-csv`}
          type="file"
          accept=".csv,text/csv"
          aria-busy={importing || undefined}
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
    </Page>
  );
}
