import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { SelectField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';

type Job = ApiData<'/api/admin/jobs', 'get'>['items'][number];
type State = Job['state'];
const STATES = [
  'created',
  'retry',
  'active',
  'failed',
  'completed',
  'cancelled',
] as const satisfies readonly State[];
const PER_PAGE = 50;

function isState(value: string | null): value is State {
  return (STATES as readonly (string | null)[]).includes(value);
}

/** A job's data or output, shortened for the table (the whole text is in its details). */
function Payload({ text, label }: { text: string | null; label: string }) {
  if (!text || text === '{}' || text === 'null') return <span className="muted">—</span>;
  if (text.length <= 60) return <code>{text}</code>;
  return (
    <details>
      <summary>
        <code>{text.slice(0, 40)}…</code>
        <span className="visually-hidden"> {label}</span>
      </summary>
      <pre className="message-body">{text}</pre>
    </details>
  );
}

/** Background jobs of the installation: counts per queue and state, the jobs themselves, retry. */
export function JobsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const queue = params.get('queue') ?? '';
  const rawState = params.get('state');
  const state = isState(rawState) ? rawState : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ queue, state: state ?? '' });
  const [message, setMessage] = useState('');
  const n = (v: number) => v.toLocaleString(intlLocale());

  const queues = useQuery({
    queryKey: ['admin-job-queues'],
    queryFn: () => call(api.GET('/api/admin/jobs/queues')),
    refetchInterval: 10_000,
  });
  const jobs = useQuery({
    queryKey: ['admin-jobs', queue, state, page],
    queryFn: () =>
      call(
        api.GET('/api/admin/jobs', {
          params: {
            query: { page, perPage: PER_PAGE, ...(queue ? { queue } : {}), ...(state ? { state } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (job: Job) =>
      call(
        api.POST('/api/admin/jobs/{queue}/{id}/retry', {
          params: { path: { queue: job.queue, id: job.id } },
        }),
      ),
    onSuccess: async (_data, job) => {
      setMessage(
        t(job.state === 'failed' ? 'jobs.retried' : 'jobs.startedNow', {
          queue: job.queue,
          id: job.id.slice(0, 8),
        }),
      );
      await client.invalidateQueries({ queryKey: ['admin-jobs'] });
      await client.invalidateQueries({ queryKey: ['admin-job-queues'] });
    },
  });

  const show = (next: { queue: string; state: string }) => {
    const search = new URLSearchParams();
    if (next.queue) search.set('queue', next.queue);
    if (next.state) search.set('state', next.state);
    setDraft(next);
    setParams(search);
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(draft);
  };
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `/admin/jobs?${next.toString()}`;
  };
  const queueNames = queues.data?.map((q) => q.queue) ?? [];

  return (
    <Page title={t('installation.jobs')}>
      <p>{t('jobs.intro')}</p>
      <div aria-live="polite">{message && <Alert tone="success">{message}</Alert>}</div>
      {retry.error && <Alert tone="error">{errorMessage(retry.error, t)}</Alert>}

      <h2>{t('jobs.queuesTitle')}</h2>
      <Loadable query={queues}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('jobs.noQueues')}</p>
          ) : (
            <Table
              caption={t('jobs.queuesCaption')}
              captionHidden
              rows={rows}
              rowKey={(q) => q.queue}
              columns={[
                {
                  key: 'queue',
                  header: t('jobs.queue'),
                  rowHeader: true,
                  render: (q) => <code>{q.queue}</code>,
                },
                ...STATES.map((s) => ({
                  key: s,
                  header: t(`jobs.states.${s}`),
                  render: (q: (typeof rows)[number]) =>
                    q.counts[s] > 0 && (s === 'failed' || s === 'retry') ? (
                      <Button
                        variant="link"
                        className="link-target"
                        onClick={() => show({ queue: q.queue, state: s })}
                        aria-label={t('jobs.showNamed', {
                          count: q.counts[s],
                          state: t(`jobs.states.${s}`),
                          queue: q.queue,
                        })}
                      >
                        {n(q.counts[s])}
                      </Button>
                    ) : (
                      n(q.counts[s])
                    ),
                })),
                { key: 'deferred', header: t('jobs.deferred'), render: (q) => n(q.deferred) },
              ]}
            />
          )
        }
      </Loadable>

      <h2>{t('jobs.listTitle')}</h2>
      <form className="filters-form" onSubmit={apply} aria-label={t('jobs.filters')} noValidate>
        <div className="filters">
          <SelectField
            id="jobs-queue"
            label={t('jobs.queue')}
            value={draft.queue}
            onChange={(event) => setDraft((d) => ({ ...d, queue: event.target.value }))}
          >
            <option value="">{t('jobs.allQueues')}</option>
            {queueNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="jobs-state"
            label={t('jobs.state')}
            value={draft.state}
            onChange={(event) => setDraft((d) => ({ ...d, state: event.target.value }))}
          >
            <option value="">{t('jobs.allStates')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`jobs.states.${s}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t('audit.filter')}
          </Button>
        </div>
      </form>
      <Loadable query={jobs}>
        {(result) =>
          result.items.length === 0 ? (
            <p>{t('jobs.none')}</p>
          ) : (
            <>
              <Table
                caption={t('jobs.caption', { page: result.page, total: result.total })}
                rows={result.items}
                rowKey={(j) => `${j.queue}/${j.id}`}
                columns={[
                  {
                    key: 'id',
                    header: t('jobs.job'),
                    rowHeader: true,
                    render: (j) => (
                      <>
                        <code>{j.queue}</code>
                        <br />
                        <code className="muted">{j.id.slice(0, 8)}</code>
                      </>
                    ),
                  },
                  { key: 'state', header: t('jobs.state'), render: (j) => t(`jobs.states.${j.state}`) },
                  {
                    key: 'created',
                    header: t('jobs.createdOn'),
                    nowrap: true,
                    render: (j) => formatDateTime(j.createdOn),
                  },
                  {
                    key: 'when',
                    header: t('jobs.lastChange'),
                    nowrap: true,
                    render: (j) => formatDateTime(j.completedOn ?? j.startedOn ?? j.startAfter),
                  },
                  {
                    key: 'retries',
                    header: t('jobs.retries'),
                    render: (j) => `${j.retryCount} / ${j.retryLimit}`,
                  },
                  {
                    key: 'data',
                    header: t('jobs.data'),
                    render: (j) => <Payload text={j.data} label={t('jobs.data')} />,
                  },
                  {
                    key: 'output',
                    header: t('jobs.output'),
                    render: (j) => <Payload text={j.output} label={t('jobs.output')} />,
                  },
                  {
                    key: 'action',
                    header: t('common.actions'),
                    render: (j) =>
                      j.state === 'failed' || j.state === 'retry' || j.state === 'created' ? (
                        <Button
                          variant="secondary"
                          busy={retry.isPending && retry.variables?.id === j.id}
                          onClick={() => retry.mutate(j)}
                          aria-label={t(j.state === 'failed' ? 'jobs.retryNamed' : 'jobs.runNowNamed', {
                            queue: j.queue,
                            id: j.id.slice(0, 8),
                          })}
                        >
                          {j.state === 'failed' ? t('jobs.retry') : t('jobs.runNow')}
                        </Button>
                      ) : (
                        <span className="muted">—</span>
                      ),
                  },
                ]}
              />
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={hrefFor}
              />
            </>
          )
        }
      </Loadable>
    </Page>
  );
}
