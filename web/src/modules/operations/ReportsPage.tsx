import './operations.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useStaff } from '../staff/context.ts';
import { ProgressBar } from '../staff/ProgressBar.tsx';
import { OperationsNav, useLocalised } from './shared.tsx';

const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** Monthly reports (definitions, archive, regeneration) and the transmission register. */
export function ReportsPage() {
  const { t } = useTranslation('operations');
  const { t: common } = useTranslation();
  const { org, base } = useStaff();
  const { pick, dateTime } = useLocalised();
  const id = useId();
  const client = useQueryClient();
  const key = ['operations', org.id, 'reports'];
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const [month, setMonth] = useState(lastMonth());
  const definitions = useQuery({
    queryKey: [...key, 'definitions'],
    queryFn: async () =>
      (await call(api.GET('/api/orgs/{orgId}/operations/reports', { params: { path: { orgId: org.id } } })))
        .items,
  });
  const runs = useQuery({
    queryKey: [...key, 'runs'],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/orgs/{orgId}/operations/report-runs', {
            params: { path: { orgId: org.id }, query: {} },
          }),
        )
      ).items,
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 1500 : false,
  });
  const register = useQuery({
    queryKey: [...key, 'transmissions'],
    queryFn: async () =>
      call(api.GET('/api/orgs/{orgId}/operations/transmissions', { params: { path: { orgId: org.id } } })),
  });
  const run = useMutation({
    mutationFn: async (reportId: string) =>
      call(
        api.POST('/api/orgs/{orgId}/operations/reports/{reportId}/runs', {
          params: { path: { orgId: org.id, reportId } },
          body: { period: `${month}-01` },
        }),
      ),
    onSuccess: refresh,
  });
  const [tx, setTx] = useState({ template: '', recipient: '' });
  const produce = useMutation({
    mutationFn: async (correctsId?: string) =>
      call(
        api.POST('/api/orgs/{orgId}/operations/transmissions', {
          params: { path: { orgId: org.id } },
          body: {
            template: tx.template || register.data?.templates[0]?.code || '',
            period: `${month}-01`,
            ...(tx.recipient ? { recipient: tx.recipient } : {}),
            ...(correctsId ? { correctsId } : {}),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const outcome = useMutation({
    mutationFn: async (o: { transmissionId: string; outcome: 'sent' | 'failed'; error?: string }) =>
      call(
        api.POST('/api/orgs/{orgId}/operations/transmissions/{transmissionId}/outcome', {
          params: { path: { orgId: org.id, transmissionId: o.transmissionId } },
          body: { outcome: o.outcome, ...(o.error ? { error: o.error } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
  const error = run.error ?? produce.error ?? outcome.error;
  const titleOf = (definitionId: string) => {
    const d = definitions.data?.find((x) => x.id === definitionId);
    return d ? pick(d.title) : '';
  };
  return (
    <Page title={t('nav.reports')}>
      <OperationsNav />
      {error && <Alert tone="error">{errorMessage(error, common)}</Alert>}
      <h2>{t('reports.definitions')}</h2>
      <p>{t('reports.intro')}</p>
      <p>
        <Link to={`${base}/modules/operations/reports/new`}>{t('reportEdit.newTitle')}</Link>
      </p>
      <TextField
        id={`${id}-month`}
        type="month"
        label={t('reports.month')}
        value={month}
        onChange={(e) => setMonth(e.target.value)}
      />
      <Table
        caption={t('reports.definitions')}
        rows={definitions.data ?? []}
        rowKey={(d) => d.id}
        columns={[
          {
            key: 't',
            header: t('reports.definitions'),
            rowHeader: true,
            render: (d) => <Link to={`${base}/modules/operations/reports/${d.id}`}>{pick(d.title)}</Link>,
          },
          { key: 'r', header: t('reports.recipients'), render: (d) => d.recipients.join(', ') },
          {
            key: 'a',
            header: t('reports.generate'),
            render: (d) => (
              <Button variant="secondary" busy={run.isPending} onClick={() => run.mutate(d.id)}>
                {t('reports.generate')}
              </Button>
            ),
          },
        ]}
      />
      <h2>{t('reports.archive')}</h2>
      {(runs.data ?? [])
        .filter((r) => r.status === 'queued' || r.status === 'running')
        .map((r) => (
          <ProgressBar
            key={r.id}
            label={`${t('reports.progress')} — ${titleOf(r.definitionId)}`}
            percent={r.progress}
            status={`${r.progress} %`}
          />
        ))}
      <Table
        caption={t('reports.archive')}
        rows={runs.data ?? []}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'p',
            header: t('reports.period'),
            rowHeader: true,
            nowrap: true,
            render: (r) => `${titleOf(r.definitionId)} — ${r.period.slice(0, 7)}`,
          },
          {
            key: 's',
            header: t('reports.status'),
            render: (r) => t(`reports.statuses.${r.status}`, { defaultValue: r.status }),
          },
          {
            key: 'f',
            header: t('reports.files'),
            render: (r) =>
              r.status === 'done' ? (
                <>
                  <a href={`/api/orgs/${org.id}/operations/report-runs/${r.id}/file.pdf`}>PDF</a> ·{' '}
                  <a href={`/api/orgs/${org.id}/operations/report-runs/${r.id}/file.xlsx`}>XLSX</a>
                </>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <h2>{t('reports.transmissions')}</h2>
      <p>{t('reports.transmissionsIntro')}</p>
      <form
        className="ops-filters"
        onSubmit={(e) => {
          e.preventDefault();
          produce.mutate(undefined);
        }}
      >
        <SelectField
          id={`${id}-tpl`}
          label={t('reports.template')}
          value={tx.template}
          onChange={(e) => setTx({ ...tx, template: e.target.value })}
        >
          {(register.data?.templates ?? []).map((tpl) => (
            <option key={tpl.code} value={tpl.code}>
              {pick(tpl.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-rcp`}
          label={t('reports.recipient')}
          optional
          value={tx.recipient}
          onChange={(e) => setTx({ ...tx, recipient: e.target.value })}
        />
        <Button type="submit" busy={produce.isPending}>
          {t('reports.produce')}
        </Button>
      </form>
      <Table
        caption={t('reports.transmissions')}
        rows={register.data?.items ?? []}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'f',
            header: t('reports.file'),
            rowHeader: true,
            render: (r) => (
              <a href={`/api/orgs/${org.id}/operations/transmissions/${r.id}/file`}>{r.fileName}</a>
            ),
          },
          { key: 'p', header: t('reports.period'), nowrap: true, render: (r) => r.period.slice(0, 7) },
          { key: 'to', header: t('reports.recipient'), render: (r) => r.recipient },
          {
            key: 's',
            header: t('reports.status'),
            render: (r) =>
              `${t(`reports.tStatus.${r.status}`, { defaultValue: r.status })}${r.sentAt ? ` — ${dateTime(r.sentAt)}` : ''}`,
          },
          { key: 'n', header: t('reports.attempts'), render: (r) => r.attempts },
          { key: 'h', header: t('reports.sha'), render: (r) => <span className="ops-sha">{r.sha256}</span> },
          {
            key: 'a',
            header: t('reports.sent'),
            render: (r) =>
              r.status === 'generated' || r.status === 'failed' ? (
                <>
                  <Button
                    variant="secondary"
                    onClick={() => outcome.mutate({ transmissionId: r.id, outcome: 'sent' })}
                  >
                    {t('reports.sent')}
                  </Button>{' '}
                  <Button
                    variant="secondary"
                    onClick={() => {
                      const reason = window.prompt(t('reports.failReason')) ?? '';
                      outcome.mutate({ transmissionId: r.id, outcome: 'failed', error: reason });
                    }}
                  >
                    {t('reports.failed')}
                  </Button>
                </>
              ) : r.status === 'sent' ? (
                <Button variant="secondary" onClick={() => produce.mutate(r.id)}>
                  {t('reports.correct')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Page>
  );
}
