import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { StepHeading } from '../../ui/StepHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useForm } from '../../ui/useForm.ts';

type Request = ApiData<'/api/admin/deletion-requests', 'get'>['items'][number];
const STATUSES = ['open', 'completed', 'refused', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

function isStatusFilter(value: string | null): value is StatusFilter {
  return (STATUSES as readonly (string | null)[]).includes(value);
}

/** Answering one request: carry out the deletion, or refuse it with the reason the law allows. */
function Handle({ request, onDone }: { request: Request; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useForm(`handle-${request.id}`, { response: '' });
  const who = request.name ?? request.email;

  const decide = (decision: 'complete' | 'refuse') =>
    form.handleSubmit(async ({ response }) => {
      const options = { params: { path: { id: request.id } }, body: { response: response.trim() } };
      if (decision === 'complete') {
        await call(api.POST('/api/admin/deletion-requests/{id}/complete', options));
      } else {
        await call(api.POST('/api/admin/deletion-requests/{id}/refuse', options));
      }
      setConfirming(false);
      await client.invalidateQueries({ queryKey: ['admin-deletion-requests'] });
      onDone(decision === 'complete' ? t('deletion.completed', { who }) : t('deletion.refused', { who }));
    });

  return (
    <section aria-labelledby="handle-request">
      <StepHeading id="handle-request">{t('deletion.handleTitle', { who })}</StepHeading>
      <dl className="summary-list">
        <dt>{t('auth.email')}</dt>
        <dd>{request.email}</dd>
        <dt>{t('data.createdAt')}</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>{t('data.dueAt')}</dt>
        <dd>{formatDateTime(request.dueAt)}</dd>
        <dt>{t('data.reason')}</dt>
        <dd>{request.reason || '—'}</dd>
      </dl>
      <form className="form" onSubmit={(event: FormEvent) => event.preventDefault()} noValidate>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextAreaField
          {...form.field('response', t('deletion.response'))}
          hint={t('deletion.responseHint')}
        />
        <div className="btn-row">
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('deletion.complete')}
          </Button>
          <Button variant="secondary" busy={form.pending} onClick={() => void decide('refuse')()}>
            {t('deletion.refuse')}
          </Button>
          <Button variant="link" onClick={() => onDone('')}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('deletion.confirmTitle', { who })}
        confirmLabel={t('deletion.complete')}
        danger
        busy={form.pending}
        onConfirm={() => void decide('complete')()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('deletion.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Privacy requests to delete accounts, handled by the installation's privacy officer before their deadline. */
export function DeletionRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: StatusFilter = isStatusFilter(raw) ? raw : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [choice, setChoice] = useState<StatusFilter>(status);
  const [handling, setHandling] = useState<Request | null>(null);
  const [message, setMessage] = useState('');
  const query = useQuery({
    queryKey: ['admin-deletion-requests', status, page],
    queryFn: () =>
      call(
        api.GET('/api/admin/deletion-requests', {
          params: { query: { page, ...(status === 'all' ? {} : { status }) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const now = Date.now();

  return (
    <Page title={t('installation.deletionRequests')}>
      <p>{t('deletion.intro')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      <form
        className="filters-form"
        aria-label={t('deletion.filter')}
        onSubmit={(event) => {
          event.preventDefault();
          setParams(choice === 'open' ? new URLSearchParams() : new URLSearchParams({ status: choice }));
        }}
      >
        <div className="filters">
          <SelectField
            id="deletion-status"
            label={t('data.status')}
            value={choice}
            onChange={(event) => setChoice(isStatusFilter(event.target.value) ? event.target.value : 'open')}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? t('deletion.all') : t(`data.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t('deletion.show')}
          </Button>
        </div>
      </form>
      <Loadable query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <p>{t('deletion.none')}</p>
          ) : (
            <>
              <Table
                caption={t('deletion.caption', { total: result.total })}
                rows={result.items}
                rowKey={(r) => r.id}
                columns={[
                  {
                    key: 'who',
                    header: t('deletion.person'),
                    rowHeader: true,
                    render: (r) => (
                      <>
                        {r.name ?? '—'}
                        <br />
                        {r.email}
                      </>
                    ),
                  },
                  {
                    key: 'created',
                    nowrap: true,
                    header: t('data.createdAt'),
                    render: (r) => formatDateTime(r.createdAt),
                  },
                  {
                    key: 'due',
                    header: t('data.dueAt'),
                    render: (r) => (
                      <>
                        {formatDateTime(r.dueAt)}{' '}
                        {r.status === 'open' && new Date(r.dueAt).getTime() < now && (
                          <span className="badge badge--coming">{t('deletion.overdue')}</span>
                        )}
                      </>
                    ),
                  },
                  { key: 'status', header: t('data.status'), render: (r) => t(`data.statuses.${r.status}`) },
                  { key: 'reason', header: t('data.reason'), render: (r) => r.reason || '—' },
                  {
                    key: 'action',
                    header: t('common.actions'),
                    render: (r) =>
                      r.status === 'open' ? (
                        <Button
                          variant="secondary"
                          onClick={() => {
                            setMessage('');
                            setHandling(r);
                          }}
                          aria-label={t('deletion.handleNamed', { who: r.name ?? r.email })}
                        >
                          {t('deletion.handle')}
                        </Button>
                      ) : (
                        (r.response ?? '—')
                      ),
                  },
                ]}
              />
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={(p) =>
                  `/admin/deletion-requests?${new URLSearchParams({ status, page: String(p) })}`
                }
              />
            </>
          )
        }
      </Loadable>
      {handling && (
        <Handle
          key={handling.id}
          request={handling}
          onDone={(text) => {
            setHandling(null);
            setMessage(text);
          }}
        />
      )}
    </Page>
  );
}
